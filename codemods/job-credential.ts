import { dirname, relative } from 'node:path';
import { Node, type SourceFile } from 'ts-morph';
import type { PayloadRead } from '../src/analysis/payload-reads.js';
import { lineIndent } from '../src/codemod/code-style.js';
import { declaresName } from '../src/codemod/declares.js';
import { hasMarker } from '../src/codemod/markers.js';
import { REQUIRE_ENV, requireEnvHelper } from '../src/codemod/require-env.js';
import { enclosingStatement, widestAtRange } from '../src/codemod/ts-nodes.js';
import type { Codemod, CodemodInput, CodemodOutput, RuleReport } from '../src/codemod/types.js';
import { Workspace } from '../src/codemod/workspace.js';
import { replaceRead } from './job-credential/consumer.js';
import { ConsumerIndex, type LocatedConsumer } from './job-credential/consumers.js';
import { removeStatement } from './job-credential/list-element.js';
import { planProducer, sinkCall } from './job-credential/producer.js';
import { Rewrites } from './job-credential/rewrites.js';

const NAME = 'job-credential';
/** `--option serviceEnv=NAME` for every queue; `serviceEnv.<queue>=NAME` for one. */
const OPTION = 'serviceEnv';

export const jobCredential: Codemod = {
  name: NAME,
  rule: 'no-session-token-in-job',
  description: "Take session tokens out of job payloads; the queue's worker resolves its service credential per job",
  transform,
};

/** A consumer's read of the removed field, and the env var that replaces it (undefined: a person decides). */
interface TokenRead {
  consumer: LocatedConsumer;
  read: PayloadRead;
  envVar: string | undefined;
}

function transform(input: CodemodInput): CodemodOutput {
  const run = new Run(input);
  for (const file of input.reported) {
    const sourceFile = run.workspace.sourceFile(file);
    for (const report of file.reports) run.migrate(sourceFile, report);
  }
  run.flush();
  return run.workspace.output();
}

class Run {
  readonly workspace = new Workspace(NAME);
  private readonly rewrites = new Rewrites(this.workspace);
  private readonly consumers: ConsumerIndex;
  /** Marker messages per statement, written once at the end; `{fields}` in a message lists the fields it was given. */
  private readonly markers = new Map<Node, Map<string, string[]>>();
  /** Producer statements left as they are for a person: later reports on them change nothing either. */
  private readonly waiting = new Set<Node>();
  private readonly replaced = new Set<string>();

  constructor(private readonly input: CodemodInput) {
    this.consumers = new ConsumerIndex(input);
  }

  migrate(sourceFile: SourceFile, report: RuleReport): void {
    const sink = sinkCall(sourceFile, report);
    const statement = sink && enclosingStatement(sink);
    // Marked by an earlier run (or left for a person by another report on this call): it waits.
    if (!sink || !statement || this.waiting.has(statement) || hasEarlierMarker(statement)) return;
    const plan = planProducer(sourceFile, report, sink);
    if (plan.kind === 'mark') return this.wait(statement, plan.message);
    const { family, queue = '', field = '', source } = report.data;
    const removeField = (): void => {
      if (!Node.isExpressionStatement(plan.target)) return this.rewrites.removeElement(plan.target);
      const edit = removeStatement(plan.target);
      this.workspace.editsFor(sourceFile).replace(edit.start, edit.end, edit.text);
    };
    if (plan.spread) {
      removeField();
      return this.mark(statement, `the ${family} payload no longer spreads \`${source}\`: check what its worker read from it, and give the worker a service credential`);
    }
    const consumers = ConsumerIndex.pairs(family) && !field.includes('[]') ? this.consumers.find(family, queue) : [];
    if (consumers.length === 0) {
      removeField();
      const which = queue ? `of "${queue}" ` : '';
      return this.mark(statement, `no ${family} consumer ${which}found${this.input.projectFiles ? ' in the project' : ' in this file'}: where the job runs, use a service credential (requireEnv) instead of its {fields}`, field);
    }
    const path = field.split('.');
    const reads = consumers.flatMap((consumer) => consumer.reads.map((read) => ({ consumer, read })));
    const tokenReads: TokenRead[] = reads.filter(({ read }) => startsWith(read.path, path)).map(({ consumer, read }) => ({ consumer, read, envVar: read.serviceEnv ?? this.optionFor(queue, read.path.length === path.length) }));
    const undecided = tokenReads.filter((token) => token.envVar === undefined);
    if (undecided.length > 0) {
      const [first] = undecided;
      const where = first ? `${relative(dirname(sourceFile.getFilePath()), first.consumer.file.path) || '.'}:${first.read.line}` : '';
      this.wait(statement, `the ${family} worker (${where}) uses \`${field}\` in a way the codemod cannot tell: give it a service credential there (or run again with --option ${OPTION}=ENV_NAME), then take \`${field}\` out of this payload`);
      for (const { consumer, read } of undecided) this.markRead(consumer, read, `this reads the user's token the job carries in \`${field}\`: use a service credential here (requireEnv) and look the user up by id`);
      return;
    }
    removeField();
    for (const token of tokenReads) this.replace(token);
    const escapes = reads.filter(({ read }) => read.path.length < path.length && startsWith(path, read.path));
    for (const { consumer, read } of escapes) this.markRead(consumer, read, `the job payload is passed on whole here and no longer carries \`${field}\`: where that is read, use a service credential (requireEnv) instead`);
  }

