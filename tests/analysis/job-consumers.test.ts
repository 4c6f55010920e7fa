import { describe, expect, it } from 'vitest';
import { CallChains } from '../../src/analysis/call-chains.js';
import { collectImports } from '../../src/analysis/imports.js';
import { findConsumers } from '../../src/analysis/job-consumers.js';
import { readSettings } from '../../src/settings.js';
import { probe } from './probe.js';

interface Found {
  family: string;
  queue?: string;
  /** `path kind [serviceEnv]` per read. */
  reads: string[];
}

function consumers(code: string): Found[] {
  return probe<Found>(code, (context, found) => ({
    'Program:exit'() {
      const { sourceCode } = context;
      const imports = collectImports(sourceCode.ast);
      const chains = new CallChains({ sourceCode, imports, filename: context.filename });
      for (const consumer of findConsumers(sourceCode.ast, { sourceCode, imports, chains, settings: readSettings(undefined) })) {
        const reads = consumer.reads.map((read) => [read.path.join('.') || '(whole)', read.kind, ...(read.local ? [`as ${read.local}`] : []), ...(read.serviceEnv ? [read.serviceEnv] : [])].join(' '));
        found.push({ family: consumer.family, ...(consumer.queue === undefined ? {} : { queue: consumer.queue }), reads });
      }
    },
  }) as never);
}

describe('job consumers and their payload reads', () => {
  it('BullMQ Worker: member reads, and the client a read becomes the credential of', () => {
    expect(consumers('import { Worker } from "bullmq";\nimport OpenAI from "openai";\nnew Worker("q", async (job) => {\n  const openai = new OpenAI({ apiKey: job.data.apiKey });\n  return job.data.ticketId + job.id;\n});')).toEqual([
      { family: 'BullMQ', queue: 'q', reads: ['apiKey value OPENAI_API_KEY', 'ticketId value'] },
    ]);
  });

  it('destructured fields, renamed, and a local holding the payload', () => {
    expect(consumers('import { Worker } from "bullmq";\nimport { CrewClient } from "@crewai/typescript";\nnew Worker("q", async (job) => {\n  const { apiKey: key, ticketId } = job.data;\n  const data = job.data;\n  new CrewClient({ apiKey: key });\n  return [ticketId, data.userId];\n});')[0]?.reads).toEqual(['apiKey binding as key CREWAI_API_KEY', 'ticketId binding as ticketId', 'userId value']);
  });

  it('a processor declared as a function in the file', () => {
    expect(consumers('import { Worker } from "bullmq";\nasync function run(job: any) { return job.data.token; }\nnew Worker("q", run);')[0]?.reads).toEqual(['token value']);
  });

  it('pg-boss: an array of jobs, destructured or iterated', () => {
    expect(consumers('import PgBoss from "pg-boss";\nconst boss = new PgBoss("x");\nboss.work("a", async ([job]) => job.data.token);\nboss.work("b", async (jobs) => { for (const job of jobs) use(job.data.token); });')).toEqual([
      { family: 'pg-boss', queue: 'a', reads: ['token value'] },
      { family: 'pg-boss', queue: 'b', reads: ['token value'] },
    ]);
  });

  it('Agenda, Inngest and Trigger.dev', () => {
    expect(consumers('import { Agenda } from "agenda";\nnew Agenda().define("r", async (job) => job.attrs.data.token);')).toEqual([{ family: 'Agenda', queue: 'r', reads: ['token value'] }]);
    expect(consumers('import { Inngest } from "inngest";\nconst inngest = new Inngest({ id: "a" });\ninngest.createFunction({ id: "f" }, { event: "app/e" }, async ({ event }) => event.data.token);')).toEqual([{ family: 'Inngest', queue: 'app/e', reads: ['token value'] }]);
    expect(consumers('import { Inngest } from "inngest";\nconst inngest = new Inngest({ id: "a" });\ninngest.createFunction({ id: "f", triggers: { event: "app/v4" } }, async ({ event }) => event.data.token);')[0]?.queue).toBe('app/v4');
    expect(consumers('import { task } from "@trigger.dev/sdk/v3";\ntask({ id: "t", run: async ({ token }: { token: string }) => token });')).toEqual([{ family: 'Trigger.dev', queue: 't', reads: ['token binding as token'] }]);
  });

  it('a Cloudflare Worker queue() handler', () => {
    expect(consumers('export default {\n  async queue(batch: any) {\n    for (const message of batch.messages) await fetch(message.body.url);\n  },\n};')).toEqual([{ family: 'Cloudflare Queues', reads: ['url value'] }]);
  });

  it('the payload or the job passed on whole is a read of everything', () => {
    expect(consumers('import { Worker } from "bullmq";\nnew Worker("q", async (job) => handle(job.data));\nnew Worker("r", async (job) => handle(job));').map((found) => found.reads)).toEqual([['(whole) value'], ['(whole) value']]);
  });

  it('writes, job metadata and other objects are not reads', () => {
    expect(consumers('import { Worker } from "bullmq";\nnew Worker("q", async (job) => { job.data.token = ""; await job.updateProgress(1); return job.id; });')[0]?.reads).toEqual([]);
    expect(consumers('const worker = { define(name: string, fn: (job: any) => unknown) { return fn; } };\nworker.define("q", (job) => job.attrs.data.token);')).toEqual([]);
  });
});
