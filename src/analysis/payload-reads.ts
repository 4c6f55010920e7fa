import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { SERVICE_ENV_BY_PROVIDER } from '../catalog/forwarding.js';
import type { ScaleAuthSettings } from '../settings.js';
import { isFunction, propertyName, unwrapTypes, valueParent, type FunctionNode } from './ast.js';
import { classifyCreation } from './client-creation.js';
import type { ModuleImport } from './imports.js';

type Node = TSESTree.Node;

/** Where a consumer reads its job's payload. */
export interface PayloadRead {
  /** Keys from the payload root; a read of `[]` keys is a read of the whole payload. */
  path: string[];
  range: [number, number];
  line: number;
  /** `value`: an expression reads it; `binding`: a destructuring property binds it to `local`. */
  kind: 'value' | 'binding';
  local?: string;
  /** The env var of the catalog client whose credential this read becomes, when it becomes one. */
  serviceEnv?: string;
}

export interface ReadContext {
  sourceCode: Readonly<TSESLint.SourceCode>;
  imports: ReadonlyMap<string, ModuleImport>;
  settings: ScaleAuthSettings;
}

const ITERATORS = new Set(['map', 'forEach', 'flatMap', 'filter', 'some', 'every', 'find']);

/** Reads of the payload reached from the processor's first parameter along each path alternative. */
export function payloadReads(processor: FunctionNode, paths: readonly (readonly string[])[], context: ReadContext): PayloadRead[] {
  const [parameter] = processor.params;
  if (!parameter) return [];
  // Alternatives (pg-boss hands one job or an array): keep the one that finds the most field reads, then the fewest other reads.
  let best: PayloadRead[] | undefined;
  for (const path of paths) {
    const reads: PayloadRead[] = [];
    new ReadFinder(context, reads).pattern(parameter, [...path], []);
    const better = !best || fieldReads(reads) > fieldReads(best) || (fieldReads(reads) === fieldReads(best) && reads.length < best.length);
    if (better) best = reads;
  }
  return best ?? [];
}

const fieldReads = (reads: readonly PayloadRead[]): number => reads.filter((read) => read.path.length > 0).length;

/**
 * Follows a value from the processor's parameter: while `rest` is not empty it walks to the payload
 * (`job` → `.data`); then every access records the field path it reads. Locals, destructuring and
 * `for…of` / `map` over arrays (`[]`) are followed; anything else that takes the value whole is a read of it.
 */
class ReadFinder {
  private readonly seen = new Set<Node>();

  constructor(private readonly context: ReadContext, private readonly reads: PayloadRead[]) {}

  pattern(node: Node, rest: string[], field: string[]): void {
    if (this.seen.has(node)) return;
    this.seen.add(node);
    switch (node.type) {
      case AST_NODE_TYPES.AssignmentPattern:
        return this.pattern(node.left, rest, field);
      case AST_NODE_TYPES.TSParameterProperty:
        return this.pattern(node.parameter, rest, field);
      case AST_NODE_TYPES.Identifier:
        return this.identifier(node, rest, field);
      case AST_NODE_TYPES.ArrayPattern:
        if (rest[0] === '[]') for (const element of node.elements) if (element) this.pattern(element, rest.slice(1), field);
        return;
      case AST_NODE_TYPES.ObjectPattern:
        for (const property of node.properties) {
          if (property.type === AST_NODE_TYPES.RestElement) {
            if (rest.length === 0) this.record(property, field, 'value');
            continue;
          }
          const key = propertyName(property);
          if (key === undefined) continue;
          if (rest.length > 0) {
            if (rest[0] === key) this.pattern(property.value, rest.slice(1), field);
            continue;
          }
          const target = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
          if (target.type === AST_NODE_TYPES.Identifier) this.record(property, [...field, key], 'binding', target);
          else this.pattern(target, [], [...field, key]);
        }
        return;
      default:
        return;
    }
  }

  private identifier(identifier: TSESTree.Identifier, rest: string[], field: string[]): void {
    const variable = ASTUtils.findVariable(this.context.sourceCode.getScope(identifier), identifier);
    for (const reference of variable?.references ?? []) {
      if (reference.isRead() && reference.identifier !== identifier) this.expression(reference.identifier as TSESTree.Identifier, rest, field);
    }
  }

