import rule from '../../rules/no-forwarded-authorization.js';
import { cjsRuleTester, jsRuleTester, tsRuleTester } from '../rule-tester.js';

/** One source line per argument, so an error's `line` is the argument's position. */
const code = (...lines: string[]): string => lines.join('\n');

const EXPRESS = "import express from 'express';\nconst app = express();";

/** The message data of a forwarded credential (RuleTester fills the message with exactly these). */
const forwarded = (credential: string, client: string, provider: string, source: string, envVar?: string) => ({
  credential,
  client,
  provider,
  source,
  serviceCredential: envVar ? `its own key from the environment (${envVar})` : 'its own credential from the environment',
});

tsRuleTester.run('no-forwarded-authorization (TypeScript)', rule, {
  valid: [
    // ok: the token is verified as the app's own login; the client uses the service key from the env
    code(
      "import jwt from 'jsonwebtoken';",
      "import OpenAI from 'openai';",
      EXPRESS,
      "app.post('/chat', async (req, res) => {",
      "  const token = req.headers.authorization?.split(' ')[1] ?? '';",
      '  const user = jwt.verify(token, process.env.JWT_SECRET!);',
      '  const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });',
      '  res.json({ user, models: await openai.models.list() });',
      '});',
    ),
    // ok: firebase-admin verifies the ID token; nothing forwards it
    code(
      "import { getAuth } from 'firebase-admin/auth';",
      'export async function POST(request: Request) {',
      "  const idToken = request.headers.get('authorization')?.replace('Bearer ', '') ?? '';",
      '  const decoded = await getAuth().verifyIdToken(idToken);',
      '  return Response.json({ uid: decoded.uid });',
      '}',
    ),
    // ok: Supabase auth looks the user up from the JWT (auth SDK)
    code(
      "import { createClient } from '@supabase/supabase-js';",
      'export async function GET(request: Request) {',
      '  const supabase = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!);',
      "  const jwt = request.headers.get('Authorization')!.replace('Bearer ', '');",
      '  const { data } = await supabase.auth.getUser(jwt);',
      '  return Response.json(data);',
      '}',
    ),
    // ok: Supabase delegated auth, the documented row-level-security pattern
    code(
      "import { createClient } from '@supabase/supabase-js';",
      'export async function GET(req: Request) {',
      '  const supabase = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_ANON_KEY!, {',
      "    global: { headers: { Authorization: req.headers.get('Authorization')! } },",
      '  });',
      "  return Response.json(await supabase.from('notes').select());",
      '}',
    ),
    // ok: the catalog marks Supabase as delegated auth whatever key it is created with
    code(
      "import { createClient } from '@supabase/supabase-js';",
      'export async function GET(req: Request) {',
      "  const supabase = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_KEY!, { global: { headers: { Authorization: req.headers.get('authorization')! } } });",
      "  return Response.json(await supabase.from('notes').select());",
      '}',
    ),
    // ok: @supabase/ssr's server client, delegated auth as well
    code(
      "import { createServerClient } from '@supabase/ssr';",
      'export async function GET(req: Request) {',
      "  const supabase = createServerClient(process.env.SUPABASE_URL!, process.env.SUPABASE_ANON_KEY!, { global: { headers: { Authorization: req.headers.get('authorization')! } }, cookies: {} });",
      "  return Response.json(await supabase.from('notes').select());",
      '}',
    ),
    // ok: delegated auth added by settings
    {
      code: code(
        "import { DataClient } from '@acme/data';",
        "export const handler = async (event: any) => new DataClient({ token: event.headers.Authorization }).query('notes');",
      ),
      settings: { 'scale-auth': { delegatedAuthClients: ['@acme/data'] } },
    },
    // ok: a database query with an apiKey field is not a client
    code(
      "import { User } from './models/user';",
      EXPRESS,
      "app.get('/me', async (req, res) => res.json(await User.findOne({ apiKey: req.headers.authorization })));",
    ),
    // ok: a project's own model class is data, not a client
    code(
      "import { ApiKeyRecord } from './models';",
      EXPRESS,
      "app.post('/keys', async (req, res) => { await new ApiKeyRecord({ apiKey: req.headers.authorization }).save(); res.end(); });",
    ),
    // ok: `createSession` is not a client factory
    code(
      "import { createSession } from './sessions';",
      EXPRESS,
      "app.post('/login', async (req, res) => res.json(await createSession({ token: req.headers.authorization })));",
    ),
    // ok: bring your own key from a custom header
    code(
      "import OpenAI from 'openai';",
      EXPRESS,
      "app.post('/chat', async (req, res) => {",
      "  const openai = new OpenAI({ apiKey: String(req.headers['x-api-key']) });",
      '  res.json(await openai.models.list());',
      '});',
    ),
    // ok: bring your own key, x-openai-key read with req.get
    code(
      "import { ChatOpenAI } from '@langchain/openai';",
      EXPRESS,
      "app.post('/chat', async (req, res) => res.json(await new ChatOpenAI({ apiKey: req.get('x-openai-key') }).invoke('hi')));",
    ),
    // ok: bring your own key from the body
    code(
      "import OpenAI from 'openai';",
      EXPRESS,
      "app.post('/chat', async (req, res) => res.json(await new OpenAI({ apiKey: req.body.openaiKey }).models.list()));",
    ),
    // ok: bring your own key from a parameter
    "import OpenAI from 'openai';\nexport function clientFor(apiKey: string) { return new OpenAI({ apiKey }); }",
    // ok: logging that the header is present
    code(
      EXPRESS,
      "app.use((req, _res, next) => { console.log('auth header present:', Boolean(req.headers.authorization)); next(); });",
    ),
    // ok: relaying the token to the project's own service with fetch is reported only with `tokenRelay`
    code(
      EXPRESS,
      "app.get('/orders', async (req, res) => {",
      "  const upstream = await fetch('http://orders.internal/orders', { headers: { Authorization: req.headers.authorization ?? '' } });",
      '  res.json(await upstream.json());',
      '});',
    ),
    // ok: the same relay with axios
    code(
      "import axios from 'axios';",
      'export const handler = async (event: any) => axios.get("http://billing.internal", { headers: { authorization: event.headers.authorization } });',
    ),
    // ok: an OpenAI-compatible gateway allowed by file
    {
      code: code(
        "import OpenAI from 'openai';",
        "export async function POST(req: Request) { return Response.json(await new OpenAI({ apiKey: req.headers.get('authorization')!.slice(7) }).models.list()); }",
      ),
      filename: 'src/gateway/openai-proxy.ts',
      options: [{ allow: ['src/gateway/**'] }],
    },
    // ok: the user's id (not their token) in a custom header
    code(
      "import OpenAI from 'openai';",
      "export async function POST(req: Request) { const user = req.headers.get('x-user-id') ?? ''; return Response.json(await new OpenAI({ defaultHeaders: { 'X-User-Id': user } }).models.list()); }",
    ),
    // ok: a per-user map is not a shared slot, and a handler's own local is per request
    code(
      'const tokens = new Map<string, string>();',
      EXPRESS,
      "app.post('/x', (req, res) => { let token = ''; token = req.headers.authorization ?? ''; tokens.set(String(req.body.userId), token); res.end(); });",
    ),
    // ok: per-request objects: res.locals and req
    code(
      "import jwt from 'jsonwebtoken';",
      EXPRESS,
      "app.use((req: any, res, next) => { res.locals.token = req.headers.authorization; req.user = jwt.decode(req.headers.authorization ?? ''); next(); });",
    ),
    // ok: module state written with something else than the token
    code(
      'let lastRequestAt = 0;',
      EXPRESS,
      "app.use((req, _res, next) => { lastRequestAt = Date.now(); void req.headers.authorization; next(); });",
    ),
    // ok: a header object the code built itself is not the request's
    code(
      "import OpenAI from 'openai';",
      'export function make() {',
      "  const options = { headers: { authorization: process.env.OPENAI_API_KEY ?? '' } };",
      '  return new OpenAI({ apiKey: options.headers.authorization });',
      '}',
    ),
    // ok: a module-level Map named like a header reader
    code(
      "import OpenAI from 'openai';",
      'const cache = new Map<string, string>();',
      "export function make() { return new OpenAI({ apiKey: cache.get('authorization') }); }",
    ),
    // ok: a `headers()` of the project's own, not next/headers
    code(
      "import OpenAI from 'openai';",
      "import { headers } from './config';",
      "export function make() { return new OpenAI({ apiKey: headers().get('authorization') ?? '' }); }",
    ),
    // ok: a user record's field, not a client's
    code(
      "import { User } from './models/user';",
      EXPRESS,
      "app.post('/keys', async (req, res) => { const user = await User.findById(req.body.id); user.apiKey = req.headers.authorization; await user.save(); res.end(); });",
    ),
    // ok: auth libraries receive the token to verify or exchange it
    code(
      "import { OAuth2Client } from 'google-auth-library';",
      'export async function POST(req: Request) {',
      "  const client = new OAuth2Client({ credentials: { access_token: req.headers.get('authorization')?.slice(7) } });",
      '  return Response.json(await client.getTokenInfo(""));',
      '}',
    ),
    // ok: a bare `setToken` is a local state setter, not an SDK's
    code(
      'declare function setToken(value: string | undefined): void;',
      EXPRESS,
      "app.use((req, _res, next) => { setToken(req.headers.authorization); next(); });",
    ),
    // ok: an MCP server calls upstream with its own credential
    code(
      "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';",
      "import { Octokit } from '@octokit/rest';",
      "const server = new McpServer({ name: 'gh', version: '1.0.0' });",
      "server.tool('repos', async (extra: any) => {",
      '  void extra.authInfo?.token;',
      '  const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN });',
      "  return { content: [{ type: 'text', text: JSON.stringify(await octokit.repos.listForAuthenticatedUser()) }] };",
      '});',
    ),
    // ok: the token only as a cache key
    code(
      "import { createClient } from 'redis';",
      'const redis = createClient();',
      EXPRESS,
      "app.get('/me', async (req, res) => res.json(await redis.get(`session:${req.headers.authorization}`)));",
    ),
    // ok: a builtin holding the token as data
    "export const handler = async (event: any) => new URLSearchParams({ token: event.headers.authorization }).toString();",
    // ok: the app's own auth service verifies the token (a client of its own auth, not another service)
    code(
      "import { AuthService } from './auth/service';",
      EXPRESS,
      "app.get('/me', async (req, res) => res.json(await new AuthService({ token: req.headers.authorization }).currentUser()));",
    ),
    // ok: better-auth's client sends the user's session to the app's own auth server
    code(
      "import { createAuthClient } from './auth-client';",
      'export async function GET(req: Request) {',
      "  const auth = createAuthClient({ fetchOptions: { headers: { Authorization: req.headers.get('authorization') ?? '' } } });",
      '  return Response.json(auth);',
      '}',
    ),
    // ok: bring your own key through NestJS @Headers('x-api-key')
    code(
      "import { Controller, Headers, Post } from '@nestjs/common';",
      "import OpenAI from 'openai';",
      "@Controller('chat')",
      'export class ChatController {',
      '  @Post()',
      "  chat(@Headers('x-api-key') key: string) { return new OpenAI({ apiKey: key }).models.list(); }",
      '}',
    ),
    // ok: bring your own key through Hono's c.req.header('x-openai-key')
    code(
      "import { Hono } from 'hono';",
      "import OpenAI from 'openai';",
      'const app = new Hono();',
      "app.post('/chat', async (c) => c.json(await new OpenAI({ apiKey: c.req.header('x-openai-key') }).models.list()));",
    ),
    // ok: per-request options of an SDK call that forward a request id, not the token
    code(
      "import OpenAI from 'openai';",
      'const openai = new OpenAI();',
      'export async function POST(req: Request) {',
      "  const headers = { 'X-Request-Id': req.headers.get('x-request-id') ?? '' };",
      "  return Response.json(await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [] }, { headers }));",
      '}',
    ),
    // ok: two helper levels are not followed (one level only, by design)
    code(
      "import OpenAI from 'openai';",
      'function raw(req: any) { return req.headers.authorization; }',
      'function bearer(req: any) { return raw(req)?.slice(7); }',
      'export function handler(req: any) { return new OpenAI({ apiKey: bearer(req) }); }',
    ),
  ],
  invalid: [
    {
      // The example: CrewAI client keyed with the caller's Authorization.
      code: code(
        "import { CrewClient } from '@crewai/typescript';",
        EXPRESS,
        "app.post('/crew', async (req, res) => {",
        "  const client = new CrewClient({ apiKey: req.headers.authorization?.replace('Bearer ', '') });",
        "  res.json(await client.agents.run('triage', req.body));",
        '});',
      ),
      errors: [
        {
          messageId: 'forwardedAuthorization',
          line: 5,
          column: 35,
          data: forwarded('apiKey', 'CrewClient', 'CrewAI', 'req.headers.authorization', 'CREWAI_API_KEY'),
        },
      ],
    },
    {
      // Express req.get, split(' ')[1], a const
      code: code(
        "import OpenAI from 'openai';",
        EXPRESS,
        "app.post('/chat', async (req, res) => {",
        "  const token = req.get('Authorization')?.split(' ')[1];",
        '  const openai = new OpenAI({ apiKey: token });',
        '  res.json(await openai.models.list());',
        '});',
      ),
      errors: [{ messageId: 'forwardedAuthorization', line: 6, data: forwarded('apiKey', 'OpenAI', 'OpenAI', "req.get('Authorization')", 'OPENAI_API_KEY') }],
    },
    {
      // Express req.header, slice(7)
      code: code(
        "import Anthropic from '@anthropic-ai/sdk';",
        EXPRESS,
        "app.post('/chat', async (req, res) => res.json(await new Anthropic({ apiKey: req.header('authorization')!.slice(7) }).models.list()));",
      ),
      errors: [{ messageId: 'forwardedAuthorization', data: forwarded('apiKey', 'Anthropic', 'Anthropic', "req.header('authorization')", 'ANTHROPIC_API_KEY') }],
    },
    {
      // Fastify, destructuring from request.headers
      code: code(
        "import { ChatOpenAI } from '@langchain/openai';",
        "fastify.post('/chat', async (request: any) => {",
        '  const { authorization } = request.headers;',
        '  return new ChatOpenAI({ apiKey: authorization }).invoke(request.body.q);',
        '});',
      ),
      errors: [{ messageId: 'forwardedAuthorization', line: 4, data: forwarded('apiKey', 'ChatOpenAI', 'OpenAI', 'request.headers.authorization', 'OPENAI_API_KEY') }],
    },
    {
      // Koa ctx.request.headers, nested destructuring with a rename
      code: code(
        "import Groq from 'groq-sdk';",
        'router.post("/chat", async (ctx: any) => {',
        '  const { headers: { authorization: auth } } = ctx.request;',
        '  ctx.body = await new Groq({ apiKey: auth?.replace(/^Bearer /, "") }).models.list();',
        '});',
      ),
      errors: [{ messageId: 'forwardedAuthorization', line: 4, data: forwarded('apiKey', 'Groq', 'Groq', 'ctx.request.headers.authorization', 'GROQ_API_KEY') }],
    },
    {
      // Koa ctx.get, trim
      code: code(
        "import { Pinecone } from '@pinecone-database/pinecone';",
        'export default async function search(ctx: any) {',
        "  const pc = new Pinecone({ apiKey: ctx.get('Authorization').replace('Bearer', '').trim() });",
        "  ctx.body = await pc.index('docs').query({ topK: 3, vector: [] });",
        '}',
      ),
      errors: [{ messageId: 'forwardedAuthorization', line: 3, data: forwarded('apiKey', 'Pinecone', 'Pinecone', "ctx.get('Authorization')", 'PINECONE_API_KEY') }],
    },
    {
      // Koa ctx.headers, case-insensitive computed key
      code: code(
        "import { Mistral } from '@mistralai/mistralai';",
        'export async function chat(ctx: any) {',
        "  const raw = ctx.headers['AUTHORIZATION'];",
        "  const key = raw ? raw.slice(7) : '';",
        '  ctx.body = await new Mistral({ apiKey: key }).models.list();',
        '}',
      ),
      errors: [{ messageId: 'forwardedAuthorization', line: 5, data: forwarded('apiKey', 'Mistral', 'Mistral', "ctx.headers['AUTHORIZATION']", 'MISTRAL_API_KEY') }],
    },
    {
      // Hono c.req.header, AI SDK provider factory
      code: code(
        "import { Hono } from 'hono';",
        "import { createOpenAI } from '@ai-sdk/openai';",
        'const app = new Hono();',
        "app.post('/chat', async (c) => {",
        "  const openai = createOpenAI({ apiKey: c.req.header('Authorization')?.slice('Bearer '.length) });",
        "  return c.json({ model: openai('gpt-4o').modelId });",
        '});',
      ),
      errors: [{ messageId: 'forwardedAuthorization', line: 5, data: forwarded('apiKey', 'createOpenAI', 'OpenAI', "c.req.header('Authorization')", 'OPENAI_API_KEY') }],
    },
    {
      // Fetch Request in a Next.js route handler, Anthropic's authToken option
      code: code(
        "import Anthropic from '@anthropic-ai/sdk';",
        'export async function POST(request: Request) {',
        "  const anthropic = new Anthropic({ authToken: request.headers.get('authorization') ?? undefined });",
        '  return Response.json(await anthropic.models.list());',
        '}',
      ),
      errors: [{ messageId: 'forwardedAuthorization', line: 3, data: forwarded('authToken', 'Anthropic', 'Anthropic', "request.headers.get('authorization')", 'ANTHROPIC_API_KEY') }],
    },
    {
      // Next.js headers() from next/headers, awaited
      code: code(
        "import { headers } from 'next/headers';",
        "import OpenAI from 'openai';",
        'export async function summarise(text: string) {',
        '  const h = await headers();',
        "  const openai = new OpenAI({ apiKey: h.get('Authorization')?.replace('Bearer ', '') });",
        "  return openai.responses.create({ model: 'gpt-4o-mini', input: text });",
        '}',
      ),
      errors: [{ messageId: 'forwardedAuthorization', line: 5, data: forwarded('apiKey', 'OpenAI', 'OpenAI', "h.get('Authorization')", 'OPENAI_API_KEY') }],
    },
    {
      // AWS Lambda event.headers, either case, positional Stripe key
      code: code(
        "import Stripe from 'stripe';",
        'export const handler = async (event: any) => {',
        '  const stripe = new Stripe(event.headers.Authorization ?? event.headers.authorization);',
        '  return { statusCode: 200, body: JSON.stringify(await stripe.balance.retrieve()) };',
        '};',
      ),
      errors: [{ messageId: 'forwardedAuthorization', line: 3, column: 29, data: forwarded('argument 1', 'Stripe', 'Stripe', 'event.headers.Authorization', 'STRIPE_SECRET_KEY') }],
    },
    {
      // NestJS @Headers('authorization')
      code: code(
        "import { Controller, Headers, Post } from '@nestjs/common';",
        "import OpenAI from 'openai';",
        "@Controller('chat')",
        'export class ChatController {',
        '  @Post()',
        "  async chat(@Headers('authorization') auth: string) {",
        "    const openai = new OpenAI({ apiKey: auth.replace('Bearer ', '') });",
        '    return openai.models.list();',
        '  }',
        '}',
      ),
      errors: [{ messageId: 'forwardedAuthorization', line: 7, data: forwarded('apiKey', 'OpenAI', 'OpenAI', "@Headers('authorization') auth", 'OPENAI_API_KEY') }],
    },
    {
      // NestJS @Req() request object
      code: code(
        "import { Controller, Post, Req } from '@nestjs/common';",
        "import { CrewClient } from '@crewai/typescript';",
        "@Controller('crew')",
        'export class CrewController {',
        '  @Post()',
        '  run(@Req() req: any) {',
        '    return new CrewClient({ apiKey: req.headers.authorization as string }).agents.list();',
        '  }',
        '}',
      ),
      errors: [{ messageId: 'forwardedAuthorization', line: 7 }],
    },
    {
      // an API client's default headers, template literal
      code: code(
        "import axios from 'axios';",
        EXPRESS,
        "app.get('/invoices', async (req, res) => {",
        "  const token = req.headers.authorization?.split(' ')[1];",
        "  const billing = axios.create({ baseURL: 'https://api.billing.example', headers: { Authorization: `Bearer ${token}` } });",
        "  res.json((await billing.get('/invoices')).data);",
        '});',
      ),
      errors: [{ messageId: 'forwardedAuthorization', line: 6, column: 85, data: forwarded('Authorization', 'axios.create', 'axios.create', 'req.headers.authorization') }],
    },
    {
      // an SDK client's defaultHeaders
      code: code(
        "import OpenAI from 'openai';",
        'export async function POST(req: Request) {',
        "  const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, defaultHeaders: { Authorization: req.headers.get('authorization')! } });",
        '  return Response.json(await openai.models.list());',
        '}',
      ),
      errors: [{ messageId: 'forwardedAuthorization', data: forwarded('Authorization', 'OpenAI', 'OpenAI', "req.headers.get('authorization')", 'OPENAI_API_KEY') }],
    },
    {
      // an SDK call's per-request options
      code: code(
        "import OpenAI from 'openai';",
        'const openai = new OpenAI();',
        'export async function POST(req: Request) {',
        '  const completion = await openai.chat.completions.create(',
        "    { model: 'gpt-4o-mini', messages: [] },",
        "    { headers: { Authorization: req.headers.get('Authorization') ?? '' } },",
        '  );',
        '  return Response.json(completion);',
        '}',
      ),
      errors: [{ messageId: 'forwardedAuthorization', line: 6, data: forwarded('Authorization', 'openai', 'OpenAI', "req.headers.get('Authorization')", 'OPENAI_API_KEY') }],
    },
    {
      // a credential setter: client.apiKey = …
      code: code(
        "import OpenAI from 'openai';",
        EXPRESS,
        "app.post('/chat', async (req, res) => {",
        '  const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });',
        "  client.apiKey = req.headers.authorization?.slice(7) ?? '';",
        '  res.json(await client.models.list());',
        '});',
      ),
      errors: [{ messageId: 'forwardedAuthorization', line: 6, data: forwarded('apiKey', 'client', 'OpenAI', 'req.headers.authorization', 'OPENAI_API_KEY') }],
    },
    {
      // a credential setter call: setApiKey(…)
      code: code(
        "import sgMail from '@sendgrid/mail';",
        EXPRESS,
        "app.post('/mail', async (req, res) => {",
        '  sgMail.setApiKey(req.headers.authorization!);',
        '  res.json(await sgMail.send(req.body));',
        '});',
      ),
      errors: [{ messageId: 'forwardedAuthorization', line: 5, column: 20, data: forwarded('setApiKey', 'sgMail', '@sendgrid/mail', 'req.headers.authorization') }],
    },
    {
      // a shared client's default header assigned per request
      code: code(
        "import axios from 'axios';",
        EXPRESS,
        "app.use((req, _res, next) => { axios.defaults.headers.common.Authorization = req.headers.authorization; next(); });",
      ),
      errors: [{ messageId: 'forwardedAuthorization', data: forwarded('Authorization', 'axios', 'axios', 'req.headers.authorization') }],
    },
    {
      // module state: a top-level let assigned per request
      code: code(
        'let currentToken: string | undefined;',
        'export function toolAuth() { return currentToken; }',
        EXPRESS,
        "app.post('/mcp', (req, res) => {",
        "  currentToken = req.headers.authorization?.replace('Bearer ', '');",
        '  res.end();',
        '});',
      ),
      errors: [{ messageId: 'requestCredentialInModuleState', line: 6, data: { credential: 'currentToken', source: 'req.headers.authorization' } }],
    },
    {
      // module state: a property of a module-level object, through a same-file helper
      code: code(
        'const session = { token: "" };',
        'function bearer(req: any) { return req.headers.authorization?.split(" ")[1] ?? ""; }',
        'export async function handle(req: any) {',
        '  session.token = bearer(req);',
        '}',
      ),
      errors: [{ messageId: 'requestCredentialInModuleState', line: 4, data: { credential: 'session.token', source: 'req.headers.authorization' } }],
    },
    {
      // module state: process.env, inside an object literal too
      code: code(
        'export async function POST(req: Request) {',
        "  process.env.OPENAI_API_KEY = req.headers.get('authorization')!;",
        '  return new Response(null);',
        '}',
      ),
      errors: [{ messageId: 'requestCredentialInModuleState', data: { credential: 'process.env.OPENAI_API_KEY', source: "req.headers.get('authorization')" } }],
    },
    {
      // module state: an object literal holding the token
      code: code(
        'let context: { token?: string } = {};',
        'export const handler = async (event: any) => { context = { token: event.headers.authorization }; };',
      ),
      errors: [{ messageId: 'requestCredentialInModuleState', data: { credential: 'context', source: 'event.headers.authorization' } }],
    },
    {
      // one level through a same-file helper
      code: code(
        "import { CrewClient } from '@crewai/typescript';",
        "function bearer(req: any) { return req.headers.authorization?.split(' ')[1]; }",
        'export async function run(req: any) {',
        '  return new CrewClient({ apiKey: bearer(req) }).agents.list();',
        '}',
      ),
      errors: [{ messageId: 'forwardedAuthorization', line: 4 }],
    },
    {
      // a let reassigned, then as/!
      code: code(
        "import OpenAI from 'openai';",
        'export async function handler(req: any) {',
        "  let key = '';",
        "  if (req.headers.authorization?.startsWith('Bearer ')) key = req.headers.authorization.slice(7);",
        '  return new OpenAI({ apiKey: (key as string)! });',
        '}',
      ),
      errors: [{ messageId: 'forwardedAuthorization', line: 5 }],
    },
    {
      // the same handler verifies the header as its own login token
      code: code(
        "import jwt from 'jsonwebtoken';",
        "import OpenAI from 'openai';",
        EXPRESS,
        "app.post('/chat', async (req, res) => {",
        "  const token = req.headers.authorization?.split(' ')[1] ?? '';",
        '  jwt.verify(token, process.env.JWT_SECRET!);',
        '  const openai = new OpenAI({ apiKey: token });',
        '  res.json(await openai.models.list());',
        '});',
      ),
      errors: [{ messageId: 'forwardedLoginToken', line: 8, data: forwarded('apiKey', 'OpenAI', 'OpenAI', 'req.headers.authorization', 'OPENAI_API_KEY') }],
    },
    {
      // an MCP server passes its inbound token upstream
      code: code(
        "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';",
        "import { Octokit } from '@octokit/rest';",
        "const server = new McpServer({ name: 'gh', version: '1.0.0' });",
        "server.tool('repos', async (extra: any) => {",
        '  const octokit = new Octokit({ auth: extra.authInfo?.token });',
        "  return { content: [{ type: 'text', text: JSON.stringify(await octokit.repos.listForAuthenticatedUser()) }] };",
        '});',
      ),
      errors: [{ messageId: 'tokenPassthrough', line: 5, data: forwarded('auth', 'Octokit', 'GitHub', 'extra.authInfo?.token', 'GITHUB_TOKEN') }],
    },
    {
      // an MCP server over HTTP forwarding the Authorization header
      code: code(
        "import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';",
        "import { CrewClient } from '@crewai/typescript';",
        EXPRESS,
        "app.post('/mcp', async (req, res) => {",
        '  const crew = new CrewClient({ apiKey: req.headers.authorization });',
        '  void crew; void StreamableHTTPServerTransport; res.end();',
        '});',
      ),
      errors: [{ messageId: 'tokenPassthrough', line: 6 }],
    },
    {
      // a project's own API client class
      code: code(
        "import { ApiClient } from './lib/api-client';",
        'export async function GET(request: Request) {',
        "  const api = new ApiClient({ token: request.headers.get('Authorization') });",
        "  return Response.json(await api.get('/me'));",
        '}',
      ),
      errors: [{ messageId: 'forwardedAuthorization', data: forwarded('token', 'ApiClient', 'ApiClient', "request.headers.get('Authorization')") }],
    },
    {
      // token relay, when asked for
      code: code(
        EXPRESS,
        "app.get('/orders', async (req, res) => {",
        "  const upstream = await fetch('http://orders.internal/orders', { headers: { Authorization: req.headers.authorization ?? '' } });",
        '  res.json(await upstream.json());',
        '});',
      ),
      options: [{ tokenRelay: true }],
      errors: [{ messageId: 'tokenRelay', line: 4, data: { credential: 'Authorization', client: 'fetch', source: 'req.headers.authorization' } }],
    },
    {
      // `||` with a fallback to the service key still forwards the caller's token when present
      code: code(
        "import OpenAI from 'openai';",
        'export async function POST(req: Request) {',
        "  const apiKey = req.headers.get('authorization')?.replace(/^Bearer\\s+/i, '') || process.env.OPENAI_API_KEY;",
        '  return Response.json(await new OpenAI({ apiKey }).models.list());',
        '}',
      ),
      errors: [{ messageId: 'forwardedAuthorization', line: 4, column: 43, data: forwarded('apiKey', 'OpenAI', 'OpenAI', "req.headers.get('authorization')", 'OPENAI_API_KEY') }],
    },
    {
      // Proxy-Authorization is the caller's credential too
      code: code(
        "import OpenAI from 'openai';",
        "export const handler = async (event: any) => new OpenAI({ apiKey: event.headers['proxy-authorization'] });",
      ),
      errors: [{ messageId: 'forwardedAuthorization' }],
    },
  ],
});

