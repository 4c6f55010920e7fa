import rule from '../../rules/no-module-scope-client.js';
import { cjsRuleTester, jsRuleTester, tsRuleTester } from '../rule-tester.js';

/** One source line per argument, so an error's `line` is the argument's position. */
const code = (...lines: string[]): string => lines.join('\n');

const IMPORTERS = 'the modules that import it';
const OPENAI_IMPLICIT = 'OPENAI_API_KEY, which the SDK reads by itself';

tsRuleTester.run('no-module-scope-client (TypeScript)', rule, {
  valid: [
    // ok: created inside an Express handler, per request
    code(
      "import OpenAI from 'openai';",
      "import express from 'express';",
      'const app = express();',
      "app.post('/chat', async (_req, res) => {",
      '  const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });',
      '  res.json(await openai.models.list());',
      '});',
    ),
    // ok: lazy memoised getter (`??=`)
    code(
      "import OpenAI from 'openai';",
      'let client: OpenAI | undefined;',
      'export function getClient() { client ??= new OpenAI(); return client; }',
    ),
    // ok: lazy memoised getter (`if (!c) c = …`)
    code(
      "import Anthropic from '@anthropic-ai/sdk';",
      'let anthropic: Anthropic | null = null;',
      'export function getAnthropic() {',
      '  if (!anthropic) anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });',
      '  return anthropic;',
      '}',
    ),
    // ok: memoised closure returned by an IIFE: the client is still built on first call
    code(
      "import OpenAI from 'openai';",
      'export const getClient = (() => { let c: OpenAI | undefined; return () => (c ??= new OpenAI()); })();',
    ),
    // ok: a database query with an `apiKey` field is not a client
    code(
      "import { User } from './models/user';",
      'export async function findUser(apiKey: string) { return User.findOne({ apiKey }); }',
    ),
    // ok: same query at module scope: `findOne` is not a client constructor or factory
    code(
      "import { User } from './models/user';",
      'export const admin = await User.findOne({ apiKey: process.env.ADMIN_API_KEY });',
    ),
    // ok: bring-your-own-key: the key is a parameter
    "import OpenAI from 'openai';\nexport function clientFor(apiKey: string) { return new OpenAI({ apiKey }); }",
    // ok: Supabase with delegated user auth, created per request in a route handler
    code(
      "import { createClient } from '@supabase/supabase-js';",
      'export async function GET(req: Request) {',
      '  const supabase = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_ANON_KEY!, {',
      "    global: { headers: { Authorization: req.headers.get('Authorization')! } },",
      '  });',
      "  return Response.json(await supabase.from('notes').select());",
      '}',
    ),
    // ok: Supabase's browser client on the public anon key: users' sessions authenticate (delegated auth)
    code(
      "import { createClient } from '@supabase/supabase-js';",
      'export const supabase = createClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!);',
    ),
    // ok: the same on a publishable key, read into constants first
    code(
      "import { createClient } from '@supabase/supabase-js';",
      'const url = process.env.SUPABASE_URL!;',
      'const key = process.env.SUPABASE_PUBLISHABLE_KEY!;',
      'export const supabase = createClient(url, key);',
    ),
    // ok: BullMQ queue/worker and the Redis connection are meant to live for the process
    code(
      "import { Queue, Worker } from 'bullmq';",
      "import IORedis from 'ioredis';",
      'const connection = new IORedis(process.env.REDIS_URL!, { password: process.env.REDIS_PASSWORD, maxRetriesPerRequest: null });',
      "export const queue = new Queue('jobs', { connection });",
      "export const worker = new Worker('jobs', async () => {}, { connection });",
    ),
    // ok: a connection pool is long-lived by design
    "import { Pool } from 'pg';\nexport const pool = new Pool({ connectionString: process.env.DATABASE_URL, password: process.env.PGPASSWORD });",
    // ok: type positions only
    code(
      "import type OpenAI from 'openai';",
      "import { ChatOpenAI } from '@langchain/openai';",
      'let model: ChatOpenAI | undefined;',
      'type Client = InstanceType<typeof OpenAI>;',
      'export function use(c: Client) { return [c, model]; }',
    ),
    // ok: `declare`d values are not evaluated
    code(
      "import OpenAI from 'openai';",
      'declare const openai: OpenAI;',
      'declare global { var cached: OpenAI | undefined; }',
      'export { openai };',
    ),
    // ok: the SDK import is shadowed by a parameter and a block-scoped local
    code(
      "import OpenAI from 'openai';",
      'function build(OpenAI: new (o: object) => object) { return new OpenAI({}); }',
      '{ const OpenAI = class { constructor(_o?: object) {} }; new OpenAI({}); }',
      'export { build };',
    ),
    // ok: a local class that only looks like an SDK
    "class OpenAI { constructor(readonly opts: { model: string }) {} }\nexport const llm = new OpenAI({ model: 'gpt-4o' });",
    // ok: an SDK-like name imported from the project itself, without a credential
    "import { OpenAI } from './testing/fake-openai';\nexport const openai = new OpenAI();",
    // ok: builtins and data objects, even with a secret-looking field
    code(
      'export const cache = new Map<string, string>();',
      "export const endpoint = new URL(process.env.API_URL ?? 'http://localhost');",
      "export const params = new URLSearchParams({ client_secret: process.env.CLIENT_SECRET ?? '' });",
    ),
    // ok: AWS SDK v3 without static credentials refreshes through the provider chain
    code(
      "import { S3Client } from '@aws-sdk/client-s3';",
      "import { fromNodeProviderChain } from '@aws-sdk/credential-providers';",
      "export const s3 = new S3Client({ region: 'us-east-1' });",
      'export const s3b = new S3Client({ credentials: fromNodeProviderChain() });',
    ),
    // ok: Vercel AI SDK providers read their key when a model is called
    code(
      "import { createOpenAI } from '@ai-sdk/openai';",
      "import { createAnthropic } from '@ai-sdk/anthropic';",
      "export const openai = createOpenAI({ baseURL: 'https://proxy.local/v1' });",
      'export const anthropic = createAnthropic();',
    ),
    // ok: the AI SDK's default provider instance is not constructed here
    "import { openai } from '@ai-sdk/openai';\nexport const model = openai('gpt-4o');",
    // ok: a factory that is exported but not called at load time
    "import { ChatOpenAI } from '@langchain/openai';\nexport const createModel = () => new ChatOpenAI({ model: 'gpt-4o-mini' });",
    // ok: built in a constructor, and the class is not instantiated at module scope
    code(
      "import OpenAI from 'openai';",
      'export class LlmService {',
      '  private client: OpenAI;',
      '  constructor() { this.client = new OpenAI(); }',
      "  ask(q: string) { return this.client.responses.create({ model: 'gpt-4o', input: q }); }",
      '}',
    ),
    // ok: instance field initialisers run per instance; a static factory method per call
    code(
      "import OpenAI from 'openai';",
      'export class Agent { client = new OpenAI(); static create() { return new OpenAI(); } }',
    ),
    // ok: model created inside a LangGraph node
    code(
      "import { ChatAnthropic } from '@langchain/anthropic';",
      "import { StateGraph, MessagesAnnotation } from '@langchain/langgraph';",
      "export const graph = new StateGraph(MessagesAnnotation).addNode('agent', async (state) => {",
      "  const model = new ChatAnthropic({ model: 'claude-sonnet-4-5' });",
      '  return { messages: [await model.invoke(state.messages)] };',
      '}).compile();',
    ),
    // ok: no credential: Mistral's SDK reads no env var; Octokit without `auth` is anonymous
    code(
      "import { Mistral } from '@mistralai/mistralai';",
      "import { Octokit } from '@octokit/rest';",
      'export const mistral = new Mistral();',
      "export const octokit = new Octokit({ userAgent: 'my-app' });",
    ),
    // ok: an explicit `undefined` key on an SDK without an env fallback
    "import { CrewClient } from '@crewai/typescript';\nexport const crew = new CrewClient({ apiKey: undefined, baseUrl: 'http://localhost' });",
    // ok: token-named options that are limits, not credentials
    code(
      'declare function createLimiter(o: object): unknown;',
      'export const limiter = createLimiter({ maxTokens: 100, tokenLimit: 5, nextPageToken: undefined });',
    ),
    // ok: app-side auth middleware (sessions, JWT) is configuration, not an outbound client
    code(
      "import session from 'express-session';",
      "import { expressjwt } from 'express-jwt';",
      "import express from 'express';",
      'export const app = express();',
      'app.use(session({ secret: process.env.SESSION_SECRET!, resave: false }));',
      "export const requireAuth = expressjwt({ secret: process.env.JWT_SECRET!, algorithms: ['HS256'] });",
    ),
    // ok: env schema validation names credential env vars without building a client
    code(
      "import { createEnv } from '@t3-oss/env-nextjs';",
      "import { z } from 'zod';",
      'export const env = createEnv({ server: { OPENAI_API_KEY: z.string() }, runtimeEnv: { OPENAI_API_KEY: process.env.OPENAI_API_KEY } });',
    ),
    // ok: a signing secret passed positionally to a crypto factory
    "import { createHmac } from 'node:crypto';\nexport const sign = (body: string) => createHmac('sha256', process.env.WEBHOOK_SECRET!).update(body).digest('hex');",
    // ok: config objects hold a key but create nothing
    "export const config = { apiKey: process.env.OPENAI_API_KEY, model: 'gpt-4o' };",
    // ok: an auth header built per request
    code(
      'export async function call() {',
      "  return fetch('https://api.example.com', { headers: { Authorization: `Bearer ${process.env.API_TOKEN}` } });",
      '}',
    ),
    // ok: module-scope headers without a credential; a captured env var that is not a credential
    code(
      "export const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };",
      'const baseUrl = process.env.API_BASE_URL;',
      'export const call = () => fetch(`${baseUrl}/v1`, { headers });',
    ),
    // ok: React cache() and object getters defer construction to the first call
    code(
      "import OpenAI from 'openai';",
      "import { cache } from 'react';",
      'export const getOpenAI = cache(() => new OpenAI());',
      'export const clients = { get openai() { return new OpenAI(); }, anthropicless: () => new OpenAI() };',
    ),
    // ok: a one-shot script's main() keeps no client at module scope
    code(
      "import OpenAI from 'openai';",
      'async function main() { const openai = new OpenAI(); console.log(await openai.models.list()); }',
      'void main();',
    ),
    // ok: a default header set per login, inside a function
    "import axios from 'axios';\nexport function login(token: string) { axios.defaults.headers.common.Authorization = `Bearer ${token}`; }",
    // ok: `apiKey` assigned on a config object is not a header
    "export const config: { apiKey?: string } = {};\nconfig.apiKey = process.env.OPENAI_API_KEY;",
    // ok: Upstash Redis and its rate limiter are long-lived connections
    code(
      "import { Redis } from '@upstash/redis';",
      "import { Ratelimit } from '@upstash/ratelimit';",
      'export const redis = new Redis({ url: process.env.UPSTASH_REDIS_REST_URL!, token: process.env.UPSTASH_REDIS_REST_TOKEN! });',
      "export const limiter = new Ratelimit({ redis, limiter: Ratelimit.slidingWindow(10, '10 s') });",
    ),
    {
      // ok: implicitCredentials off: SDKs that read their own env var are not reported
      code: "import OpenAI from 'openai';\nimport { ChatAnthropic } from '@langchain/anthropic';\nexport const openai = new OpenAI();\nexport const llm = new ChatAnthropic({ model: 'claude-sonnet-4-5' });",
      options: [{ implicitCredentials: false }],
    },
    {
      // ok: an examples folder allowed by glob
      code: "import OpenAI from 'openai';\nexport const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });",
      filename: 'examples/quickstart/src/openai.ts',
      options: [{ allow: ['examples/**'] }],
    },
    {
      // ok: a composition root allowed by a bare file-name glob (matched in any folder)
      code: "import Stripe from 'stripe';\nexport const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);",
      filename: 'src/server/container.ts',
      options: [{ allow: ['container.ts'] }],
    },
    {
      // ok: a project's own queue client declared long-lived in settings
      code: "import { QueueClient } from '@acme/queue';\nexport const queue = new QueueClient({ token: process.env.ACME_QUEUE_TOKEN });",
      settings: { 'scale-auth': { longLivedModules: ['@acme/*'] } },
    },
  ],
  invalid: [
    {
      // the seeds' shape: built at import time, reused in a worker function
      code: code(
        "import { CrewClient } from '@crewai/typescript';",
        'const client = new CrewClient({ apiKey: process.env.CREWAI_API_KEY });',
        'export async function runTask() { return client.agents.create({}); }',
      ),
      errors: [
        {
          messageId: 'moduleScopeClient',
          line: 2,
          column: 16,
          data: { binding: 'client', client: 'CrewClient', provider: 'CrewAI', credential: 'CREWAI_API_KEY', users: 'runTask' },
        },
      ],
    },
    {
      // the tiny `lib/openai.ts` imported by every route
      code: "import OpenAI from 'openai';\nexport const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });",
      errors: [
        { messageId: 'moduleScopeClient', line: 2, data: { binding: 'openai', client: 'OpenAI', provider: 'OpenAI', credential: 'OPENAI_API_KEY', users: IMPORTERS } },
      ],
    },
    {
      // implicit env credential, as the default export
      code: "import OpenAI from 'openai';\nexport default new OpenAI();",
      errors: [
        { messageId: 'moduleScopeClient', line: 2, data: { binding: 'default export', client: 'OpenAI', provider: 'OpenAI', credential: OPENAI_IMPLICIT, users: IMPORTERS } },
      ],
    },
    {
      // a module-level object literal holding clients: one report per client
      code: code(
        "import Anthropic from '@anthropic-ai/sdk';",
        "import OpenAI from 'openai';",
        'export const clients = {',
        '  anthropic: new Anthropic(),',
        '  openai: new OpenAI({ apiKey: process.env.OPENAI_API_KEY }),',
        '};',
      ),
      errors: [
        { messageId: 'moduleScopeClient', line: 4, data: { binding: 'clients.anthropic', client: 'Anthropic', provider: 'Anthropic', credential: 'ANTHROPIC_API_KEY, which the SDK reads by itself', users: IMPORTERS } },
        { messageId: 'moduleScopeClient', line: 5, data: { binding: 'clients.openai', client: 'OpenAI', provider: 'OpenAI', credential: 'OPENAI_API_KEY', users: IMPORTERS } },
      ],
    },
    {
      // a module-level array of clients
      code: "import OpenAI from 'openai';\nexport const pool = [\n  new OpenAI({ apiKey: process.env.KEY_A }),\n  new OpenAI({ apiKey: process.env.KEY_B }),\n];",
      errors: [
        { messageId: 'moduleScopeClient', line: 3, data: { binding: 'pool[]', client: 'OpenAI', provider: 'OpenAI', credential: 'KEY_A', users: IMPORTERS } },
        { messageId: 'moduleScopeClient', line: 4, data: { binding: 'pool[]', client: 'OpenAI', provider: 'OpenAI', credential: 'KEY_B', users: IMPORTERS } },
      ],
    },
    {
      // class static property: evaluated when the class is defined
      code: code(
        "import Stripe from 'stripe';",
        'export class Billing {',
        '  static stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);',
        '  static list() { return Billing.stripe.charges.list(); }',
        '}',
      ),
      errors: [{ messageId: 'moduleScopeClient', line: 3, data: { binding: 'Billing.stripe', client: 'Stripe', provider: 'Stripe', credential: 'STRIPE_SECRET_KEY', users: 'every call in this process' } }],
    },
    {
      // class static block
      code: code(
        "import { ChatOpenAI } from '@langchain/openai';",
        'export class Models {',
        '  static chat: ChatOpenAI;',
        "  static { Models.chat = new ChatOpenAI({ model: 'gpt-4o' }); }",
        '}',
      ),
      errors: [{ messageId: 'moduleScopeClient', line: 4, data: { binding: 'Models.chat', client: 'ChatOpenAI', provider: 'OpenAI', credential: OPENAI_IMPLICIT, users: 'every call in this process' } }],
    },
    {
      // top-level await of a dynamic import
      code: "const { default: OpenAI } = await import('openai');\nexport const openai = new OpenAI();",
      errors: [{ messageId: 'moduleScopeClient', line: 2, data: { binding: 'openai', client: 'OpenAI', provider: 'OpenAI', credential: OPENAI_IMPLICIT, users: IMPORTERS } }],
    },
    {
      // top-level await of an async factory: the IIFE builds a client at load time
      code: code(
        "import { ApiClient } from '@acme/sdk';",
        'export const acme = await (async () => {',
        '  return new ApiClient({ apiToken: process.env.ACME_TOKEN });',
        '})();',
      ),
      errors: [{ messageId: 'createdAtLoad', line: 2, data: { binding: 'acme', client: '(async () => …)()', provider: 'ApiClient', credential: 'ACME_TOKEN', users: IMPORTERS } }],
    },
    {
      code: "import OpenAI from 'openai';\nexport const openai = (() => new OpenAI({ apiKey: process.env.OPENAI_API_KEY }))();",
      errors: [{ messageId: 'createdAtLoad', line: 2, data: { binding: 'openai', client: '(() => …)()', provider: 'OpenAI', credential: 'OPENAI_API_KEY', users: IMPORTERS } }],
    },
    {
      // the Next.js dev cache still builds the client at load time
      code: code(
        "import OpenAI from 'openai';",
        'declare global { var __openai: OpenAI | undefined }',
        'export const openai = globalThis.__openai ?? new OpenAI();',
      ),
      errors: [{ messageId: 'moduleScopeClient', line: 3, data: { binding: 'openai', client: 'OpenAI', provider: 'OpenAI', credential: OPENAI_IMPLICIT, users: IMPORTERS } }],
    },
    {
      // derived handle: an index bound to a module-scope client
      code: code(
        "import { Pinecone } from '@pinecone-database/pinecone';",
        'const pc = new Pinecone({ apiKey: process.env.PINECONE_API_KEY! });',
        "export const index = pc.index('docs');",
      ),
      errors: [
        { messageId: 'moduleScopeClient', line: 2, data: { binding: 'pc', client: 'Pinecone', provider: 'Pinecone', credential: 'PINECONE_API_KEY', users: 'other module-scope code' } },
        { messageId: 'derivedHandle', line: 3, data: { binding: 'index', client: 'pc', credential: 'PINECONE_API_KEY', users: IMPORTERS } },
      ],
    },
    {
      // derived handle as the default export
      code: code(
        "import { GoogleGenerativeAI } from '@google/generative-ai';",
        'const genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY!);',
        "export default genAI.getGenerativeModel({ model: 'gemini-1.5-flash' });",
      ),
      errors: [
        { messageId: 'moduleScopeClient', line: 2 },
        { messageId: 'derivedHandle', line: 3, data: { binding: 'default export', client: 'genAI', credential: 'GEMINI_API_KEY', users: IMPORTERS } },
      ],
    },
    {
      // a prebuilt agent wired to a module-scope model
      code: code(
        "import { ChatOpenAI } from '@langchain/openai';",
        "import { createReactAgent } from '@langchain/langgraph/prebuilt';",
        "const llm = new ChatOpenAI({ model: 'gpt-4o' });",
        'export const agent = createReactAgent({ llm, tools: [] });',
      ),
      errors: [
        { messageId: 'moduleScopeClient', line: 3, data: { binding: 'llm', client: 'ChatOpenAI', provider: 'OpenAI', credential: OPENAI_IMPLICIT, users: 'other module-scope code' } },
        { messageId: 'derivedHandle', line: 4, data: { binding: 'agent', client: 'llm', credential: OPENAI_IMPLICIT, users: IMPORTERS } },
      ],
    },
    {
      // a method chain on the client keeps it: reported under the chain's binding
      code: code(
        "import { ChatOpenAI as Chat } from '@langchain/openai';",
        "const model = new Chat({ model: 'gpt-4o', openAIApiKey: process.env.OPENAI_KEY }).bindTools([]);",
        'export const answer = (q: string) => model.invoke(q);',
      ),
      errors: [{ messageId: 'moduleScopeClient', line: 2, data: { binding: 'model', client: 'Chat', provider: 'OpenAI', credential: 'OPENAI_KEY', users: 'answer' } }],
    },
    {
      // an LCEL chain piping a module-scope model is a derived handle
      code: code(
        "import { ChatOpenAI } from '@langchain/openai';",
        "import { ChatPromptTemplate } from '@langchain/core/prompts';",
        "import { StringOutputParser } from '@langchain/core/output_parsers';",
        "const llm = new ChatOpenAI({ model: 'gpt-4o' });",
        "export const chain = ChatPromptTemplate.fromTemplate('{q}').pipe(llm).pipe(new StringOutputParser());",
      ),
      errors: [
        { messageId: 'moduleScopeClient', line: 4 },
        { messageId: 'derivedHandle', line: 5, data: { binding: 'chain', client: 'llm', credential: OPENAI_IMPLICIT, users: IMPORTERS } },
      ],
    },
    {
      // a default Authorization header set on a shared HTTP client at load time
      code: "import axios from 'axios';\naxios.defaults.headers.common['Authorization'] = `Bearer ${process.env.API_TOKEN}`;\nexport const get = () => axios.get('/me');",
      errors: [{ messageId: 'headerObject', line: 2, column: 1, data: { binding: 'axios.defaults.headers.common', header: 'Authorization', credential: 'API_TOKEN', users: 'every call in this process' } }],
    },
    {
      // ...and from a token captured at load
      code: code(
        "import axios from 'axios';",
        'const token = process.env.API_TOKEN;',
        "export const api = axios.create({ baseURL: 'https://api.acme.dev' });",
        'api.defaults.headers.common.Authorization = `Bearer ${token}`;',
      ),
      errors: [{ messageId: 'headerObject', line: 4, data: { binding: 'api.defaults.headers.common', header: 'Authorization', credential: 'API_TOKEN', users: 'every call in this process' } }],
    },
    {
      // module-scope header object built from a captured token
      code: code(
        'const API_KEY = process.env.ACME_API_KEY;',
        "export const headers = { Authorization: `Bearer ${API_KEY}`, 'Content-Type': 'application/json' };",
        "export async function call() { return fetch('https://api.acme.dev', { headers }); }",
      ),
      errors: [{ messageId: 'headerObject', line: 2, data: { binding: 'headers', header: 'Authorization', credential: 'ACME_API_KEY', users: `call and ${IMPORTERS}` } }],
    },
    {
      // `x-api-key` header read straight from the env, wrapped in `Object.freeze`
      code: "const defaultHeaders = Object.freeze({ 'x-api-key': process.env.ACME_API_KEY! });\nexport const get = () => fetch('https://acme.dev', { headers: defaultHeaders });",
      errors: [{ messageId: 'headerObject', line: 1, data: { binding: 'defaultHeaders', header: 'x-api-key', credential: 'ACME_API_KEY', users: 'get' } }],
    },
    {
      // a token captured at load, used for a header inside a function
      code: code(
        'const token = process.env.GITHUB_TOKEN;',
        'export async function repos() {',
        "  return fetch('https://api.github.com/user/repos', { headers: { Authorization: `token ${token}` } });",
        '}',
      ),
      errors: [{ messageId: 'capturedToken', line: 1, column: 15, data: { binding: 'token', credential: 'GITHUB_TOKEN', header: 'Authorization', users: 'repos' } }],
    },
    {
      // a wrapper class whose field builds the client, instantiated at module scope
      code: code(
        "import OpenAI from 'openai';",
        'class LlmService {',
        '  private client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });',
        "  ask(q: string) { return this.client.responses.create({ model: 'gpt-4o', input: q }); }",
        '}',
        'export default new LlmService();',
      ),
      errors: [{ messageId: 'createdAtLoad', line: 6, data: { binding: 'default export', client: 'LlmService', provider: 'OpenAI', credential: 'OPENAI_API_KEY', users: IMPORTERS } }],
    },
    {
      // a "lazy" factory called right away
      code: code(
        "import { ChatAnthropic } from '@langchain/anthropic';",
        "function getModel() { return new ChatAnthropic({ model: 'claude-sonnet-4-5' }); }",
        'export const model = getModel();',
      ),
      errors: [{ messageId: 'createdAtLoad', line: 3, data: { binding: 'model', client: 'getModel', provider: 'Anthropic', credential: 'ANTHROPIC_API_KEY, which the SDK reads by itself', users: IMPORTERS } }],
    },
    {
      // any constructor given a credential-like option
      code: "import { ApiClient } from '@acme/sdk';\nexport const acme = new ApiClient({ apiToken: process.env.ACME_TOKEN });",
      errors: [{ messageId: 'moduleScopeClient', line: 2, data: { binding: 'acme', client: 'ApiClient', provider: 'ApiClient', credential: 'ACME_TOKEN', users: IMPORTERS } }],
    },
    {
      // any factory given an Authorization header
      code: "import axios from 'axios';\nexport const http = axios.create({ baseURL: 'https://api.acme.dev', headers: { Authorization: `Bearer ${process.env.ACME_TOKEN}` } });",
      errors: [{ messageId: 'moduleScopeClient', line: 2, data: { binding: 'http', client: 'create', provider: 'create', credential: 'ACME_TOKEN', users: IMPORTERS } }],
    },
    {
      // Supabase admin client on the service-role key
      code: "import { createClient } from '@supabase/supabase-js';\nexport const supabaseAdmin = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!);",
      errors: [{ messageId: 'moduleScopeClient', line: 2, data: { binding: 'supabaseAdmin', client: 'createClient', provider: 'Supabase', credential: 'SUPABASE_SERVICE_ROLE_KEY', users: IMPORTERS } }],
    },
    {
      // a hard-coded key is named as such, never printed
      code: "import Groq from 'groq-sdk';\nexport const groq = new Groq({ apiKey: 'gsk-test' });",
      errors: [{ messageId: 'moduleScopeClient', line: 2, data: { binding: 'groq', client: 'Groq', provider: 'Groq', credential: 'a hard-coded credential', users: IMPORTERS } }],
    },
    {
      code: "import { AzureOpenAI } from 'openai';\nexport const azure = new AzureOpenAI({ endpoint: 'https://x.openai.azure.com', apiVersion: '2024-10-21' });",
      errors: [{ messageId: 'moduleScopeClient', line: 2, data: { binding: 'azure', client: 'AzureOpenAI', provider: 'Azure OpenAI', credential: 'AZURE_OPENAI_API_KEY, which the SDK reads by itself', users: IMPORTERS } }],
    },
    {
      // namespace import
      code: code(
        "import * as sdk from '@anthropic-ai/sdk';",
        'const anthropic = new sdk.Anthropic();',
        'export const ask = () => anthropic.models.list();',
      ),
      errors: [{ messageId: 'moduleScopeClient', line: 2, data: { binding: 'anthropic', client: 'Anthropic', provider: 'Anthropic', credential: 'ANTHROPIC_API_KEY, which the SDK reads by itself', users: 'ask' } }],
    },
    {
      // an AI SDK provider with an explicit key captures it at load
      code: "import { createOpenAI } from '@ai-sdk/openai';\nexport const openai = createOpenAI({ apiKey: process.env.OPENAI_API_KEY });",
      errors: [{ messageId: 'moduleScopeClient', line: 2, data: { binding: 'openai', client: 'createOpenAI', provider: 'OpenAI', credential: 'OPENAI_API_KEY', users: IMPORTERS } }],
    },
    {
      // AWS client with static credentials
      code: "import { S3Client } from '@aws-sdk/client-s3';\nexport const s3 = new S3Client({ credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID!, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY! } });",
      errors: [{ messageId: 'moduleScopeClient', line: 2, data: { binding: 's3', client: 'S3Client', provider: 'AWS', credential: 'AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY', users: IMPORTERS } }],
    },
    {
      code: code(
        "import { genkit } from 'genkit';",
        "import { googleAI } from '@genkit-ai/googleai';",
        'export const ai = genkit({ plugins: [googleAI()] });',
      ),
      errors: [{ messageId: 'moduleScopeClient', line: 3, data: { binding: 'ai', client: 'genkit', provider: 'Genkit', credential: 'GEMINI_API_KEY, GOOGLE_API_KEY, GOOGLE_GENAI_API_KEY, which the SDK reads by itself', users: IMPORTERS } }],
    },
    {
      // versioned classes, each with the env var its SDK reads
      code: code(
        "import { CohereClientV2 } from 'cohere-ai';",
        "import { PineconeClient } from '@pinecone-database/pinecone';",
        "import { Client } from 'langsmith';",
        'export const cohere = new CohereClientV2();',
        'export const pinecone = new PineconeClient();',
        'export const langsmith = new Client();',
      ),
      errors: [
        { messageId: 'moduleScopeClient', line: 4, data: { binding: 'cohere', client: 'CohereClientV2', provider: 'Cohere', credential: 'CO_API_KEY, which the SDK reads by itself', users: IMPORTERS } },
        { messageId: 'moduleScopeClient', line: 5, data: { binding: 'pinecone', client: 'PineconeClient', provider: 'Pinecone', credential: 'PINECONE_API_KEY, which the SDK reads by itself', users: IMPORTERS } },
        { messageId: 'moduleScopeClient', line: 6, data: { binding: 'langsmith', client: 'Client', provider: 'LangSmith', credential: 'LANGSMITH_API_KEY, LANGCHAIN_API_KEY, which the SDK reads by itself', users: IMPORTERS } },
      ],
    },
    {
      code: "import { Octokit } from '@octokit/rest';\nexport const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN });",
      errors: [{ messageId: 'moduleScopeClient', line: 2, data: { binding: 'octokit', client: 'Octokit', provider: 'GitHub', credential: 'GITHUB_TOKEN', users: IMPORTERS } }],
    },
    {
      // implicitCredentials off still reports a key passed explicitly
      code: "import OpenAI from 'openai';\nexport const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });",
      options: [{ implicitCredentials: false }],
      errors: [{ messageId: 'moduleScopeClient', line: 2 }],
    },
    {
      // `allow` only exempts the files it matches
      code: "import OpenAI from 'openai';\nexport const openai = new OpenAI();",
      filename: 'src/lib/openai.ts',
      options: [{ allow: ['examples/**'] }],
      errors: [{ messageId: 'moduleScopeClient', line: 2 }],
    },
    {
      // an SDK added through settings, with the env var it reads by itself
      code: "import { AcmeLLM } from '@acme/llm';\nexport const acme = new AcmeLLM();",
      settings: { 'scale-auth': { clients: [{ module: '@acme/llm', exports: ['AcmeLLM'], provider: 'Acme', defaultEnv: ['ACME_API_KEY'] }] } },
      errors: [{ messageId: 'moduleScopeClient', line: 2, data: { binding: 'acme', client: 'AcmeLLM', provider: 'Acme', credential: 'ACME_API_KEY, which the SDK reads by itself', users: IMPORTERS } }],
    },
  ],
});

