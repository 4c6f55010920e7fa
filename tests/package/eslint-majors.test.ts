import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import * as eslintV10 from 'eslint';
import * as eslintV9 from 'eslint-v9';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScaleAuthPlugin } from '../../src/index.js';
import { removeProject, tempProject } from '../temp-project.js';
import { REPO_ROOT } from './temp-project.js';

// The built entry, as a consumer gets it (`npm test` builds dist/ first).
const DIST_ENTRY = join(REPO_ROOT, 'dist', 'src', 'index.js');

const CLIENT_LINE = 'const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });';

// A made-up key written in the source: the report must describe it without repeating it.
const LITERAL_KEY = 'sk-fake-scale-auth-test-0000';

const PROJECT = {
  'src/llm.ts': [
    "import OpenAI from 'openai';",
    '',
    CLIENT_LINE,
    '',
    'export async function answer(question: string): Promise<string> {',
    "  const completion = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] });",
    "  return completion.choices[0]?.message.content ?? '';",
    '}',
    '',
  ].join('\n'),
  'src/llm.js': [
    "const OpenAI = require('openai');",
    '',
    CLIENT_LINE,
    '',
    'async function answer(question) {',
    "  const completion = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] });",
    '  return completion.choices[0].message.content;',
    '}',
    '',
    'module.exports = { answer };',
    '',
  ].join('\n'),
  'src/literal.ts': [
    "import OpenAI from 'openai';",
    '',
    `export const client = new OpenAI({ apiKey: '${LITERAL_KEY}' });`,
    '',
  ].join('\n'),
  'src/clean.ts': [
    "import OpenAI from 'openai';",
    '',
    'export async function answer(question: string): Promise<string> {',
    '  const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });',
    "  const completion = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] });",
    "  return completion.choices[0]?.message.content ?? '';",
    '}',
    '',
  ].join('\n'),
};

/** Where each file is expected to be reported: rule id, messageId and line of `new OpenAI(...)`. */
const EXPECTED: Record<keyof typeof PROJECT, { ruleId: string; messageId: string; line: number; column: number }[]> = {
  'src/llm.ts': [{ ruleId: 'scale-auth/no-module-scope-client', messageId: 'moduleScopeClient', line: 3, column: 16 }],
  'src/llm.js': [{ ruleId: 'scale-auth/no-module-scope-client', messageId: 'moduleScopeClient', line: 3, column: 16 }],
  'src/literal.ts': [{ ruleId: 'scale-auth/no-module-scope-client', messageId: 'moduleScopeClient', line: 3, column: 23 }],
  'src/clean.ts': [],
};

interface LintMessage {
  ruleId: string | null;
  messageId?: string;
  line: number;
  column: number;
  fatal?: boolean;
  message: string;
}
interface LintResult {
  filePath: string;
  messages: LintMessage[];
  fatalErrorCount: number;
}

let projectRoot = '';
let plugin: ScaleAuthPlugin;

beforeAll(async () => {
  if (!existsSync(DIST_ENTRY)) throw new Error(`${DIST_ENTRY} is missing: run \`npm run build\` first`);
  plugin = ((await import(pathToFileURL(DIST_ENTRY).href)) as { default: ScaleAuthPlugin }).default;
  projectRoot = tempProject(PROJECT, 'scale-auth-eslint-majors');
});

afterAll(() => removeProject(projectRoot));

/** The consumer's flat config: recommended, TS files through @typescript-eslint/parser, .js as CommonJS. */
function flatConfig(): unknown[] {
  return [
    { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
    { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } },
    plugin.configs.recommended,
  ];
}

function summarize(results: LintResult[]): Record<string, { ruleId: string | null; messageId?: string; line: number; column: number }[]> {
  return Object.fromEntries(
    results.map((result) => [
      result.filePath.slice(projectRoot.length + 1).split('\\').join('/'),
      result.messages.map(({ ruleId, messageId, line, column }) => ({ ruleId, messageId, line, column })),
    ]),
  );
}

const majors = [
  { name: 'eslint (10)', module: eslintV10, major: 10 },
  { name: 'eslint-v9', module: eslintV9, major: 9 },
] as const;

describe.each(majors)('the built plugin under $name', ({ module, major }) => {
  it('is the expected ESLint major', () => {
    expect(Number(module.ESLint.version.split('.')[0])).toBe(major);
  });

  it('reports module-scope clients in TS and CommonJS files, not the client created inside a function', async () => {
    const eslint = new module.ESLint({
      cwd: projectRoot,
      overrideConfigFile: true,
      overrideConfig: flatConfig() as never,
    });
    const results = (await eslint.lintFiles(['src'])) as LintResult[];

    expect(results.flatMap((result) => result.messages.filter((message) => message.fatal))).toEqual([]);
    expect(results.reduce((sum, result) => sum + result.fatalErrorCount, 0)).toBe(0);
    expect(summarize(results)).toEqual(EXPECTED);
  });

  it('says which binding, client and function are involved, and never repeats a literal key', async () => {
    const eslint = new module.ESLint({ cwd: projectRoot, overrideConfigFile: true, overrideConfig: flatConfig() as never });
    const results = (await eslint.lintFiles(['src'])) as LintResult[];
    const messages = results.flatMap((result) => result.messages.map((message) => message.message));
    const tsMessage = results.find((result) => result.filePath.endsWith('llm.ts'))?.messages[0]?.message ?? '';
    expect(tsMessage).toContain('`client` (OpenAI');
    expect(tsMessage).toContain('OPENAI_API_KEY');
    expect(tsMessage).toContain('reused by answer');
    expect(messages).toHaveLength(3);
    for (const message of messages) expect(message).not.toContain(LITERAL_KEY);
  });
});

describe('configs["legacy-recommended"] (eslintrc, ESLint 8 users)', () => {
  it('is an eslintrc object: plugin names and rule levels, no flat-config keys', () => {
    const legacy = plugin.configs['legacy-recommended'];
    expect(legacy.plugins).toEqual(['scale-auth']);
    expect(Object.keys(legacy).sort()).toEqual(['plugins', 'rules']);
    expect(Object.keys(legacy.rules)).toContain('scale-auth/no-module-scope-client');
    for (const [ruleId, level] of Object.entries(legacy.rules)) {
      expect(ruleId).toMatch(/^scale-auth\//);
      expect(plugin.rules).toHaveProperty(ruleId.slice('scale-auth/'.length));
      expect(['error', 'warn']).toContain(level);
    }
  });

  it('lints through ESLint 9 in eslintrc mode with `extends: plugin:scale-auth/legacy-recommended`', async () => {
    const LegacyESLint = await eslintV9.loadESLint({ useFlatConfig: false });
    const eslint = new LegacyESLint({
      cwd: projectRoot,
      useEslintrc: false,
      plugins: { 'scale-auth': plugin as never },
      overrideConfig: {
        extends: ['plugin:scale-auth/legacy-recommended'],
        parserOptions: { ecmaVersion: 'latest', sourceType: 'script' },
        env: { node: true, es2022: true },
      },
    });
    const results = (await eslint.lintFiles(['src/llm.js'])) as LintResult[];
    expect(summarize(results)).toEqual({ 'src/llm.js': EXPECTED['src/llm.js'] });
  });
});
