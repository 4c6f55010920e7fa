import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { QUEUE_SINKS, type ArgumentPath, type QueueSink } from '../catalog/job-queues.js';
import type { ScaleAuthSettings } from '../settings.js';
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

/** Sinks by the name their calls end with, and a text test for files that call none: built once per sink list. */
class SinkIndex {
  private static readonly cache = new WeakMap<readonly QueueSink[], SinkIndex>();
  readonly byName = new Map<string, QueueSink[]>();
  private readonly hint: RegExp;

  static of(sinks: readonly QueueSink[]): SinkIndex {
    let index = SinkIndex.cache.get(sinks);
    if (!index) SinkIndex.cache.set(sinks, (index = new SinkIndex(sinks)));
    return index;
  }

  private constructor(sinks: readonly QueueSink[]) {
    for (const sink of sinks) {
      for (const name of new Set(sink.calls.map(lastName))) this.byName.set(name, [...(this.byName.get(name) ?? []), sink]);
    }
    const names = [...this.byName.keys()].filter((name) => /^[\w$]+$/.test(name));
    this.hint = new RegExp(`\\b(${names.join('|')})\\s*[(<]`);
  }

  mentionedIn(text: string): boolean {
    return this.hint.test(text);
  }
}

/** Cheap first test for a file: does it call any sink's method (`.add(`, `.send(`, `new SendMessageCommand(`)? */
export function mentionsSink(sinks: readonly QueueSink[], text: string): boolean {
  return SinkIndex.of(sinks).mentionedIn(text);
}

const sinksBySettings = new WeakMap<ScaleAuthSettings, readonly QueueSink[]>();

/** The catalog's sinks and the user's (`settings['scale-auth'].queues`), one list per settings object. */
export function queueSinks(settings: ScaleAuthSettings): readonly QueueSink[] {
  if (settings.queues.length === 0) return QUEUE_SINKS;
  let sinks = sinksBySettings.get(settings);
  if (!sinks) sinksBySettings.set(settings, (sinks = [...QUEUE_SINKS, ...settings.queues]));
  return sinks;
}

/** Matches calls against the sink catalog (and users' sinks) through their chains, never by method name alone. */
export class JobSinks {
  private readonly byName: ReadonlyMap<string, QueueSink[]>;

  constructor(
    sinks: readonly QueueSink[],
    private readonly chains: CallChains,
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
  ) {
    this.byName = SinkIndex.of(sinks).byName;
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
