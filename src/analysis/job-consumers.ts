import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { CLOUDFLARE_QUEUE_HANDLER, QUEUE_CONSUMERS, type QueueConsumer } from '../catalog/job-queues.js';
import { isFunction, propertyName, staticString, unwrapTypes, walk, type FunctionNode } from './ast.js';
import { matchesChain, type CallChains } from './call-chains.js';
import { valuesAt } from './job-payloads.js';
import { payloadReads, type PayloadRead, type ReadContext } from './payload-reads.js';

/** A function that runs each job of a queue (or event, or task). */
export interface JobConsumer {
  family: string;
  /** The queue, event or task id; undefined for Cloudflare's one `queue()` handler per Worker. */
  queue?: string;
  line: number;
  reads: PayloadRead[];
}

export interface ConsumerContext extends ReadContext {
  chains: CallChains;
}

/** Every consumer in the file: catalog registrations (`new Worker(name, fn)`, `boss.work(name, fn)`…) and a Worker's `queue()` handler. */
export function findConsumers(program: TSESTree.Program, context: ConsumerContext): JobConsumer[] {
  const found: JobConsumer[] = [];
  walk(program, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) return;
    const consumer = catalogConsumer(node, context);
    if (consumer) found.push(consumer);
  });
  const handler = cloudflareHandler(program);
  if (handler) found.push({ family: CLOUDFLARE_QUEUE_HANDLER.family, line: handler.loc.start.line, reads: payloadReads(handler, [CLOUDFLARE_QUEUE_HANDLER.payload], context) });
  return found;
}

function catalogConsumer(node: TSESTree.CallExpression | TSESTree.NewExpression, context: ConsumerContext): JobConsumer | undefined {
  const chain = context.chains.of(node);
  const spec = chain && QUEUE_CONSUMERS.find((candidate) => candidate.calls.some((pattern) => matchesChain(pattern, candidate.module, chain)));
  if (!spec) return undefined;
  const processor = processorOf(node, spec, context.sourceCode);
  if (!processor) return undefined;
  const queue = spec.queueName
    .flatMap((location) => {
      const argument = location.argument === undefined ? undefined : node.arguments[location.argument];
      return argument ? valuesAt(argument, location.path ?? [], context.sourceCode) : [];
    })
    .map((value) => staticString(value))
    .find((name) => name !== undefined);
  return { family: spec.family, ...(queue === undefined ? {} : { queue }), line: node.loc.start.line, reads: payloadReads(processor, spec.payload, context) };
}

/** The processor function: an argument (or a key of one), or a same-file function it names. */
function processorOf(node: TSESTree.CallExpression | TSESTree.NewExpression, spec: QueueConsumer, sourceCode: Readonly<TSESLint.SourceCode>): FunctionNode | undefined {
  const { argument, path = [] } = spec.processor;
  const holder = node.arguments.at(argument);
  if (!holder || holder.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const [value] = valuesAt(holder, path, sourceCode);
  const target = value && unwrapTypes(value);
  if (target && isFunction(target)) return target;
  if (target?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = ASTUtils.findVariable(sourceCode.getScope(target), target)?.defs[0];
  if (definition?.type === 'FunctionName' && isFunction(definition.node)) return definition.node;
  const init = definition?.type === 'Variable' && definition.node.init ? unwrapTypes(definition.node.init) : undefined;
  return init && isFunction(init) ? init : undefined;
}

/** `export default { async queue(batch, env) { … } }`. */
function cloudflareHandler(program: TSESTree.Program): FunctionNode | undefined {
  const declaration = program.body.find((statement): statement is TSESTree.ExportDefaultDeclaration => statement.type === AST_NODE_TYPES.ExportDefaultDeclaration);
  const object = declaration && unwrapTypes(declaration.declaration);
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const property = object.properties.find((candidate): candidate is TSESTree.Property => candidate.type === AST_NODE_TYPES.Property && propertyName(candidate) === CLOUDFLARE_QUEUE_HANDLER.method);
  return property && isFunction(property.value) ? property.value : undefined;
}
