import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { ArgumentPath, QueueSink } from '../catalog/job-queues.js';
import { calleeName, staticString, unwrapTypes } from './ast.js';
import { matchesChain, type CallChains } from './call-chains.js';
import { valuesAt } from './job-payloads.js';

type Node = TSESTree.Node;
export type SinkNode = TSESTree.CallExpression | TSESTree.NewExpression;

/** A call that enqueues a job: which sink, its payload values, and the queue or event name when the code shows it. */
export interface SinkCall {
  sink: QueueSink;
  node: SinkNode;
  payloads: Node[];
  queue?: string;
}

/** The name a pattern ends with, for a cheap first test: `new Queue().add()` → `add`, `new SendMessageCommand()` → `SendMessageCommand`. */
export function lastName(pattern: string): string {
  return pattern.replace(/\(\)$/, '').split(/[.:\s]/).at(-1) ?? '';
}

/** Cheap first test for a file: does it call any sink's method (`.add(`, `.send(`, `new SendMessageCommand(`)? */
export function mentionsSink(sinks: readonly QueueSink[], text: string): boolean {
  const names = [...new Set(sinks.flatMap((sink) => sink.calls.map(lastName)))].filter((name) => /^[\w$]+$/.test(name));
  return new RegExp(`\\b(${names.join('|')})\\s*[(<]`).test(text);
}

/** Matches calls against the sink catalog (and users' sinks) through their chains, never by method name alone. */
export class JobSinks {
  private readonly byName = new Map<string, QueueSink[]>();

  constructor(
    sinks: readonly QueueSink[],
    private readonly chains: CallChains,
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
  ) {
    for (const sink of sinks) {
      for (const name of new Set(sink.calls.map(lastName))) this.byName.set(name, [...(this.byName.get(name) ?? []), sink]);
    }
  }

  match(node: SinkNode): SinkCall | undefined {
    const candidates = this.byName.get(calleeName(node.callee) ?? '');
    if (!candidates) return undefined;
    const chain = this.chains.of(node);
    if (!chain) return undefined;
    const sink = candidates.find((candidate) => candidate.calls.some((pattern) => matchesChain(pattern, candidate.module, chain)));
    if (!sink) return undefined;
    const payloads = sink.payload.flatMap((location) => this.values(node, location));
    const queue = this.queueName(node, sink.queueName ?? []);
    return { sink, node, payloads, ...(queue === undefined ? {} : { queue }) };
  }

  private values(node: SinkNode, location: ArgumentPath): Node[] {
    const from = location.on === 'receiver' ? this.receiverCreation(node) : node;
    if (!from) return [];
    const args = location.argument === undefined ? from.arguments : [from.arguments[location.argument]];
    return args.flatMap((argument) => (argument && argument.type !== AST_NODE_TYPES.SpreadElement ? valuesAt(argument, location.path ?? [], this.sourceCode) : []));
  }

  /** The first name the code spells out as a string. */
  private queueName(node: SinkNode, locations: readonly ArgumentPath[]): string | undefined {
    for (const location of locations) {
      for (const value of this.values(node, location)) {
        const name = staticString(value);
        if (name !== undefined) return name;
      }
    }
    return undefined;
  }

  /** `new Queue("jobs")` for `queue.add(…)`: what made the object the method is called on. */
  private receiverCreation(node: SinkNode): SinkNode | undefined {
    const callee = unwrapTypes(node.callee);
    return callee.type === AST_NODE_TYPES.MemberExpression ? this.chains.of(callee.object)?.creation : undefined;
  }
}