tsRuleTester.run('no-module-scope-client (TSX)', rule, {
  valid: [
    {
      // ok: a bring-your-own-key client memoised per component instance
      code: code(
        "import OpenAI from 'openai';",
        "import { useMemo } from 'react';",
        'export function Chat({ userKey }: { userKey: string }) {',
        '  const client = useMemo(() => new OpenAI({ apiKey: userKey, dangerouslyAllowBrowser: true }), [userKey]);',
        '  return <pre>{String(Boolean(client))}</pre>;',
        '}',
      ),
      filename: 'components/chat.tsx',
    },
    {
      // ok: a server action builds its client when it runs
      code: code(
        "'use server';",
        "import Anthropic from '@anthropic-ai/sdk';",
        'export async function ask(q: string) {',
        '  const anthropic = new Anthropic();',
        "  return anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 256, messages: [{ role: 'user', content: q }] });",
        '}',
        'export default function Page() { return <form action={ask as never} />; }',
      ),
      filename: 'app/page.tsx',
    },
  ],
  invalid: [
    {
      code: code(
        "import OpenAI from 'openai';",
        'const openai = new OpenAI();',
        'export default function Page() { return <div>{String(Boolean(openai))}</div>; }',
        'export async function POST(req: Request) {',
        '  const { q } = await req.json();',
        "  return Response.json(await openai.responses.create({ model: 'gpt-4o', input: q }));",
        '}',
      ),
      filename: 'app/api/chat/route.tsx',
      errors: [{ messageId: 'moduleScopeClient', line: 2, data: { binding: 'openai', client: 'OpenAI', provider: 'OpenAI', credential: OPENAI_IMPLICIT, users: 'Page, POST' } }],
    },
  ],
});

