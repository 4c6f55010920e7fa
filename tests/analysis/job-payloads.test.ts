import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CallChains } from '../../src/analysis/call-chains.js';
import { collectImports } from '../../src/analysis/imports.js';
import { walkPayload } from '../../src/analysis/job-payloads.js';
import { JobSinks, mentionsSink, type SinkNode } from '../../src/analysis/job-sinks.js';
import { QUEUE_SINKS, type QueueSink } from '../../src/catalog/job-queues.js';
import { probe } from './probe.js';

interface Found {
  family: string;
  queue?: string;
  /** Every value in the payload, as `path=code`. */
  entries: string[];
}

/** Each enqueue call in `code`, with the payload entries the walker sees. */
function sinks(code: string, extra: readonly QueueSink[] = [], filename = 'probe.ts'): Found[] {
  return probe<Found>(code, (context, found) => {
    const { sourceCode } = context;
    const jobSinks = new JobSinks([...QUEUE_SINKS, ...extra], new CallChains({ sourceCode, imports: collectImports(sourceCode.ast), filename: context.filename }), sourceCode);
    const check = (node: SinkNode): void => {
      const call = jobSinks.match(node);
      if (!call) return;
      const entries: string[] = [];
      for (const payload of call.payloads) {
        walkPayload(payload, sourceCode, (entry) => {
          entries.push(`${entry.path.join('.')}=${sourceCode.getText(entry.value)}`);
          return false;
        });
      }
      found.push({ family: call.sink.family, ...(call.queue === undefined ? {} : { queue: call.queue }), entries });
    };
    return { CallExpression: check, NewExpression: check } as never;
  }, filename);
}

const families = (code: string): string[] => sinks(code).map((found) => found.family);

