import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import { collectEnvReads, envReadName, mentionsEnvRead } from '../../src/analysis/env-reads.js';

/** Each read as `form name «text of the name node»`, collected by a throwaway rule (per helper list, on the same file). */
function reads(code: string, helpers: string[] = [], ...moreHelpers: string[][]): string[] {
  const found: string[] = [];
  const rule: Rule.RuleModule = {
    create(context) {
      const sourceCode = context.sourceCode as unknown as TSESLint.SourceCode;
      return {
        Program() {
          for (const list of [helpers, ...moreHelpers]) {
            for (const read of collectEnvReads(sourceCode, list)) found.push(`${read.form} ${read.name} «${sourceCode.getText(read.nameNode)}»`);
          }
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(code, [
    { files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser }, plugins: { test: { rules: { reads: rule } } }, rules: { 'test/reads': 'error' } },
  ], { filename: 'file.ts' });
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return found;
}

describe('collectEnvReads', () => {
  it('finds process.env reads: dotted, bracketed, template, optional, through type wrappers', () => {
    expect(reads("const a = process.env.OPENAI_API_KEY;\nconst b = process.env['ANTHROPIC_API_KEY'];\nconst c = process.env[`GROQ_API_KEY`];\nconst d = process.env?.XAI_API_KEY;\nconst e = (process.env as Record<string, string>).CO_API_KEY!;")).toEqual([
      'member OPENAI_API_KEY «OPENAI_API_KEY»',
      "computed ANTHROPIC_API_KEY «'ANTHROPIC_API_KEY'»",
      'computed GROQ_API_KEY «`GROQ_API_KEY`»',
      'member XAI_API_KEY «XAI_API_KEY»',
      'member CO_API_KEY «CO_API_KEY»',
    ]);
  });

  it('finds destructuring with renames and defaults, in declarations and assignments', () => {
    expect(reads("const { OPENAI_API_KEY, GROQ_API_KEY: groq = '', 'XAI_API_KEY': xai, ...rest } = process.env;\nlet key;\n({ CO_API_KEY: key } = process.env);")).toEqual([
      'destructured OPENAI_API_KEY «OPENAI_API_KEY»',
      'destructured GROQ_API_KEY «GROQ_API_KEY»',
      "destructured XAI_API_KEY «'XAI_API_KEY'»",
      'destructured CO_API_KEY «CO_API_KEY»',
    ]);
  });

  it('follows aliases: a variable holding process.env, `const { env } = process`, and destructuring an alias', () => {
    expect(reads('const env = process.env;\nexport function key() { return env.OPENAI_API_KEY ?? env["GROQ_API_KEY"]; }\nconst { env: vars } = process;\nconst { TAVILY_API_KEY } = vars;')).toEqual([
      'member OPENAI_API_KEY «OPENAI_API_KEY»',
      'computed GROQ_API_KEY «"GROQ_API_KEY"»',
      'destructured TAVILY_API_KEY «TAVILY_API_KEY»',
    ]);
  });

  it('finds import.meta.env, Bun.env and Deno.env.get, also through an alias of Deno.env', () => {
    expect(reads("const a = import.meta.env.VITE_API_URL;\nconst b = Bun.env.OPENAI_API_KEY;\nconst c = Deno.env.get('ANTHROPIC_API_KEY');\nconst denoEnv = Deno.env;\nconst d = denoEnv.get(\"GROQ_API_KEY\");")).toEqual([
      'member VITE_API_URL «VITE_API_URL»',
      'member OPENAI_API_KEY «OPENAI_API_KEY»',
      "get-call ANTHROPIC_API_KEY «'ANTHROPIC_API_KEY'»",
      'get-call GROQ_API_KEY «"GROQ_API_KEY"»',
    ]);
  });

  it("finds SvelteKit's static imports and the dynamic env object", () => {
    expect(reads("import { OPENAI_API_KEY, ANTHROPIC_API_KEY as anthropic } from '$env/static/private';\nimport { PUBLIC_URL } from '$env/static/public';\nimport { env } from '$env/dynamic/private';\nexport const k = env.GROQ_API_KEY;")).toEqual([
      'import OPENAI_API_KEY «OPENAI_API_KEY»',
      'import ANTHROPIC_API_KEY «ANTHROPIC_API_KEY»',
      'import PUBLIC_URL «PUBLIC_URL»',
      'member GROQ_API_KEY «GROQ_API_KEY»',
    ]);
  });

  it('finds calls of env helpers named in settings, dotted names included, and requireEnv by default', () => {
    expect(reads("const a = getEnv('OPENAI_API_KEY');\nconst b = config.env.get(`XAI_API_KEY`);\nconst c = requireEnv('CO_API_KEY');\nconst d = other('GROQ_API_KEY');", ['getEnv', 'config.env.get'])).toEqual([
      "helper OPENAI_API_KEY «'OPENAI_API_KEY'»",
      'helper XAI_API_KEY «`XAI_API_KEY`»',
      "helper CO_API_KEY «'CO_API_KEY'»",
    ]);
  });

  it('skips computed names that are not constant, writes, deletes, methods and shadowed globals', () => {
    expect(reads([
      'const name = "OPENAI_API_KEY";',
      'const a = process.env[name];',
      'const b = process.env[`${name}_2`];',
      "process.env.GROQ_API_KEY = 'x';",
      'delete process.env.XAI_API_KEY;',
      "const c = process.env.hasOwnProperty('CO_API_KEY');",
      'export function f(process: { env: Record<string, string> }) { return process.env.TAVILY_API_KEY; }',
      'const d = getEnv(name);',
      'const { [name]: e } = process.env;',
    ].join('\n'), ['getEnv'])).toEqual([]);
  });

  it('returns nothing for a file without env access', () => {
    expect(reads('export const add = (a: number, b: number) => a + b;')).toEqual([]);
  });

  it('keeps envReadName working for direct reads', () => {
    const found: (string | undefined)[] = [];
    const linter = new Linter({ configType: 'flat' });
    const rule: Rule.RuleModule = {
      create: () => ({
        VariableDeclarator(node) {
          if (node.init) found.push(envReadName(node.init as unknown as Parameters<typeof envReadName>[0]));
        },
      }),
    };
    linter.verify("const a = process.env.A;\nconst b = Deno.env.get('B');\nconst c = other.env.C;", [{ plugins: { t: { rules: { r: rule } } }, rules: { 't/r': 'error' } }]);
    expect(found).toEqual(['A', 'B', undefined]);
  });

  it('collects a file once per helper list: another list on the same file gets its own reads', () => {
    const code = "const a = process.env.OPENAI_API_KEY;\nconst b = getSecret('GROQ_API_KEY');";
    const same: string[] = [];
    expect(reads(code, same, same)).toEqual(['member OPENAI_API_KEY «OPENAI_API_KEY»', 'member OPENAI_API_KEY «OPENAI_API_KEY»']);
    expect(reads(code, [], ['getSecret'])).toEqual([
      'member OPENAI_API_KEY «OPENAI_API_KEY»',
      'member OPENAI_API_KEY «OPENAI_API_KEY»',
      "helper GROQ_API_KEY «'GROQ_API_KEY'»",
    ]);
  });
});

describe('mentionsEnvRead', () => {
  it.each([
    'process.env.OPENAI_API_KEY',
    "process['env'].KEY",
    'const { env } = process;',
    'import.meta.env.VITE_KEY',
    'Bun.env.KEY',
    "Deno.env.get('KEY')",
    "import { KEY } from '$env/static/private';",
    "requireEnv('KEY')",
  ])('is true for %s', (text) => {
    expect(mentionsEnvRead(text)).toBe(true);
  });

  it.each([
    'process.exit(1); // library code mentions process everywhere',
    'const environment = detect(); event.preventDefault();',
    'const env = loadConfig();',
  ])('is false for %s', (text) => {
    expect(mentionsEnvRead(text)).toBe(false);
  });

  it('is true for a settings helper named in the text', () => {
    expect(mentionsEnvRead("getSecret('KEY')", ['getSecret'])).toBe(true);
  });
});
