import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll } from 'vitest';
import rule from '../../rules/no-unchecked-credential-env.js';
import { cjsRuleTester, jsRuleTester, tsRuleTester } from '../rule-tester.js';

// A project on disk whose .env.example declares a credential with a name that does not look like one.
const project = mkdtempSync(join(tmpdir(), 'scale-auth-unchecked-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));
writeFileSync(join(project, 'package.json'), '{ "name": "agent" }\n');
writeFileSync(join(project, '.env.example'), 'ACME_LICENSE=\nACME_REGION=eu\n');

tsRuleTester.run('no-unchecked-credential-env (TypeScript)', rule, {
  valid: [
    // ok: a fail-fast helper (requireEnv is known without settings)
    `import OpenAI from 'openai';\nexport const make = () => new OpenAI({ apiKey: requireEnv('OPENAI_API_KEY') });`,
    // ok: a helper named in settings
    {
      code: `import Stripe from 'stripe';\nexport const make = () => new Stripe(env.get('STRIPE_SECRET_KEY'));`,
      settings: { 'scale-auth': { envHelpers: ['env.get'] } },
    },
    // ok: if (!x) throw before the use
    `import OpenAI from 'openai';\nexport function make() {\n  const apiKey = process.env.OPENAI_API_KEY;\n  if (!apiKey) throw new Error('OPENAI_API_KEY is not set');\n  return new OpenAI({ apiKey });\n}`,
    // ok: early return before the use
    `export async function search(q: string) {\n  const key = process.env.TAVILY_API_KEY;\n  if (key === undefined || key === '') return [];\n  return fetch('https://api.tavily.com/search', { headers: { Authorization: \`Bearer \${key}\` }, body: q });\n}`,
    // ok: the env read itself checked at module scope, used in a function
    `import Anthropic from '@anthropic-ai/sdk';\nif (!process.env.ANTHROPIC_API_KEY) {\n  console.error('ANTHROPIC_API_KEY missing');\n  process.exit(1);\n}\nexport const make = () => new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });`,
    // ok: x ?? fail()
    `import Stripe from 'stripe';\nfunction fail(name: string): never { throw new Error(name + ' is not set'); }\nexport const make = () => new Stripe(process.env.STRIPE_SECRET_KEY ?? fail('STRIPE_SECRET_KEY'));`,
    // ok: x || fail() through a local
    `import { Pinecone } from '@pinecone-database/pinecone';\ndeclare function throwMissing(name: string): never;\nexport function make() {\n  const apiKey = process.env.PINECONE_API_KEY || throwMissing('PINECONE_API_KEY');\n  return new Pinecone({ apiKey });\n}`,
    // ok: assert(x)
    `import assert from 'node:assert';\nimport Groq from 'groq-sdk';\nexport function make() {\n  const apiKey = process.env.GROQ_API_KEY;\n  assert(apiKey, 'GROQ_API_KEY is required');\n  return new Groq({ apiKey });\n}`,
    // ok: invariant(x)
    `import invariant from 'tiny-invariant';\nimport { Octokit } from '@octokit/rest';\nexport function make() {\n  const { GITHUB_TOKEN } = process.env;\n  invariant(GITHUB_TOKEN, 'GITHUB_TOKEN is required');\n  return new Octokit({ auth: GITHUB_TOKEN });\n}`,
    // ok: envalid cleanEnv result
    `import { cleanEnv, str } from 'envalid';\nimport OpenAI from 'openai';\nconst env = cleanEnv(process.env, { OPENAI_API_KEY: str() });\nexport const make = () => new OpenAI({ apiKey: env.OPENAI_API_KEY });`,
    // ok: @t3-oss/env createEnv, its result read
    `import { createEnv } from '@t3-oss/env-nextjs';\nimport { z } from 'zod';\nimport OpenAI from 'openai';\nexport const env = createEnv({\n  server: { OPENAI_API_KEY: z.string().min(1) },\n  runtimeEnv: { OPENAI_API_KEY: process.env.OPENAI_API_KEY },\n});\nexport const make = () => new OpenAI({ apiKey: env.OPENAI_API_KEY });`,
    // ok: zod parse of process.env
    `import { z } from 'zod';\nimport Anthropic from '@anthropic-ai/sdk';\nconst env = z.object({ ANTHROPIC_API_KEY: z.string().min(1) }).parse(process.env);\nexport const make = () => new Anthropic({ apiKey: env.ANTHROPIC_API_KEY });`,
    // ok: out of scope: a secret passed to a non-client function
    `import jwt from 'jsonwebtoken';\nexport const sign = (payload: object) => jwt.sign(payload, process.env.JWT_SECRET!);`,
    // ok: not a credential name (a base URL)
    `import OpenAI from 'openai';\nexport const make = () => new OpenAI({ apiKey: requireEnv('OPENAI_API_KEY'), baseURL: process.env.OPENAI_BASE_URL });`,
    // ok: a credential read that reaches no client (logging whether it is set)
    `export const status = () => ({ openai: Boolean(process.env.OPENAI_API_KEY), length: process.env.OPENAI_API_KEY?.length ?? 0 });`,
    // ok: only used when present (ternary guard)
    `import OpenAI from 'openai';\nexport const make = () => process.env.OPENAI_API_KEY ? new OpenAI({ apiKey: process.env.OPENAI_API_KEY }) : undefined;`,
    // ok: if (key) { … } guard around the use
    `export async function notify(text: string) {\n  const token = process.env.SLACK_BOT_TOKEN;\n  if (token) {\n    await fetch('https://slack.com/api/chat.postMessage', { method: 'POST', headers: { Authorization: \`Bearer \${token}\` }, body: text });\n  }\n}`,
    // ok: a non-empty default is a deliberate fallback (a local model server needs any key)
    `import OpenAI from 'openai';\nexport const make = () => new OpenAI({ baseURL: 'http://localhost:11434/v1', apiKey: process.env.OLLAMA_API_KEY ?? 'ollama' });`,
    // ok: the SDK reads its own env var (and throws when it is missing)
    `import OpenAI from 'openai';\nexport const make = () => new OpenAI();`,
    // ok: undefined makes the SDK read that same variable itself and fail naming it
    `import OpenAI from 'openai';\nexport const make = () => new OpenAI({ apiKey: process.env.OPENAI_API_KEY });`,
    // ok: the same through a local and a non-null assertion (still undefined at run time)
    `import Groq from 'groq-sdk';\nexport function make() {\n  const apiKey = process.env.GROQ_API_KEY!;\n  return new Groq({ apiKey });\n}`,
    // ok: a public key (Supabase anon key)
    `import { createClient } from '@supabase/supabase-js';\nexport const make = () => createClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!);`,
    // ok: optional on purpose (option)
    {
      code: `import { Client } from 'langsmith';\nexport const make = () => new Client({ apiKey: process.env.LANGSMITH_API_KEY });`,
      options: [{ optionalEnv: ['LANGSMITH_API_KEY'] }],
    },
    // ok: typeof check with early throw, Deno.env
    `export function make() {\n  const token = Deno.env.get('GITHUB_TOKEN');\n  if (typeof token !== 'string') throw new Error('GITHUB_TOKEN is not set');\n  return fetch('https://api.github.com/user', { headers: { authorization: \`token \${token}\` } });\n}`,
    // ok: SvelteKit static env fails the build when missing
    `import { OPENAI_API_KEY } from '$env/static/private';\nimport OpenAI from 'openai';\nexport const make = () => new OpenAI({ apiKey: OPENAI_API_KEY });`,
    // ok: a header that is not an auth header
    `export const send = () => fetch('https://api.example.com', { headers: { 'x-request-id': process.env.REQUEST_TOKEN ?? '' } });`,
    // ok: the fallback read answers for the first one (and is itself checked)
    `import OpenAI from 'openai';\nexport const make = () => new OpenAI({ apiKey: process.env.OPENAI_API_KEY ?? requireEnv('AZURE_OPENAI_API_KEY') });`,
    // ok: an early return from a request handler, with a trimmed-emptiness test
    `import express from 'express';\nexport const app = express();\napp.post('/search', async (req, res) => {\n  const key = process.env.SERPAPI_API_KEY;\n  if (!key?.trim()) {\n    res.status(500).json({ error: 'search is not configured' });\n    return;\n  }\n  const response = await fetch('https://serpapi.com/search', { headers: { Authorization: \`Bearer \${key}\` } });\n  res.json(await response.json());\n});`,
    // ok: \`key && …\` only sends the header when the key is there
    `export const ping = () => {\n  const key = process.env.STATUS_API_KEY;\n  return key && fetch('https://status.example.com/ping', { headers: { 'x-api-key': key } });\n};`,
    // ok: a shadowed process is not the environment
    `import OpenAI from 'openai';\nexport function make(process: { env: Record<string, string> }) { return new OpenAI({ apiKey: process.env.OPENAI_API_KEY }); }`,
  ],
  invalid: [
    {
      // the core case: a catalog client's credential option, from a variable the SDK does not read itself
      code: `import OpenAI from 'openai';\nexport const make = () => new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', apiKey: process.env.OPENROUTER_API_KEY });`,
      errors: [{ messageId: 'unchecked', line: 2, column: 89, data: { name: 'OPENROUTER_API_KEY', sink: 'the `apiKey` option of OpenAI', form: 'member', processEnv: 'true' } }],
    },
    {
      // ?? '' is not a check
      code: `import Anthropic from '@anthropic-ai/sdk';\nexport const make = () => new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY ?? '' });`,
      errors: [{ messageId: 'emptyFallback', data: { name: 'ANTHROPIC_API_KEY', sink: 'the `apiKey` option of Anthropic' } }],
    },
    {
      // || '' is not a check either
      code: `import { ChatOpenAI } from '@langchain/openai';\nexport const make = () => new ChatOpenAI({ model: 'gpt-4o', apiKey: process.env['OPENAI_API_KEY'] || '' });`,
      errors: [{ messageId: 'emptyFallback', data: { name: 'OPENAI_API_KEY', sink: 'the `apiKey` option of ChatOpenAI', form: 'computed' } }],
    },
    {
      // ! is not a check
      code: `import Stripe from 'stripe';\nexport const make = () => new Stripe(process.env.STRIPE_SECRET_KEY!);`,
      errors: [{ messageId: 'nonNullAssertion', data: { name: 'STRIPE_SECRET_KEY', sink: 'the credential argument of Stripe' } }],
    },
    {
      // as string is not a check; positional credential of a factory
      code: `import { createClient } from '@supabase/supabase-js';\nexport const admin = () => createClient(process.env.SUPABASE_URL as string, process.env.SUPABASE_SERVICE_ROLE_KEY as string);`,
      errors: [{ messageId: 'unchecked', data: { name: 'SUPABASE_SERVICE_ROLE_KEY', sink: 'the credential argument of createClient' } }],
    },
    {
      // through a local variable
      code: `import Stripe from 'stripe';\nexport function make() {\n  const key = process.env.STRIPE_SECRET_KEY;\n  return new Stripe(key);\n}`,
      errors: [{ messageId: 'unchecked', line: 3, data: { name: 'STRIPE_SECRET_KEY', sink: 'the credential argument of Stripe' } }],
    },
    {
      // through a `const env = process.env` alias
      code: `import { CohereClient } from 'cohere-ai';\nconst env = process.env;\nexport const make = () => new CohereClient({ token: env.COHERE_API_KEY });`,
      errors: [{ messageId: 'unchecked', data: { name: 'COHERE_API_KEY', sink: 'the `token` option of CohereClient', processEnv: 'true' } }],
    },
    {
      // destructured with an empty default
      code: `import { Octokit } from '@octokit/rest';\nexport function make() {\n  const { GITHUB_TOKEN: token = '' } = process.env;\n  return new Octokit({ auth: token });\n}`,
      errors: [{ messageId: 'emptyFallback', line: 3, data: { name: 'GITHUB_TOKEN', sink: 'the `auth` option of Octokit', form: 'destructured' } }],
    },
    {
      // fetch Authorization header, template literal
      code: `export const search = (q: string) => fetch('https://api.tavily.com/search', { method: 'POST', headers: { Authorization: \`Bearer \${process.env.TAVILY_API_KEY}\` }, body: q });`,
      errors: [{ messageId: 'unchecked', data: { name: 'TAVILY_API_KEY', sink: 'an `Authorization` header' } }],
    },
    {
      // x-api-key header through a local, string concatenation
      code: `export async function scrape(url: string) {\n  const key = process.env.FIRECRAWL_API_KEY ?? '';\n  const headers = { 'x-api-key': 'fc-' + key };\n  return fetch(url, { headers });\n}`,
      errors: [{ messageId: 'emptyFallback', line: 2, data: { name: 'FIRECRAWL_API_KEY', sink: 'an `x-api-key` header' } }],
    },
    {
      // headers.set on a Headers object
      code: `export function headers() {\n  const h = new Headers();\n  h.set('Authorization', \`Bearer \${process.env.REPLICATE_API_TOKEN}\`);\n  return h;\n}`,
      errors: [{ messageId: 'unchecked', data: { name: 'REPLICATE_API_TOKEN', sink: 'an `Authorization` header' } }],
    },
    {
      // a default header on a shared HTTP client
      code: `import axios from 'axios';\nexport function configure() {\n  axios.defaults.headers.common.Authorization = 'Bearer ' + process.env.HUBSPOT_ACCESS_TOKEN;\n}`,
      errors: [{ messageId: 'unchecked', data: { name: 'HUBSPOT_ACCESS_TOKEN', sink: 'an `Authorization` header' } }],
    },
    {
      // nested option (LangChain's configuration) and a generic factory
      code: `import axios from 'axios';\nexport const api = () => axios.create({ baseURL: 'https://api.example.com', headers: { 'X-API-Key': process.env.EXAMPLE_API_KEY } });`,
      errors: [{ messageId: 'unchecked', data: { name: 'EXAMPLE_API_KEY', sink: 'an `X-API-Key` header' } }],
    },
    {
      // a config object kept in a local, read by property
      code: `import OpenAI from 'openai';\nconst config = { llm: { key: process.env.LLM_API_KEY } };\nexport const make = () => new OpenAI({ apiKey: config.llm.key });`,
      errors: [{ messageId: 'unchecked', line: 2, data: { name: 'LLM_API_KEY', sink: 'the `apiKey` option of OpenAI' } }],
    },
    {
      // an options object kept in a local
      code: `import { Mistral } from '@mistralai/mistralai';\nexport function make() {\n  const options = { apiKey: process.env.MISTRAL_API_KEY };\n  return new Mistral(options);\n}`,
      errors: [{ messageId: 'unchecked', data: { name: 'MISTRAL_API_KEY', sink: 'the `apiKey` option of Mistral' } }],
    },
    {
      // a parameter default
      code: `import { CrewClient } from '@crewai/typescript';\nexport function make(apiKey = process.env.CREWAI_API_KEY) {\n  return new CrewClient({ apiKey });\n}`,
      errors: [{ messageId: 'unchecked', data: { name: 'CREWAI_API_KEY', sink: 'the `apiKey` option of CrewClient' } }],
    },
    {
      // a check on another variable does not count
      code: `import OpenAI from 'openai';\nexport function make() {\n  if (!process.env.OPENAI_ORG_ID) throw new Error('org');\n  return new OpenAI({ apiKey: process.env.AZURE_OPENAI_API_KEY, organization: process.env.OPENAI_ORG_ID });\n}`,
      errors: [{ messageId: 'unchecked', data: { name: 'AZURE_OPENAI_API_KEY', sink: 'the `apiKey` option of OpenAI' } }],
    },
    {
      // a check after the use does not count
      code: `import Stripe from 'stripe';\nexport function make() {\n  const apiKey = process.env.STRIPE_SECRET_KEY;\n  const client = new Stripe(apiKey);\n  if (!apiKey) throw new Error('missing');\n  return client;\n}`,
      errors: [{ messageId: 'unchecked', line: 3 }],
    },
    {
      // a check that does not stop (logs and goes on)
      code: `import { Mistral } from '@mistralai/mistralai';\nexport function make() {\n  const apiKey = process.env.MISTRAL_API_KEY;\n  if (!apiKey) console.warn('MISTRAL_API_KEY missing');\n  return new Mistral({ apiKey });\n}`,
      errors: [{ messageId: 'unchecked', line: 3 }],
    },
    {
      // import.meta.env and Bun.env are reads too (the codemod leaves a marker for them)
      code: `export const ask = () => fetch('/v1/chat', { headers: { Authorization: \`Bearer \${import.meta.env.GROQ_API_KEY}\` } });\nexport const other = () => fetch('/v1/x', { headers: { 'x-api-key': Bun.env.EXA_API_KEY! } });`,
      errors: [
        { messageId: 'unchecked', data: { name: 'GROQ_API_KEY', sink: 'an `Authorization` header', processEnv: 'false' } },
        { messageId: 'nonNullAssertion', data: { name: 'EXA_API_KEY', sink: 'an `x-api-key` header', processEnv: 'false' } },
      ],
    },
    {
      // a name the project declares in its .env.example
      code: `import { AcmeClient } from '@acme/sdk';\nexport const make = () => new AcmeClient({ apiKey: process.env.ACME_LICENSE, region: process.env.ACME_REGION });`,
      filename: join(project, 'src/acme.ts'),
      errors: [{ messageId: 'unchecked', data: { name: 'ACME_LICENSE', sink: 'the `apiKey` option of AcmeClient' } }],
    },
    {
      // a declared credential name from settings
      code: `import { AcmeClient } from '@acme/sdk';\nexport const make = () => new AcmeClient({ apiKey: process.env.ACME_LICENSE });`,
      settings: { 'scale-auth': { credentialEnvNames: ['ACME_LICENSE'] } },
      errors: [{ messageId: 'unchecked', data: { name: 'ACME_LICENSE', sink: 'the `apiKey` option of AcmeClient' } }],
    },
    {
      // the fallback chain: the last read answers for both
      code: `import OpenAI from 'openai';\nexport const make = () => new OpenAI({ apiKey: process.env.OPENAI_API_KEY ?? process.env.OPENAI_KEY ?? '' });`,
      errors: [{ messageId: 'emptyFallback', data: { name: 'OPENAI_KEY', sink: 'the `apiKey` option of OpenAI' } }],
    },
  ],
});

jsRuleTester.run('no-unchecked-credential-env (ES module JavaScript)', rule, {
  valid: [
    // ok: checked in the same function before the client is built
    `import OpenAI from 'openai';\nexport function make() {\n  const apiKey = process.env.OPENAI_API_KEY;\n  if (!apiKey) throw new Error('OPENAI_API_KEY is not set');\n  return new OpenAI({ apiKey });\n}`,
  ],
  invalid: [
    {
      code: `import Anthropic from '@anthropic-ai/sdk';\nexport function make() {\n  const { CLAUDE_API_KEY } = process.env;\n  return new Anthropic({ apiKey: CLAUDE_API_KEY });\n}`,
      errors: [{ messageId: 'unchecked', line: 3, data: { name: 'CLAUDE_API_KEY', sink: 'the `apiKey` option of Anthropic', form: 'destructured', processEnv: 'true' } }],
    },
  ],
});

cjsRuleTester.run('no-unchecked-credential-env (CommonJS)', rule, {
  valid: [
    // ok: assert.ok from node:assert
    `const assert = require('node:assert');\nconst Stripe = require('stripe');\nmodule.exports = function make() {\n  assert.ok(process.env.STRIPE_SECRET_KEY, 'STRIPE_SECRET_KEY');\n  return new Stripe(process.env.STRIPE_SECRET_KEY);\n};`,
  ],
  invalid: [
    {
      code: `const Stripe = require('stripe');\nmodule.exports = function make() {\n  return new Stripe(process.env.STRIPE_SECRET_KEY || '');\n};`,
      errors: [{ messageId: 'emptyFallback', data: { name: 'STRIPE_SECRET_KEY', sink: 'the credential argument of Stripe' } }],
    },
  ],
});

// With type information (a strict program), a read typed without `undefined` is not reported.
const typedRuleTester = new RuleTester({
  languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: join(import.meta.dirname, 'fixtures/typed') } },
});

typedRuleTester.run('no-unchecked-credential-env (type information)', rule, {
  valid: [
    // ok: the project declares the variable as always set
    `import OpenAI from 'openai';\ndeclare global { namespace NodeJS { interface ProcessEnv { DEEPSEEK_API_KEY: string } } }\nexport const make = () => new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: process.env.DEEPSEEK_API_KEY });`,
  ],
  invalid: [
    {
      // process.env's own type: string | undefined
      code: `import OpenAI from 'openai';\nexport const make = () => new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: process.env.DEEPSEEK_API_KEY });`,
      errors: [{ messageId: 'unchecked' }],
    },
    {
      // an empty default makes the local a string: the read itself still lacks a check
      code: `import OpenAI from 'openai';\nexport function make() {\n  const { DEEPSEEK_API_KEY = '' } = process.env;\n  return new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: DEEPSEEK_API_KEY });\n}`,
      errors: [{ messageId: 'emptyFallback' }],
    },
  ],
});