describe('enqueue sinks, recognised through imports and the objects made from them', () => {
  it.each([
    ['BullMQ Queue#add', 'import { Queue } from "bullmq";\nconst q = new Queue("scale-agent");\nq.add("run", { a: 1 });', 'BullMQ', 'scale-agent'],
    ['BullMQ namespace import and addBulk', 'import * as bullmq from "bullmq";\nconst q = new bullmq.Queue("mail");\nq.addBulk([{ name: "x", data: { a: 1 } }]);', 'BullMQ', 'mail'],
    ['BullMQ FlowProducer', 'import { FlowProducer } from "bullmq";\nnew FlowProducer().add({ name: "x", queueName: "render", data: { a: 1 } });', 'BullMQ', 'render'],
    ['BullMQ queue injected by type (NestJS)', 'import type { Queue } from "bullmq";\nclass S { constructor(private readonly queue: Queue) {}\n run() { return this.queue.add("x", { a: 1 }); } }', 'BullMQ', undefined],
    ['bee-queue createJob (CommonJS)', 'const Queue = require("bee-queue");\nconst q = new Queue("emails");\nq.createJob({ a: 1 }).save();', 'Bee-Queue', 'emails'],
    ['pg-boss send', 'import PgBoss from "pg-boss";\nconst boss = new PgBoss("postgres://");\nawait boss.send("summarise", { a: 1 });', 'pg-boss', 'summarise'],
    ['pg-boss send({ name, data })', 'import { PgBoss } from "pg-boss";\nconst boss = new PgBoss("postgres://");\nawait boss.send({ name: "summarise", data: { a: 1 } });', 'pg-boss', 'summarise'],
    ['Agenda schedule', 'import { Agenda } from "agenda";\nconst agenda = new Agenda();\nawait agenda.schedule("in 5 minutes", "report", { a: 1 });', 'Agenda', 'report'],
    ['Inngest send', 'import { Inngest } from "inngest";\nconst inngest = new Inngest({ id: "app" });\nawait inngest.send({ name: "app/run", data: { a: 1 } });', 'Inngest', 'app/run'],
    ['Inngest step.sendEvent', 'import { Inngest } from "inngest";\nconst inngest = new Inngest({ id: "app" });\ninngest.createFunction({ id: "f" }, { event: "a" }, async ({ step }) => { await step.sendEvent("fan-out", { name: "app/next", data: { a: 1 } }); });', 'Inngest', 'app/next'],
    ['Trigger.dev tasks.trigger', 'import { tasks } from "@trigger.dev/sdk/v3";\nawait tasks.trigger("summarise", { a: 1 });', 'Trigger.dev', 'summarise'],
    ['Trigger.dev task.trigger', 'import { task } from "@trigger.dev/sdk";\nconst summarise = task({ id: "summarise", run: async () => {} });\nawait summarise.trigger({ a: 1 });', 'Trigger.dev', 'summarise'],
    ['AWS SQS SendMessageCommand', 'import { SendMessageCommand } from "@aws-sdk/client-sqs";\nnew SendMessageCommand({ QueueUrl: "u", MessageBody: JSON.stringify({ a: 1 }) });', 'AWS SQS', undefined],
    ['Google Cloud Tasks createTask', 'import { CloudTasksClient } from "@google-cloud/tasks";\nconst client = new CloudTasksClient();\nawait client.createTask({ parent: "p", task: { httpRequest: { url: "u", body: Buffer.from(JSON.stringify({ a: 1 })).toString("base64") } } });', 'Google Cloud Tasks', undefined],
    ['Pub/Sub publishMessage', 'import { PubSub } from "@google-cloud/pubsub";\nconst pubsub = new PubSub();\nawait pubsub.topic("runs").publishMessage({ json: { a: 1 } });', 'Google Pub/Sub', 'runs'],
    ['amqplib sendToQueue', 'import amqp from "amqplib";\nconst connection = await amqp.connect("amqp://");\nconst channel = await connection.createChannel();\nchannel.sendToQueue("tasks", Buffer.from(JSON.stringify({ a: 1 })));', 'amqplib', 'tasks'],
    ['amqplib callback API', 'const amqp = require("amqplib/callback_api");\namqp.connect("amqp://", (err: unknown, conn: any) => conn.createChannel((e: unknown, ch: any) => ch.sendToQueue("tasks", Buffer.from("{}"))));', 'amqplib', 'tasks'],
    ['Temporal workflow.start', 'import { Client } from "@temporalio/client";\nconst client = new Client();\nawait client.workflow.start("summarise", { taskQueue: "q", workflowId: "w", args: [{ a: 1 }] });', 'Temporal', undefined],
    ['Cloudflare env.QUEUE.send', 'export default { async fetch(request: Request, env: any) { await env.JOBS.send({ a: 1 }); return new Response(); } };', 'Cloudflare Queues', undefined],
    ['Cloudflare via Hono c.env', 'import { Hono } from "hono";\nconst app = new Hono();\napp.post("/x", async (c) => { await (c.env as any).JOBS.send({ a: 1 }); return c.text("ok"); });', 'Cloudflare Queues', undefined],
    ['Upstash QStash publishJSON', 'import { Client } from "@upstash/qstash";\nconst qstash = new Client({ token: process.env.QSTASH_TOKEN! });\nawait qstash.publishJSON({ url: "https://w", body: { a: 1 } });', 'Upstash QStash', undefined],
    ['Azure Service Bus sendMessages', 'import { ServiceBusClient } from "@azure/service-bus";\nconst sender = new ServiceBusClient("c").createSender("orders");\nawait sender.sendMessages({ body: { a: 1 } });', 'Azure Service Bus', 'orders'],
    ['Kafka producer.send', 'import { Kafka } from "kafkajs";\nconst producer = new Kafka({ brokers: [] }).producer();\nawait producer.send({ topic: "runs", messages: [{ value: JSON.stringify({ a: 1 }) }] });', 'Kafka', 'runs'],
    ['LangGraph runs.create', 'import { Client } from "@langchain/langgraph-sdk";\nconst client = new Client();\nawait client.runs.create("thread", "agent", { input: {}, config: { configurable: { a: 1 } } });', 'LangGraph', 'agent'],
  ])('%s', (_name, code, family, queue) => {
    const [found] = sinks(code);
    expect(found?.family).toBe(family);
    expect(found?.queue).toBe(queue);
    expect(found?.entries.some((entry) => entry.includes('a=1') || entry.endsWith('Buffer.from("{}")'))).toBe(true);
  });

  it.each([
    ['an array push look-alike', 'const list: number[] = [];\nconst set = new Set<number>();\nset.add(1);\nlist.push(1);'],
    ['a Map and a WebSocket send', 'const map = new Map();\nmap.set("a", 1);\ndeclare const socket: WebSocket;\nsocket.send("x");'],
    ['Queue from another package', 'import { Queue } from "./my-queue-lib";\nnew Queue("x").add("y", { a: 1 });'],
    ['a shadowed import', 'import { Queue } from "bullmq";\nfunction f(Queue: any) { new Queue("x").add("y", { a: 1 }); }'],
    ['add on a parameter without a type', 'export function f(queue: any) { return queue.add("y", { a: 1 }); }'],
    ['a method of a default export that is not a Worker env', 'export default { run(a: unknown, store: Map<string, number>) { store.set("x", 1); } };'],
  ])('not a sink: %s', (_name, code) => {
    expect(families(code)).toEqual([]);
  });

  it('takes users\' sinks from settings', () => {
    const acme: QueueSink = { family: 'Acme Jobs', module: '@acme/jobs', calls: ['new JobQueue().enqueue()'], payload: [{ argument: 1 }] };
    expect(sinks('import { JobQueue } from "@acme/jobs";\nnew JobQueue().enqueue("x", { a: 1 });', [acme]).map((found) => found.family)).toEqual(['Acme Jobs']);
  });

  it('skips files that call no sink method at all', () => {
    expect(mentionsSink(QUEUE_SINKS, 'const x = 1;\nexport default x;')).toBe(false);
    expect(mentionsSink(QUEUE_SINKS, 'await queue.add("x", {});')).toBe(true);
    expect(mentionsSink(QUEUE_SINKS, 'new SendMessageCommand({});')).toBe(true);
  });
});