jsRuleTester.run('no-module-scope-client (ES module JavaScript)', rule, {
  valid: [
    // ok: created per job in a BullMQ processor
    code(
      "import { Worker } from 'bullmq';",
      "import { ChatOpenAI } from '@langchain/openai';",
      "export const worker = new Worker('summaries', async (job) => {",
      "  const llm = new ChatOpenAI({ model: 'gpt-4o-mini' });",
      '  return llm.invoke(job.data.text);',
      "}, { connection: { host: 'redis' } });",
    ),
    // ok: memoised with `||=`
    "import Stripe from 'stripe';\nlet stripe;\nexport const getStripe = () => (stripe ||= new Stripe(process.env.STRIPE_SECRET_KEY));",
  ],
  invalid: [
    {
      code: "import { ChatAnthropic } from '@langchain/anthropic';\nexport const llm = new ChatAnthropic({ model: 'claude-sonnet-4-5' });",
      errors: [{ messageId: 'moduleScopeClient', line: 2, data: { binding: 'llm', client: 'ChatAnthropic', provider: 'Anthropic', credential: 'ANTHROPIC_API_KEY, which the SDK reads by itself', users: IMPORTERS } }],
    },
    {
      code: "import Anthropic from '@anthropic-ai/sdk';\nconst anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });\nexport async function summarize(text) { return anthropic.messages.create({ model: 'claude', max_tokens: 64, messages: [{ role: 'user', content: text }] }); }",
      errors: [{ messageId: 'moduleScopeClient', line: 2, data: { binding: 'anthropic', client: 'Anthropic', provider: 'Anthropic', credential: 'ANTHROPIC_API_KEY', users: 'summarize' } }],
    },
  ],
});