  private expression(node: Node, rest: string[], field: string[]): void {
    const { parent, child } = valueParent(node);
    if (!parent) return;
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === child) {
      const key = propertyName(parent) ?? (parent.computed && unwrapTypes(parent.property).type === AST_NODE_TYPES.Literal ? '[]' : undefined);
      const called = parent.parent.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent;
      if (rest.length > 0) {
        if (key === rest[0] || (rest[0] === '[]' && key === '[]')) return this.expression(parent, rest.slice(1), field);
        if (rest[0] === '[]' && called && ITERATORS.has(key ?? '')) return this.iterated(parent.parent as TSESTree.CallExpression, rest.slice(1), field);
        if (called || key !== undefined) return;
        return this.record(child, field, 'value');
      }
      // `payload.token.slice(7)` reads `token`; `payload.token` reads on.
      if (called || key === undefined) return this.record(child, field, 'value');
      return this.expression(parent, rest, [...field, key]);
    }
    if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === child) {
      if (rest.length === 0 && field.length > 0 && parent.id.type === AST_NODE_TYPES.Identifier) return this.record(child, field, 'value', parent.id);
      return this.pattern(parent.id, rest, field);
    }
    if (parent.type === AST_NODE_TYPES.ForOfStatement && parent.right === child && rest[0] === '[]' && parent.left.type === AST_NODE_TYPES.VariableDeclaration) {
      const declared = parent.left.declarations[0];
      if (declared) this.pattern(declared.id, rest.slice(1), field);
      return;
    }
    // A write is not a read: `job.data.token = …`, `delete job.data.token`.
    if ((parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === child) || (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete')) return;
    // Anything else takes the value whole: the job or the payload passed on, or a field used.
    this.record(child, rest.length > 0 ? [] : field, 'value');
  }

  private iterated(call: TSESTree.CallExpression, rest: string[], field: string[]): void {
    const callback = call.arguments[0] && unwrapTypes(call.arguments[0]);
    if (callback && isFunction(callback) && callback.params[0]) this.pattern(callback.params[0], rest, field);
  }

  private record(node: Node, path: string[], kind: PayloadRead['kind'], local?: TSESTree.Identifier): void {
    const serviceEnv = this.serviceEnv(kind === 'binding' || local ? local : node);
    this.reads.push({ path, range: node.range, line: node.loc.start.line, kind, ...(local ? { local: local.name } : {}), ...(serviceEnv ? { serviceEnv } : {}) });
  }

  /** The env var of the catalog client that takes this value (or the local holding it) as its credential; one, or none. */
  private serviceEnv(node: Node | undefined): string | undefined {
    if (!node) return undefined;
    const uses: Node[] = [];
    if (node.type === AST_NODE_TYPES.Identifier) {
      const variable = ASTUtils.findVariable(this.context.sourceCode.getScope(node), node);
      for (const reference of variable?.references ?? []) if (reference.isRead()) uses.push(reference.identifier);
    } else {
      uses.push(node);
    }
    const names = new Set(uses.map((use) => this.clientEnv(use)));
    const [only] = names;
    return names.size === 1 ? only : undefined;
  }

  private clientEnv(use: Node): string | undefined {
    let { parent, child } = valueParent(use);
    // Up through option objects: `{ apiKey: x }`, `{ configuration: { apiKey: x } }`.
    for (let depth = 0; parent?.type === AST_NODE_TYPES.Property && parent.value === child && depth < 3; depth += 1) ({ parent, child } = valueParent(parent.parent));
    if (parent?.type !== AST_NODE_TYPES.NewExpression && parent?.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const creation = classifyCreation(parent, this.context);
    const spec = creation?.spec;
    if (!spec || !creation.credentials.some((credential) => credential.range[0] <= use.range[0] && use.range[1] <= credential.range[1])) return undefined;
    return spec.defaultEnv?.[0] ?? SERVICE_ENV_BY_PROVIDER[spec.provider];
  }
}