describe('queues made in another project module (one hop)', () => {
  const directory = mkdtempSync(join(tmpdir(), 'scale-auth-exports-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  mkdirSync(join(directory, 'src', 'lib'), { recursive: true });
  writeFileSync(join(directory, 'package.json'), '{}');
  writeFileSync(join(directory, 'src', 'lib', 'queues.ts'), 'import { Queue } from "bullmq";\nexport const scaleQueue = new Queue("scale-agent");\n');
  writeFileSync(join(directory, 'src', 'lib', 'inngest.ts'), 'import { Inngest } from "inngest";\nconst inngest = new Inngest({ id: "app" });\nexport default inngest;\n');
  writeFileSync(join(directory, 'src', 'lib', 'list.ts'), 'export const list = new Set<string>();\n');
  const producer = join(directory, 'src', 'routes.ts');

  it('follows a relative import to `export const q = new Queue(...)`, with its queue name', () => {
    expect(sinks('import { scaleQueue } from "./lib/queues.js";\nawait scaleQueue.add("x", { a: 1 });', [], producer)).toMatchObject([{ family: 'BullMQ', queue: 'scale-agent' }]);
  });

  it('follows an `@/` alias to a default export', () => {
    expect(sinks('import inngest from "@/lib/inngest";\nawait inngest.send({ name: "e", data: { a: 1 } });', [], producer)).toMatchObject([{ family: 'Inngest', queue: 'e' }]);
  });

  it('does not take a project Set for a queue', () => {
    expect(sinks('import { list } from "./lib/list";\nlist.add("x");', [], producer)).toEqual([]);
  });
});

describe('payload flow', () => {
  const entries = (code: string): string[] => sinks(`import { Queue } from "bullmq";\nconst queue = new Queue("q");\n${code}`)[0]?.entries ?? [];

  it('walks object literals, nested objects and arrays', () => {
    expect(entries('queue.add("x", { user: { id: 1 }, tags: ["a"] });')).toEqual(['user.id=1', 'tags.[]="a"']);
  });

  it('follows locals, spreads and `payload.key = value` writes', () => {
    const found = entries('export async function f(sessionToken: string, extra: { b: number }) {\n  const base = { a: 1 };\n  const payload: Record<string, unknown> = { ...base, ...extra };\n  payload.token = sessionToken;\n  await queue.add("x", payload);\n}');
    expect(found).toEqual(['=payload', '=base', 'a=1', '=extra', 'token=sessionToken']);
  });

  it('follows JSON.stringify, Buffer.from and toString("base64") into the serialised object', () => {
    const [found] = sinks('import { SendMessageCommand } from "@aws-sdk/client-sqs";\nexport function f(accessToken: string) {\n  const body = { accessToken };\n  return new SendMessageCommand({ QueueUrl: "u", MessageBody: Buffer.from(JSON.stringify(body)).toString("base64") });\n}');
    expect(found?.entries).toEqual(['=Buffer.from(JSON.stringify(body)).toString("base64")', '=JSON.stringify(body)', '=body', 'accessToken=accessToken']);
  });

  it('follows addBulk jobs built with map()', () => {
    expect(entries('export function f(ids: string[], jwt: string) { return queue.addBulk(ids.map((id) => ({ name: "x", data: { id, jwt } }))); }')).toEqual(['id=id', 'jwt=jwt']);
  });
});
