import { CallChains } from '../../src/analysis/call-chains.js';
import { collectImports } from '../../src/analysis/imports.js';
import { findConsumers, type JobConsumer } from '../../src/analysis/job-consumers.js';
import { lastName } from '../../src/analysis/job-sinks.js';
import { QUEUE_CONSUMERS } from '../../src/catalog/job-queues.js';
import { analyseFile } from '../../src/codemod/analyse-file.js';
import type { CodemodInput, SourceText } from '../../src/codemod/types.js';
import { readSettings } from '../../src/settings.js';

export interface LocatedConsumer extends JobConsumer {
  file: SourceText;
}

/** Families whose consumer the codemod can find and rewrite. */
const CONSUMER_FAMILIES = new Set(['Cloudflare Queues', ...QUEUE_CONSUMERS.map((consumer) => consumer.family)]);

/** A cheap test before parsing a file: it calls a consumer's registration (`new Worker(`, `.work(`, `task(`) or has a `queue()` handler. */
const HINT = new RegExp(`\\b(${[...new Set(QUEUE_CONSUMERS.flatMap((consumer) => consumer.calls.map(lastName)))].join('|')}|queue)\\s*[(<:]`);

/** The project's job consumers, found once per codemod run in the files it may change. */
export class ConsumerIndex {
  private consumers: LocatedConsumer[] | undefined;

  constructor(private readonly input: CodemodInput) {}

  /** Can this family's consumer be found at all? */
  static pairs(family: string): boolean {
    return CONSUMER_FAMILIES.has(family);
  }

  /** Consumers of `queue` (or the only Cloudflare `queue()` handler, whose queue is named in wrangler config). */
  find(family: string, queue: string): LocatedConsumer[] {
    const ofFamily = this.all().filter((consumer) => consumer.family === family);
    if (family === 'Cloudflare Queues') return ofFamily.length === 1 ? ofFamily : [];
    return queue === '' ? [] : ofFamily.filter((consumer) => consumer.queue === queue);
  }

  private all(): LocatedConsumer[] {
    this.consumers ??= this.files().flatMap((file) => (HINT.test(file.text) ? consumersIn(file) : []));
    return this.consumers;
  }

  /** Every project file under `scale-auth migrate`; only the reported files under jscodeshift. */
  private files(): SourceText[] {
    return this.input.projectFiles?.() ?? this.input.reported;
  }
}

function consumersIn(file: SourceText): LocatedConsumer[] {
  const found = analyseFile(file.path, file.text, (context) => {
    const { sourceCode } = context;
    const imports = collectImports(sourceCode.ast);
    const chains = new CallChains({ sourceCode, imports, filename: file.path });
    return findConsumers(sourceCode.ast, { sourceCode, imports, chains, settings: readSettings(undefined) });
  });
  return (found ?? []).map((consumer) => ({ ...consumer, file }));
}
