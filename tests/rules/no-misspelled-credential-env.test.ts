import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, parse, relative } from 'node:path';
import { afterAll } from 'vitest';
import rule from '../../rules/no-misspelled-credential-env.js';
import { cjsRuleTester, jsRuleTester, tsRuleTester } from '../rule-tester.js';

// A real project on disk: declared names come from its .env files, found by walking up from the linted file.
const project = mkdtempSync(join(tmpdir(), 'scale-auth-env-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));
writeFileSync(join(project, 'package.json'), '{ "name": "agent" }\n');
writeFileSync(
  join(project, '.env.example'),
  ['# Copy to .env', 'CREWAI_API_KEY=', 'CREW_AI_KEY=', 'ACME_SERVICE_TOKEN="replace me"', '', 'export  SEARCH_KEY = abc', 'PRIVATE_PEM="-----BEGIN', 'NOT_A_KEY=inside the value', '-----"', 'garbage line without equals', '=nothing'].join('\n'),
);
writeFileSync(join(project, '.env.sample'), "OPENAI_KEY: 'x'\r\n");
mkdirSync(join(project, 'config'));
writeFileSync(join(project, 'config', 'env.schema'), 'ANTHROPIC_KEY=\n');
mkdirSync(join(project, 'apps', 'web', 'src'), { recursive: true });
writeFileSync(join(project, 'apps', 'web', '.env.template'), 'STRIPE_KEY=\n');
const inProject = (path: string): string => join(project, path);
// RuleTester lints a file outside its working folder from the filesystem root: messages name paths from there.
const shown = (path: string): string => relative(parse(project).root, join(project, path));

const OPENAI_SOURCE = 'the name openai, @langchain/openai and @ai-sdk/openai use';
const OPENAI_HIDDEN = 'openai, @langchain/openai and @ai-sdk/openai read `OPENAI_API_KEY` by itself when given undefined, which hides this typo wherever `OPENAI_API_KEY` is also set; where it is not (a worker, a job, CI), the credential is missing.';
const rename = (suggestion: string, output: string) => [{ messageId: 'renameTo' as const, data: { suggestion }, output }];

tsRuleTester.run('no-misspelled-credential-env (TypeScript)', rule, {
  valid: [
    // ok: the canonical name
    'import OpenAI from "openai";\nexport const make = () => new OpenAI({ apiKey: process.env.OPENAI_API_KEY });',
    // ok: canonical for another SDK is a choice, not a typo (LangChain's name given to cohere-ai)
    'import { CohereClient } from "cohere-ai";\nexport const make = () => new CohereClient({ token: process.env.COHERE_API_KEY });',
    // ok: Gemini's key given to the openai SDK pointed at Gemini's compatible endpoint
    'import OpenAI from "openai";\nexport const gemini = () => new OpenAI({ apiKey: process.env.GEMINI_API_KEY, baseURL: "https://generativelanguage.googleapis.com/v1beta/openai/" });',
    // ok: real, distinct names next to a credential
    'export const org = [process.env.OPENAI_ORG_ID, process.env.OPENAI_BASE_URL, process.env.OPENAI_PROJECT_ID];',
    // ok: ordinary settings
    'export const config = { db: process.env.DATABASE_URL, env: process.env.NODE_ENV, port: process.env.PORT };',
    // ok: project-specific qualifiers and prefixes
    'export const keys = [process.env.OPENAI_API_KEY_PROD, process.env.MY_OPENAI_API_KEY, process.env.TEST_ANTHROPIC_API_KEY];',
    // ok: another service of the same vendor
    'export const maps = process.env.GOOGLE_MAPS_API_KEY;',
    // ok: framework-public names are a different problem
    'export const a = process.env.NEXT_PUBLIC_OPENAI_KEY;\nexport const b = import.meta.env.VITE_OPENAI_APIKEY;',
    // ok: SvelteKit public env
    'import { PUBLIC_OPENAI_KEY } from "$env/static/public";\nexport const k = PUBLIC_OPENAI_KEY;',
    // ok: every legitimate name of the vendors that have several
    'export const all = [process.env.TOGETHER_AI_API_KEY, process.env.TOGETHER_API_KEY, process.env.EXASEARCH_API_KEY, process.env.EXA_API_KEY, process.env.LANGCHAIN_API_KEY, process.env.LANGSMITH_API_KEY, process.env.ANTHROPIC_AUTH_TOKEN, process.env.GOOGLE_GENAI_API_KEY, process.env.CO_API_KEY];',
    // ok: the AWS chain
    'const { AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_PROFILE, AWS_REGION } = process.env;\nexport { AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_PROFILE, AWS_REGION };',
    // ok: plurals and numbered variants are other variables
    'export const pool = [process.env.OPENAI_API_KEYS, process.env.AWS_REGIONS, process.env.OPENAI_API_KEY_2];',
    // ok: xAI's model name is not Groq
    'export const grok = process.env.GROK_API_KEY;',
    // ok: names near nothing in the catalog
    'export const s = [process.env.SUPABASE_KEY, process.env.SUPABASE_SECRET_KEY, process.env.OPENAI_MODEL, process.env.LANGCHAIN_TRACING, process.env.AZURE_OPENAI_DEPLOYMENT, process.env.OPENAI_API_BASE_URL];',
    // ok: two-letter vendors are too easy to hit by chance
    'export const s = [process.env.HF_API_KEY, process.env.CO_KEY];',
    // ok: computed names that are not constant are skipped
    'export const read = (name: string) => process.env[name] ?? process.env[`${name}_API_KEY`];',
    // ok: writes are not reads
    'process.env.OPENAI_APIKEY = "sk-test";\ndelete process.env.ANTHROPIC_KEY;',
    // ok: a shadowed process
    'export function read(process: { env: Record<string, string> }) { return process.env.OPENAI_APIKEY; }',
    // ok: a function that is not a declared env helper
    'declare function getEnv(name: string): string;\nexport const k = getEnv("OPENAI_APIKEY");',
    {
      // ok: names declared in settings are right by definition
      code: 'export const k = process.env.OPENAI_KEY;',
      settings: { 'scale-auth': { credentialEnvNames: ['OPENAI_KEY'] } },
    },
    {
      // ok: the env var an SDK added in settings reads
      code: 'export const k = process.env.ACME_API_KEY;',
      settings: { 'scale-auth': { clients: [{ module: '@acme/llm', exports: ['Acme'], defaultEnv: ['ACME_API_KEY'] }] } },
    },
    {
      // ok: declared in the project's .env.example
      code: 'export const hasKey = () => Boolean(process.env.CREW_AI_KEY);',
      filename: inProject('src/crew.ts'),
    },
    {
      // ok: declared with `KEY: value` in .env.sample (CRLF)
      code: 'export const k = process.env.OPENAI_KEY;',
      filename: inProject('src/llm.ts'),
    },
    {
      // ok: declared in a file named in settings envFiles
      code: 'export const k = process.env.ANTHROPIC_KEY;',
      filename: inProject('src/claude.ts'),
      settings: { 'scale-auth': { envFiles: [inProject('config/env.schema')] } },
    },
    {
      // ok: declared in a nested package's .env.template
      code: 'export const k = process.env.STRIPE_KEY;',
      filename: inProject('apps/web/src/pay.ts'),
    },
    {
      // ok: the ignore option
      code: 'export const k = process.env.OPENAI_KEY;',
      options: [{ ignore: ['OPENAI_KEY'] }],
    },
  ],
  invalid: [
    {
      code: 'import OpenAI from "openai";\nexport const make = () => new OpenAI({ apiKey: process.env.OPENAI_APIKEY });',
      errors: [
        {
          messageId: 'misspelled',
          line: 2,
          column: 60,
          data: { name: 'OPENAI_APIKEY', suggestion: 'OPENAI_API_KEY', difference: 'the underscores differ', source: OPENAI_SOURCE, consequence: OPENAI_HIDDEN },
          suggestions: rename('OPENAI_API_KEY', 'import OpenAI from "openai";\nexport const make = () => new OpenAI({ apiKey: process.env.OPENAI_API_KEY });'),
        },
      ],
    },
    {
      // the `?? ''` defeats the SDK's own fallback
      code: 'export const key = process.env.GROQ_APIKEY ?? "";',
      errors: [
        {
          messageId: 'misspelled',
          data: {
            name: 'GROQ_APIKEY',
            suggestion: 'GROQ_API_KEY',
            difference: 'the underscores differ',
            source: 'the name groq-sdk and @langchain/groq use',
            consequence: "The string fallback defeats the SDK's own: groq-sdk and @langchain/groq read `GROQ_API_KEY` by itself when given undefined, but gets a bogus key instead and fails with a 401.",
          },
          suggestions: rename('GROQ_API_KEY', 'export const key = process.env.GROQ_API_KEY ?? "";'),
        },
      ],
    },
    {
      code: "export const key = process.env['OPEN_AI_API_KEY'];",
      errors: [{ messageId: 'misspelled', column: 32, suggestions: rename('OPENAI_API_KEY', "export const key = process.env['OPENAI_API_KEY'];") }],
    },
    {
      code: 'export const key = process.env[`OPENAI_KEY`];',
      errors: [{ messageId: 'misspelled', suggestions: rename('OPENAI_API_KEY', 'export const key = process.env[`OPENAI_API_KEY`];') }],
    },
    {
      // a shorthand destructuring keeps its local name
      code: 'const { CREW_AI_KEY } = process.env;\nexport { CREW_AI_KEY };',
      errors: [{ messageId: 'misspelled', column: 9, suggestions: rename('CREWAI_API_KEY', 'const { CREWAI_API_KEY: CREW_AI_KEY } = process.env;\nexport { CREW_AI_KEY };') }],
    },
    {
      // a renamed destructuring with a '' default defeats the fallback
      code: 'const { ANTHROPIC_KEY: key = "" } = process.env;\nexport { key };',
      errors: [
        {
          messageId: 'misspelled',
          data: {
            name: 'ANTHROPIC_KEY',
            suggestion: 'ANTHROPIC_API_KEY',
            difference: 'a word is missing',
            source: 'the name @anthropic-ai/sdk, @langchain/anthropic and @ai-sdk/anthropic use',
            consequence: "The string fallback defeats the SDK's own: @anthropic-ai/sdk, @langchain/anthropic and @ai-sdk/anthropic read `ANTHROPIC_API_KEY` by itself when given undefined, but gets a bogus key instead and fails with a 401.",
          },
          suggestions: rename('ANTHROPIC_API_KEY', 'const { ANTHROPIC_API_KEY: key = "" } = process.env;\nexport { key };'),
        },
      ],
    },
    {
      // through an alias of process.env
      code: 'const env = process.env;\nexport const key = () => env.AZURE_OPENAI_KEY;',
      errors: [{ messageId: 'misspelled', line: 2, suggestions: rename('AZURE_OPENAI_API_KEY', 'const env = process.env;\nexport const key = () => env.AZURE_OPENAI_API_KEY;') }],
    },
    {
      // `const { env } = process`
      code: 'const { env } = process;\nexport const token = env.REPLICATE_API_KEY;',
      errors: [{ messageId: 'misspelled', suggestions: rename('REPLICATE_API_TOKEN', 'const { env } = process;\nexport const token = env.REPLICATE_API_TOKEN;') }],
    },
    {
      code: 'export const key = import.meta.env.ANTROPIC_API_KEY;',
      errors: [{ messageId: 'misspelled', suggestions: rename('ANTHROPIC_API_KEY', 'export const key = import.meta.env.ANTHROPIC_API_KEY;') }],
    },
    {
      code: 'export const key = Bun.env.OPENIA_API_KEY;',
      errors: [{ messageId: 'misspelled', suggestions: rename('OPENAI_API_KEY', 'export const key = Bun.env.OPENAI_API_KEY;') }],
    },
    {
      code: "export const key = Deno.env.get('API_KEY_OPENAI');",
      errors: [{ messageId: 'misspelled', suggestions: rename('OPENAI_API_KEY', "export const key = Deno.env.get('OPENAI_API_KEY');") }],
    },
    {
      // SvelteKit: the import keeps its local name
      code: 'import { OPENAI_APIKEY } from "$env/static/private";\nexport const key = OPENAI_APIKEY;',
      errors: [{ messageId: 'misspelled', column: 10, suggestions: rename('OPENAI_API_KEY', 'import { OPENAI_API_KEY as OPENAI_APIKEY } from "$env/static/private";\nexport const key = OPENAI_APIKEY;') }],
    },
    {
      code: 'import { env } from "$env/dynamic/private";\nexport const key = () => env.GROQ_APIKEY;',
      errors: [{ messageId: 'misspelled', suggestions: rename('GROQ_API_KEY', 'import { env } from "$env/dynamic/private";\nexport const key = () => env.GROQ_API_KEY;') }],
    },
    {
      // a helper named in settings
      code: 'declare function getEnv(name: string): string;\nexport const key = getEnv("MISTRAL_AI_API_KEY");',
      settings: { 'scale-auth': { envHelpers: ['getEnv'] } },
      errors: [{ messageId: 'misspelled', suggestions: rename('MISTRAL_API_KEY', 'declare function getEnv(name: string): string;\nexport const key = getEnv("MISTRAL_API_KEY");') }],
    },
    {
      // requireEnv, which the client-factory codemod generates
      code: 'declare function requireEnv(name: string): string;\nexport const key = () => requireEnv("TAVILY_KEY");',
      errors: [{ messageId: 'misspelled', suggestions: rename('TAVILY_API_KEY', 'declare function requireEnv(name: string): string;\nexport const key = () => requireEnv("TAVILY_API_KEY");') }],
    },
    {
      // a raw Authorization header: no SDK falls back
      code: 'export const call = () => fetch("https://api.perplexity.ai/chat/completions", { headers: { Authorization: `Bearer ${process.env.PERPLEXITY_KEY}` } });',
      errors: [
        {
          messageId: 'misspelled',
          data: {
            name: 'PERPLEXITY_KEY',
            suggestion: 'PERPLEXITY_API_KEY',
            difference: 'a word is missing',
            source: 'the name @ai-sdk/perplexity uses',
            consequence: 'It goes straight into an auth header, where no SDK falls back to `PERPLEXITY_API_KEY`: wherever `PERPLEXITY_KEY` is unset, the request fails with a 401.',
          },
          suggestions: rename('PERPLEXITY_API_KEY', 'export const call = () => fetch("https://api.perplexity.ai/chat/completions", { headers: { Authorization: `Bearer ${process.env.PERPLEXITY_API_KEY}` } });'),
        },
      ],
    },
    {
      code: 'export function headers(h: Headers) { h.set("x-api-key", process.env.EXA_KEY ?? ""); }',
      errors: [{ messageId: 'misspelled', suggestions: rename('EXA_API_KEY', 'export function headers(h: Headers) { h.set("x-api-key", process.env.EXA_API_KEY ?? ""); }') }],
    },
    {
      // the seeds' bug: no SDK reads CREWAI_API_KEY by itself
      code: 'import { CrewClient } from "@crewai/typescript";\nexport const crew = () => new CrewClient({ apiKey: process.env.CREW_AI_KEY });',
      errors: [
        {
          messageId: 'misspelled',
          data: {
            name: 'CREW_AI_KEY',
            suggestion: 'CREWAI_API_KEY',
            difference: 'a word is missing',
            source: 'the name @crewai/typescript uses',
            consequence: 'No SDK reads `CREWAI_API_KEY` by itself, so nothing falls back: wherever `CREW_AI_KEY` is unset, the credential is undefined.',
          },
          suggestions: rename('CREWAI_API_KEY', 'import { CrewClient } from "@crewai/typescript";\nexport const crew = () => new CrewClient({ apiKey: process.env.CREWAI_API_KEY });'),
        },
      ],
    },
    {
      // a near miss of a name the project declares, with the file that declares it
      code: 'export const token = process.env.ACME_SERVICE_TOKN;',
      filename: inProject('src/acme.ts'),
      errors: [
        {
          messageId: 'misspelled',
          data: {
            name: 'ACME_SERVICE_TOKN',
            suggestion: 'ACME_SERVICE_TOKEN',
            difference: 'one letter differs',
            source: `declared in ${shown('.env.example')}`,
            consequence: 'Wherever `ACME_SERVICE_TOKN` is unset, the credential is missing.',
          },
          suggestions: rename('ACME_SERVICE_TOKEN', 'export const token = process.env.ACME_SERVICE_TOKEN;'),
        },
      ],
    },
    {
      // declared and in the catalog: both sources are named
      code: 'export const key = process.env.CREWAI_APIKEY;',
      filename: inProject('src/crew.ts'),
      errors: [{ messageId: 'misspelled', suggestions: rename('CREWAI_API_KEY', 'export const key = process.env.CREWAI_API_KEY;') }],
    },
    {
      // a near miss of a name listed in settings
      code: 'export const key = process.env.ACME_LLM_APIKEY;',
      settings: { 'scale-auth': { credentialEnvNames: ['ACME_LLM_API_KEY'] } },
      errors: [{ messageId: 'misspelled', suggestions: rename('ACME_LLM_API_KEY', 'export const key = process.env.ACME_LLM_API_KEY;') }],
    },
    {
      // unclear which was meant: every candidate is offered, none chosen
      code: 'export const stripe = process.env.STRIPE_KEY;',
      errors: [
        {
          messageId: 'ambiguous',
          data: { name: 'STRIPE_KEY', candidates: '`STRIPE_SECRET_KEY` or `STRIPE_API_KEY`', difference: 'a word is missing' },
          suggestions: [
            { messageId: 'renameTo', data: { suggestion: 'STRIPE_SECRET_KEY' }, output: 'export const stripe = process.env.STRIPE_SECRET_KEY;' },
            { messageId: 'renameTo', data: { suggestion: 'STRIPE_API_KEY' }, output: 'export const stripe = process.env.STRIPE_API_KEY;' },
          ],
        },
      ],
    },
    {
      // env names are case-sensitive on Linux
      code: 'export const key = process.env.openai_api_key;',
      errors: [{ messageId: 'misspelled', suggestions: rename('OPENAI_API_KEY', 'export const key = process.env.OPENAI_API_KEY;') }],
    },
    {
      // each misspelled read is reported
      code: 'export const keys = [process.env.XAI_KEY, process.env.OPENROUTER_APIKEY, process.env.OPENAI_API_KEY];',
      errors: [
        { messageId: 'misspelled', column: 34, suggestions: rename('XAI_API_KEY', 'export const keys = [process.env.XAI_API_KEY, process.env.OPENROUTER_APIKEY, process.env.OPENAI_API_KEY];') },
        { messageId: 'misspelled', column: 55, suggestions: rename('OPENROUTER_API_KEY', 'export const keys = [process.env.XAI_KEY, process.env.OPENROUTER_API_KEY, process.env.OPENAI_API_KEY];') },
      ],
    },
  ],
});

jsRuleTester.run('no-misspelled-credential-env (JavaScript)', rule, {
  valid: [
    // ok: Deno's canonical read
    "export const key = Deno.env.get('ANTHROPIC_API_KEY');",
  ],
  invalid: [
    {
      code: 'export const secret = process.env.AWS_SECRET_KEY;',
      errors: [{ messageId: 'misspelled', suggestions: rename('AWS_SECRET_ACCESS_KEY', 'export const secret = process.env.AWS_SECRET_ACCESS_KEY;') }],
    },
  ],
});

cjsRuleTester.run('no-misspelled-credential-env (CommonJS)', rule, {
  valid: [
    // ok: destructured canonical names
    "const { OPENAI_API_KEY, PINECONE_API_KEY } = process.env;\nmodule.exports = { OPENAI_API_KEY, PINECONE_API_KEY };",
  ],
  invalid: [
    {
      code: "const Groq = require('groq-sdk');\nconst key = process.env.GROQ_KEY;\nmodule.exports = () => new Groq({ apiKey: key });",
      errors: [{ messageId: 'misspelled', line: 2, suggestions: rename('GROQ_API_KEY', "const Groq = require('groq-sdk');\nconst key = process.env.GROQ_API_KEY;\nmodule.exports = () => new Groq({ apiKey: key });") }],
    },
  ],
});