jsRuleTester.run('no-forwarded-authorization (ES modules)', rule, {
  valid: [
    "import OpenAI from 'openai';\nexport default async function handler(req) { return new OpenAI({ apiKey: process.env.OPENAI_API_KEY }); }",
  ],
  invalid: [
    {
      code: "import OpenAI from 'openai';\nexport default async function handler(req) { const [, token] = req.headers.authorization.split(' '); return new OpenAI({ apiKey: token }); }",
      errors: [{ messageId: 'forwardedAuthorization' }],
    },
  ],
});

cjsRuleTester.run('no-forwarded-authorization (CommonJS)', rule, {
  valid: [
    "const OpenAI = require('openai');\nmodule.exports = (req, res) => { console.log(!!req.headers.authorization); return new OpenAI(); };",
    // a top-level `let` in CommonJS is still a local of the wrapper only by name: not a request value
    "let started = 0;\nmodule.exports = (req) => { started = Date.now(); return req.headers.authorization ? started : 0; };",
  ],
  invalid: [
    {
      code: "const OpenAI = require('openai');\nmodule.exports = async (req, res) => {\n  const openai = new OpenAI({ apiKey: req.headers.authorization });\n  res.json(await openai.models.list());\n};",
      errors: [{ messageId: 'forwardedAuthorization', line: 3 }],
    },
    {
      code: "let token;\nmodule.exports = (req, res) => { token = req.get('Authorization'); res.end(); };\nexports.tool = () => token;",
      errors: [{ messageId: 'requestCredentialInModuleState', data: { credential: 'token', source: "req.get('Authorization')" } }],
    },
  ],
});
