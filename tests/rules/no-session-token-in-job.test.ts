import rule from '../../rules/no-session-token-in-job.js';
import { cjsRuleTester, jsRuleTester, tsRuleTester } from '../rule-tester.js';

const code = (...lines: string[]): string => lines.join('\n');

const BULLMQ = 'import { Queue } from "bullmq";\nconst queue = new Queue("scale-agent");';
const EXPRESS = 'import express from "express";\nconst app = express();';
const token = (line: number, where: string, what: string) => ({ messageId: 'tokenInPayload' as const, line, data: { where, what } });
const request = (line: number, where: string, what: string) => ({ messageId: 'requestInPayload' as const, line, data: { where, what } });
const error = (line: number, messageId: 'tokenInPayload' | 'requestInPayload' = 'tokenInPayload') => ({ messageId, line });

tsRuleTester.run('no-session-token-in-job (TypeScript)', rule, {
  valid: [
    // ok: the seed's fix, a service credential for workers
    code(BULLMQ, 'export async function enqueue() {', '  await queue.add("scale-agent", { apiKey: process.env.CREWAI_SERVICE_API_KEY });', '}'),
    // ok: ids only; the worker mints its own credential for the user
    code(BULLMQ, 'export async function enqueue(session: { user: { id: string } }, ticketId: string) {', '  await queue.add("scale-agent", { userId: session.user.id, ticketId });', '}'),
    // ok: tenant and conversation ids
    code(BULLMQ, 'export async function enqueue(tenantId: string, sessionId: string) {', '  await queue.add("chat", { tenantId, sessionId });', '}'),
    // ok: the token is used at once, in the same request; the job gets the user id
    code(
      BULLMQ,
      EXPRESS,
      'app.post("/tickets", async (req, res) => {',
      '  const token = req.headers.authorization ?? "";',
      '  const me = await fetch("https://auth.example.com/me", { headers: { authorization: token } }).then((r) => r.json());',
      '  await queue.add("triage", { userId: me.id });',
      '  res.status(202).end();',
      '});',
    ),
    // ok: method-name look-alikes on objects that are not queues
    code('export function remember(sessionToken: string) {', '  const seen = new Set<string>();', '  seen.add(sessionToken);', '  const channels = new Map<string, { send(value: string): void }>();', '  channels.get("a")?.send(sessionToken);', '}'),
    // ok: a WebSocket's send is not a job queue
    code('import WebSocket from "ws";', 'export function push(accessToken: string) {', '  new WebSocket("wss://example.com").send(JSON.stringify({ accessToken }));', '}'),
    // ok: the response goes back to the caller
    code(EXPRESS, 'app.post("/login", (req, res) => {', '  res.send({ token: req.headers.authorization });', '});'),
    // ok: a Queue class from the project, not BullMQ
    code('import { Queue } from "./in-memory-queue";', 'export function f(sessionToken: string) {', '  return new Queue("x").add("y", { sessionToken });', '}'),
    // ok: an untyped parameter could be anything
    code('export function f(queue: any, sessionToken: string) {', '  return queue.add("y", { sessionToken });', '}'),
    // ok: a shadowed import
    code('import { Queue } from "bullmq";', 'export function f(Queue: any, sessionToken: string) {', '  return new Queue("x").add("y", { sessionToken });', '}'),
    // ok: push-notification device tokens and one-time reset links are the job's data
    code('import PgBoss from "pg-boss";', 'const boss = new PgBoss(process.env.DATABASE_URL!);', 'export async function f(deviceToken: string, resetToken: string) {', '  await boss.send("push", { deviceToken });', '  await boss.send("reset-email", { resetToken });', '}'),
    // ok: Inngest user identity without a bearer
    code('import { Inngest } from "inngest";', 'const inngest = new Inngest({ id: "app" });', 'export async function f(userId: string, email: string) {', '  await inngest.send({ name: "app/signup", data: { userId }, user: { external_id: userId, email } });', '}'),
    // ok: Trigger.dev public access token minted after triggering and returned to the browser
    code('import { tasks } from "@trigger.dev/sdk/v3";', 'export async function POST(userId: string) {', '  const handle = await tasks.trigger("summarise", { userId });', '  return Response.json({ publicAccessToken: handle.publicAccessToken });', '}'),
    // ok: a service token from env under a token key, serialised
    code('import { SendMessageCommand } from "@aws-sdk/client-sqs";', 'export const command = (orderId: string) => new SendMessageCommand({', '  QueueUrl: process.env.QUEUE_URL,', '  MessageBody: JSON.stringify({ orderId, token: process.env.SERVICE_TOKEN }),', '});'),
    // ok: Cloud Tasks with a fail-fast service token and an OIDC service identity
    code(
      'import { CloudTasksClient } from "@google-cloud/tasks";',
      'declare function requireEnv(name: string): string;',
      'const client = new CloudTasksClient();',
      'export async function schedule(reportId: string) {',
      '  await client.createTask({ parent: "p", task: { httpRequest: {',
      '    url: "https://worker.example.com/run",',
      '    headers: { Authorization: `Bearer ${requireEnv("WORKER_TOKEN")}` },',
      '    oidcToken: { serviceAccountEmail: "worker@example.iam.gserviceaccount.com" },',
      '    body: Buffer.from(JSON.stringify({ reportId })).toString("base64"),',
      '  } } });',
      '}',
    ),
    // ok: LangGraph run with ids in configurable and the messages as input
    code('import { Client } from "@langchain/langgraph-sdk";', 'const client = new Client();', 'export async function run(threadId: string, userId: string, messages: unknown[]) {', '  await client.runs.create(threadId, "agent", { input: { messages }, config: { configurable: { user_id: userId } } });', '}'),
    // ok: a Cloudflare Worker that sends the URL and an id, and its own API key binding
    code('export default {', '  async fetch(request: Request, env: any) {', '    await env.JOBS.send({ url: request.url, userId: request.headers.get("x-user-id"), apiKey: env.OPENAI_API_KEY });', '    return new Response("queued");', '  },', '};'),
    // ok: a header object the code builds itself, without credentials
    code(BULLMQ, 'export async function f(url: string) {', '  await queue.add("fetch", { url, headers: { "content-type": "application/json" } });', '}'),
    // ok: authType, tokenId and a random idempotency token
    code(BULLMQ, 'export async function f(tokenId: string) {', '  await queue.add("rotate", { authType: "bearer", tokenId, token: crypto.randomUUID() });', '}'),
    // ok: Agenda job with a token count
    code('import Agenda from "agenda";', 'const agenda = new Agenda();', 'export async function f() {', '  await agenda.now("summarise", { maxTokens: 512 });', '}'),
    // ok: amqplib message whose auth header comes from env
    code('import amqp from "amqplib";', 'export async function publish(orderId: string) {', '  const channel = await (await amqp.connect("amqp://")).createChannel();', '  channel.publish("orders", "created", Buffer.from(JSON.stringify({ orderId })), { headers: { authorization: process.env.BROKER_TOKEN } });', '}'),
    // ok: Temporal workflow args with ids
    code('import { Client } from "@temporalio/client";', 'const client = new Client();', 'export async function start(userId: string) {', '  await client.workflow.start("summarise", { taskQueue: "q", workflowId: userId, args: [{ userId }] });', '}'),
    // ok: a request id header and a theme cookie
    code(BULLMQ, EXPRESS, 'app.post("/x", async (req, res) => {', '  await queue.add("log", { requestId: req.headers["x-request-id"], theme: req.cookies.theme });', '  res.end();', '});'),
    // ok: a session's user id (express-session)
    code(BULLMQ, EXPRESS, 'app.post("/x", async (req: any, res) => {', '  await queue.add("digest", { userId: req.session.userId });', '  res.end();', '});'),
    // ok: Hono route sending its own service key binding
    code('import { Hono } from "hono";', 'const app = new Hono<{ Bindings: { JOBS: any; SERVICE_API_KEY: string } }>();', 'app.post("/x", async (c) => {', '  await c.env.JOBS.send({ apiKey: c.env.SERVICE_API_KEY });', '  return c.text("ok");', '});'),
    // ok: a function parameter named event that is not a Lambda handler
    code('import { SendMessageCommand } from "@aws-sdk/client-sqs";', 'export function forward(event: { orderId: string }) {', '  return new SendMessageCommand({ QueueUrl: "u", MessageBody: JSON.stringify(event) });', '}'),
    // ok: QStash message with ids, signed by its own token from env
    code('import { Client } from "@upstash/qstash";', 'const qstash = new Client({ token: process.env.QSTASH_TOKEN! });', 'export const later = (userId: string) => qstash.publishJSON({ url: "https://w", body: { userId } });'),
    // ok: Azure Service Bus message with an order id
    code('import { ServiceBusClient } from "@azure/service-bus";', 'const sender = new ServiceBusClient(process.env.SERVICE_BUS!).createSender("orders");', 'export const send = (orderId: string) => sender.sendMessages({ body: { orderId } });'),
    // ok: Kafka message with an event id and a trace header
    code('import { Kafka } from "kafkajs";', 'const producer = new Kafka({ brokers: [] }).producer();', 'export const emit = (eventId: string, traceId: string) => producer.send({ topic: "runs", messages: [{ value: JSON.stringify({ eventId }), headers: { traceId } }] });'),
    // ok: a settings-declared sink with ids only
    {
      code: code('import { JobQueue } from "@acme/jobs";', 'export function f(userId: string) {', '  return new JobQueue().enqueue("x", { userId });', '}'),
      settings: { 'scale-auth': { queues: [{ module: '@acme/jobs', calls: ['new JobQueue().enqueue()'], payload: [{ argument: 1 }] }] } },
    },
    // ok: a token-named key whose value comes from a settings env helper
    {
      code: code(BULLMQ, 'declare function secret(name: string): string;', 'export async function f() {', '  await queue.add("x", { accessToken: secret("WORKER_ACCESS_TOKEN") });', '}'),
      settings: { 'scale-auth': { envHelpers: ['secret'] } },
    },
  ],
  invalid: [
    // ruleid: the CrewAI seed, a session token in the BullMQ payload
    {
      code: code(BULLMQ, 'export async function enqueue(ticketId: string, sessionToken: string) {', '  await queue.add("scale-agent", {', '    ticketId,', '    apiKey: sessionToken,', '  });', '}'),
      errors: [token(6, '`apiKey` in this BullMQ job payload', "`sessionToken`, named like a user's token")],
    },
    // ruleid: the request's Authorization value, through the forwarded-authorization request model
    {
      code: code(BULLMQ, EXPRESS, 'app.post("/x", async (req, res) => {', '  const auth = req.headers.authorization?.replace("Bearer ", "");', '  await queue.add("x", { auth });', '  res.end();', '});'),
      errors: [token(7, '`auth` in this BullMQ job payload', "the request's Authorization value (`req.headers.authorization`)")],
    },
    // ruleid: addBulk jobs built with map()
    { code: code(BULLMQ, 'export function f(ids: string[], jwt: string) {', '  return queue.addBulk(ids.map((id) => ({ name: "x", data: { id, jwt } })));', '}'), errors: [error(4)] },
    // ruleid: a FlowProducer child's data
    {
      code: code('import { FlowProducer } from "bullmq";', 'export function f(accessToken: string) {', '  return new FlowProducer().add({ name: "parent", queueName: "q", children: [{ name: "c", queueName: "q", data: { accessToken } }] });', '}'),
      errors: [error(3)],
    },
    // ruleid: a queue injected into a NestJS service by type
    { code: code('import type { Queue } from "bullmq";', 'export class Jobs {', '  constructor(private readonly queue: Queue) {}', '  run(userToken: string) {', '    return this.queue.add("x", { userToken });', '  }', '}'), errors: [error(5)] },
    // ruleid: a payload built in a local, with `payload.token = …`
    {
      code: code(BULLMQ, EXPRESS, 'app.post("/x", async (req: any, res) => {', '  const payload: Record<string, unknown> = { ticketId: req.params.id };', '  payload.token = req.session.token;', '  await queue.add("x", payload);', '  res.end();', '});'),
      errors: [token(7, '`token` in this BullMQ job payload', "the user's session (`req.session.token`)")],
    },
    // ruleid: the whole header map spread into the payload
    { code: code(BULLMQ, EXPRESS, 'app.post("/x", async (req, res) => {', '  await queue.add("x", { ...req.headers, ticketId: req.params.id });', '  res.end();', '});'), errors: [request(6, 'This BullMQ job payload', "the request's whole header map (`req.headers`)")] },
    // ruleid: bee-queue job with the header map
    { code: code('import Queue from "bee-queue";', 'const jobs = new Queue("jobs");', EXPRESS, 'app.post("/x", (req, res) => {', '  jobs.createJob({ headers: req.headers }).save();', '  res.end();', '});'), errors: [error(6, 'requestInPayload')] },
    // ruleid: pg-boss with the express-session object
    { code: code('import PgBoss from "pg-boss";', 'const boss = new PgBoss(process.env.DATABASE_URL!);', EXPRESS, 'app.post("/x", async (req: any, res) => {', '  await boss.send("report", { session: req.session });', '  res.end();', '});'), errors: [error(6)] },
    // ruleid: Agenda job with a NextAuth session's access token
    {
      code: code('import { Agenda } from "agenda";', 'import { getServerSession } from "next-auth";', 'const agenda = new Agenda();', 'export async function POST() {', '  const session: any = await getServerSession();', '  await agenda.schedule("in 1 hour", "report", { accessToken: session.accessToken });', '}'),
      errors: [error(6)],
    },
    // ruleid: Inngest event with a Supabase access token
    { code: code('import { Inngest } from "inngest";', 'const inngest = new Inngest({ id: "app" });', 'export async function f(session: any) {', '  await inngest.send({ name: "app/run", data: { supabaseAccessToken: session.access_token } });', '}'), errors: [error(4)] },
    // ruleid: Inngest step.sendEvent with a minted token
    {
      code: code('import { Inngest } from "inngest";', 'const inngest = new Inngest({ id: "app" });', 'export const fan = inngest.createFunction({ id: "fan" }, { event: "a" }, async ({ step }) => {', '  await step.sendEvent("next", { name: "app/next", data: { token: await getShortLivedToken() } });', '});', 'declare function getShortLivedToken(): Promise<string>;'),
      errors: [token(4, '`token` in this Inngest job payload', 'a token minted in the web tier (`getShortLivedToken()`)')],
    },
    // ruleid: Trigger.dev tasks.trigger with a Bearer header value
    {
      code: code('import { tasks } from "@trigger.dev/sdk/v3";', 'export async function POST(request: Request) {', '  const token = request.headers.get("authorization");', '  await tasks.trigger("summarise", { authorization: `Bearer ${token}` });', '}'),
      errors: [error(4)],
    },
    // ruleid: a Trigger.dev task's own trigger with a Firebase ID token
    { code: code('import { task } from "@trigger.dev/sdk";', 'export const summarise = task({ id: "summarise", run: async () => {} });', 'export async function f(user: any) {', '  const idToken = await user.getIdToken();', '  await summarise.trigger({ idToken });', '}'), errors: [error(5)] },
    // ruleid: the whole Lambda event as the SQS body
    {
      code: code('import { SQSClient, SendMessageCommand } from "@aws-sdk/client-sqs";', 'const sqs = new SQSClient({});', 'export const handler = async (event: any) => {', '  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: JSON.stringify(event) }));', '};'),
      errors: [request(4, 'This AWS SQS job payload', 'the whole request event `event` and its headers')],
    },
    // ruleid: an SQS batch entry with a session cookie
    {
      code: code('import { SendMessageBatchCommand } from "@aws-sdk/client-sqs";', EXPRESS, 'app.post("/x", (req, res) => {', '  const command = new SendMessageBatchCommand({ QueueUrl: "u", Entries: [{ Id: "1", MessageBody: JSON.stringify({ sid: req.cookies["connect.sid"] }) }] });', '  res.json(command);', '});'),
      errors: [error(5)],
    },
    // ruleid: a Cloud Tasks HTTP task forwarding the caller's Authorization header
    {
      code: code('import { CloudTasksClient } from "@google-cloud/tasks";', 'const client = new CloudTasksClient();', EXPRESS, 'app.post("/x", async (req, res) => {', '  await client.createTask({ parent: "p", task: { httpRequest: { url: "https://w", headers: { Authorization: req.get("Authorization") } } } });', '  res.end();', '});'),
      errors: [error(6)],
    },
    // ruleid: Pub/Sub message with the Cookie header
    { code: code('import { PubSub } from "@google-cloud/pubsub";', 'const pubsub = new PubSub();', 'export async function POST(request: Request) {', '  await pubsub.topic("runs").publishMessage({ json: { cookie: request.headers.get("cookie") } });', '}'), errors: [error(4)] },
    // ruleid: amqplib message body with a JWT
    { code: code('import amqp from "amqplib";', 'export async function f(jwt: string) {', '  const channel = await (await amqp.connect("amqp://")).createChannel();', '  channel.sendToQueue("tasks", Buffer.from(JSON.stringify({ jwt })));', '}'), errors: [error(4)] },
    // ruleid: Temporal workflow args with a user token
    { code: code('import { Client } from "@temporalio/client";', 'const client = new Client();', 'export async function start(userToken: string) {', '  await client.workflow.start("summarise", { taskQueue: "q", workflowId: "w", args: [{ userToken }] });', '}'), errors: [error(4)] },
    // ruleid: the Cloudflare Queues template shape, the whole header map in the message
    {
      code: code('export default {', '  async fetch(request: Request, env: any) {', '    await env.JOBS.send({ url: request.url, headers: Object.fromEntries(request.headers) });', '    return new Response("queued");', '  },', '};'),
      errors: [request(3, '`headers` in this Cloudflare Queues job payload', "the request's whole header map (`Object.fromEntries(request.headers)`)")],
    },
    // ruleid: Hono route putting the session cookie into a Cloudflare queue
    {
      code: code('import { Hono } from "hono";', 'import { getCookie } from "hono/cookie";', 'const app = new Hono<{ Bindings: { JOBS: any } }>();', 'app.post("/x", async (c) => {', '  await c.env.JOBS.send({ token: getCookie(c, "session") });', '  return c.text("ok");', '});'),
      errors: [error(5)],
    },
    // ruleid: the whole Supabase session in a LangGraph run's configurable
    {
      code: code('import { Client } from "@langchain/langgraph-sdk";', 'const client = new Client();', 'export async function run(supabase: any, threadId: string) {', '  const { data: { session } } = await supabase.auth.getSession();', '  await client.runs.stream(threadId, "agent", { input: {}, config: { configurable: { supabaseSession: session } } });', '}'),
      errors: [error(5)],
    },
    // ruleid: an apiKey that is not from the environment
    { code: code(BULLMQ, 'export async function f(account: { apiKey: string }) {', '  await queue.add("x", { apiKey: account.apiKey });', '}'), errors: [token(4, '`apiKey` in this BullMQ job payload', 'a value that is not a service credential from the environment')] },
    // ruleid: QStash message body with the caller's token
    { code: code('import { Client } from "@upstash/qstash";', 'const qstash = new Client({ token: process.env.QSTASH_TOKEN! });', 'export async function POST(request: Request) {', '  await qstash.publishJSON({ url: "https://w", body: { token: request.headers.get("authorization") } });', '}'), errors: [error(4)] },
    // ruleid: Azure Service Bus message with a session token
    { code: code('import { ServiceBusClient } from "@azure/service-bus";', 'const sender = new ServiceBusClient(process.env.SERVICE_BUS!).createSender("orders");', 'export const send = (sessionToken: string) => sender.sendMessages({ body: { sessionToken } });'), errors: [error(3)] },
    // ruleid: Kafka message headers with the request's cookies
    { code: code('import { Kafka } from "kafkajs";', 'const producer = new Kafka({ brokers: [] }).producer();', 'export async function POST(request: Request) {', '  await producer.send({ topic: "runs", messages: [{ value: "{}", headers: { cookie: request.headers.get("cookie") ?? "" } }] });', '}'), errors: [error(4)] },
    // ruleid: a sink declared in settings
    {
      code: code('import { JobQueue } from "@acme/jobs";', 'export function f(sessionToken: string) {', '  return new JobQueue().enqueue("x", { sessionToken });', '}'),
      settings: { 'scale-auth': { queues: [{ module: '@acme/jobs', calls: ['new JobQueue().enqueue()'], payload: [{ argument: 1 }] }] } },
      errors: [error(3)],
    },
  ],
});