cjsRuleTester.run('no-module-scope-client (CommonJS)', rule, {
  valid: [
    // ok: created inside the exported handler
    "const OpenAI = require('openai');\nmodule.exports = async function handler(req, res) { const openai = new OpenAI(); res.json(await openai.models.list()); };",
    // ok: lazy getter on exports
    "const OpenAI = require('openai');\nlet client;\nexports.getClient = () => { if (!client) client = new OpenAI(); return client; };",
    // ok: a BullMQ queue with a Redis password is long-lived
    "const { Queue } = require('bullmq');\nmodule.exports = new Queue('emails', { connection: { host: 'redis', password: process.env.REDIS_PASSWORD } });",
    // ok: `require` shadowed by a parameter is not Node's
    "function load(require) { const OpenAI = require('openai'); return new OpenAI(); }\nmodule.exports = load;",
  ],
  invalid: [
    {
      code: "const OpenAI = require('openai');\nmodule.exports = new OpenAI();",
      errors: [{ messageId: 'moduleScopeClient', line: 2, data: { binding: 'module.exports', client: 'OpenAI', provider: 'OpenAI', credential: OPENAI_IMPLICIT, users: IMPORTERS } }],
    },
    {
      code: "const { OpenAI } = require('openai');\nconst client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\nmodule.exports = { client };",
      errors: [{ messageId: 'moduleScopeClient', line: 2, data: { binding: 'client', client: 'OpenAI', provider: 'OpenAI', credential: 'OPENAI_API_KEY', users: 'other module-scope code' } }],
    },
    {
      // Stripe called without `new` on the required module
      code: "const stripe = require('stripe')(process.env.STRIPE_SECRET_KEY);\nmodule.exports = stripe;",
      errors: [{ messageId: 'moduleScopeClient', line: 1, data: { binding: 'stripe', client: 'stripe', provider: 'Stripe', credential: 'STRIPE_SECRET_KEY', users: 'other module-scope code' } }],
    },
    {
      code: "const Stripe = require('stripe');\nexports.stripe = Stripe(process.env.STRIPE_SECRET_KEY);",
      errors: [{ messageId: 'moduleScopeClient', line: 2, data: { binding: 'exports.stripe', client: 'Stripe', provider: 'Stripe', credential: 'STRIPE_SECRET_KEY', users: IMPORTERS } }],
    },
    {
      code: "const Anthropic = require('@anthropic-ai/sdk').default;\nmodule.exports = { anthropic: new Anthropic() };",
      errors: [{ messageId: 'moduleScopeClient', line: 2, data: { binding: 'module.exports.anthropic', client: 'Anthropic', provider: 'Anthropic', credential: 'ANTHROPIC_API_KEY, which the SDK reads by itself', users: IMPORTERS } }],
    },
    {
      // a function-expression IIFE runs at load time
      code: "const OpenAI = require('openai');\nmodule.exports = (function () { return new OpenAI({ apiKey: process.env.OPENAI_API_KEY }); })();",
      errors: [{ messageId: 'createdAtLoad', line: 2, data: { binding: 'module.exports', client: '(function () { … })()', provider: 'OpenAI', credential: 'OPENAI_API_KEY', users: IMPORTERS } }],
    },
  ],
});