  private optionFor(queue: string, exact: boolean): string | undefined {
    const options = this.input.options ?? {};
    return exact ? (options[`${OPTION}.${queue}`] ?? options[OPTION]) : undefined;
  }

  private replace({ consumer, read, envVar }: TokenRead): void {
    const key = `${consumer.file.path}:${read.range[0]}`;
    if (this.replaced.has(key) || !envVar) return;
    this.replaced.add(key);
    const sourceFile = this.workspace.sourceFile(consumer.file);
    const edits = this.workspace.editsFor(sourceFile);
    if (!replaceRead(sourceFile, edits, this.rewrites, read, envVar)) return this.markRead(consumer, read, `replace this read of the user's token with ${REQUIRE_ENV}("${envVar}")`);
    if (!declaresName(sourceFile, REQUIRE_ENV)) edits.append(requireEnvHelper(edits.style, edits.typescript));
  }

  private markRead(consumer: LocatedConsumer, read: PayloadRead, message: string): void {
    const node = widestAtRange(this.workspace.sourceFile(consumer.file), read.range);
    const statement = node && enclosingStatement(node);
    if (statement && !hasEarlierMarker(statement)) this.mark(statement, message);
  }

  private wait(statement: Node, message: string): void {
    this.waiting.add(statement);
    this.mark(statement, message);
  }

  private mark(statement: Node, message: string, field?: string): void {
    const messages = this.markers.get(statement) ?? new Map<string, string[]>();
    const fields = messages.get(message) ?? [];
    if (field !== undefined && !fields.includes(field)) fields.push(field);
    this.markers.set(statement, messages.set(message, fields));
  }

  flush(): void {
    this.rewrites.flush();
    for (const [statement, messages] of this.markers) {
      const sourceFile = statement.getSourceFile();
      const edits = this.workspace.editsFor(sourceFile);
      const start = statement.getStart();
      const text = [...messages].map(([message, fields]) => message.replace('{fields}', listed(fields))).join('; ');
      edits.insert(start, `${this.workspace.marker(text)}${edits.style.newline}${lineIndent(sourceFile.getFullText(), start)}`);
    }
  }
}

/** This codemod marked the statement on an earlier run: it stays as it is (idempotence). */
function hasEarlierMarker(statement: Node): boolean {
  return statement.getLeadingCommentRanges().some((comment) => hasMarker(comment.getText(), NAME));
}

/** `a`, `a` and `b`, `a`, `b` and `c`. */
function listed(fields: readonly string[]): string {
  const quoted = fields.map((field) => `\`${field}\``);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}` : (quoted[0] ?? '');
}

function startsWith(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.every((key, index) => path[index] === key);
}