jsRuleTester.run('no-session-token-in-job (JavaScript)', rule, {
  valid: [
    // ok: pg-boss with ids only
    code('import PgBoss from "pg-boss";', 'const boss = new PgBoss(process.env.DATABASE_URL);', 'export const enqueue = (userId) => boss.send("report", { userId });'),
  ],
  invalid: [
    // ruleid: JavaScript BullMQ producer
    { code: code('import { Queue } from "bullmq";', 'const queue = new Queue("q");', 'export const enqueue = (sessionToken) => queue.add("x", { apiKey: sessionToken });'), errors: [error(3)] },
  ],
});

cjsRuleTester.run('no-session-token-in-job (CommonJS)', rule, {
  valid: [
    // ok: bee-queue with a service key from env
    code('const Queue = require("bee-queue");', 'const jobs = new Queue("jobs");', 'exports.enqueue = () => jobs.createJob({ apiKey: process.env.SERVICE_API_KEY }).save();'),
  ],
  invalid: [
    // ruleid: a CommonJS Lambda handler sending its whole event
    {
      code: code('const { SendMessageCommand } = require("@aws-sdk/client-sqs");', 'exports.handler = async (event) => {', '  return new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: JSON.stringify(event) });', '};'),
      errors: [error(3, 'requestInPayload')],
    },
  ],
});
