import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { removeProject, tempProject } from '../temp-project.js';
import { REPO_ROOT } from './temp-project.js';

const ESLINT = join(REPO_ROOT, 'node_modules/eslint/bin/eslint.js');
const CLIENT = (index: number) => `import OpenAI from "openai";\nconst client${index} = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\nexport const ask${index} = (input: string) => client${index}.responses.create({ model: "gpt-4o-mini", input });\n`;
const CLEAN = (index: number) => `export const double${index} = (value: number) => value * 2;\n`;

// A user's flat config, loading the built plugin and the parser the way a consumer would.
const CONFIG = `import tsParser from ${JSON.stringify(pathToFileURL(join(REPO_ROOT, 'node_modules/@typescript-eslint/parser/dist/index.js')).href)};
import scaleAuth from ${JSON.stringify(pathToFileURL(join(REPO_ROOT, 'dist/src/index.js')).href)};
export default [{ files: ["**/*.ts"], languageOptions: { parser: tsParser } }, scaleAuth.configs.recommended];
`;

const files: Record<string, string> = { 'eslint.config.js': CONFIG, 'package.json': '{ "type": "module" }\n' };
for (let index = 0; index < 40; index += 1) files[`src/file-${index}.ts`] = index % 4 === 0 ? CLIENT(index) : CLEAN(index);
const root = tempProject(files, 'scale-auth-concurrency');
afterAll(() => removeProject(root));

/** Findings as `file:line rule`, sorted, from ESLint's JSON output. */
function findings(concurrency: string): string[] {
  const run = spawnSync(process.execPath, [ESLINT, '--concurrency', concurrency, '-f', 'json', 'src'], { cwd: root, encoding: 'utf8' });
  // ESLint may warn that so few files do not need threads; anything else on stderr is a failure.
  expect(run.stderr.replace(/^.*ESLintPoorConcurrencyWarning.*\n(\(Use .*\n)?/m, '')).toBe('');
  expect(run.status).toBe(1);
  const results = JSON.parse(run.stdout) as { filePath: string; messages: { line: number; ruleId: string | null }[] }[];
  return results.flatMap((result) => result.messages.map((message) => `${result.filePath.slice(root.length + 1)}:${message.line} ${message.ruleId}`)).sort();
}

describe("ESLint's --concurrency", () => {
  it('lints with the plugin in worker threads and finds exactly what a single thread finds', () => {
    const single = findings('off');
    expect(single).toHaveLength(10);
    expect(single.every((finding) => finding.endsWith('scale-auth/no-module-scope-client'))).toBe(true);
    expect(findings('2')).toEqual(single);
  });
});
