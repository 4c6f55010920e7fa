import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { copyCorpus, corpusSlice } from '../../bench/corpus.js';
import { parseError } from '../../src/codemod/collect-reports.js';
import { migrate } from '../../src/codemod/engine.js';
import plugin from '../../src/index.js';

// A fast slice of the real-code corpus (npm run corpus runs all of it): code nobody here wrote.
const directory = mkdtempSync(join(tmpdir(), 'scale-auth-corpus-'));
const files = copyCorpus(corpusSlice(300), directory);
const shown = (path: string): string => relative(directory, path);
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const config: Linter.Config[] = [
  { linterOptions: { reportUnusedDisableDirectives: 'off' } },
  { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser as Linter.Parser } },
  { files: ['**/*.{js,jsx,mjs,cjs}'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
  { ...plugin.configs.all, files: ['**/*.*'] },
];

/** Messages that are not a rule's findings: crashes surface as thrown errors, parse failures as fatal. */
function lintProblems(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const linter = new Linter({ configType: 'flat', cwd: directory });
  const messages = linter.verify(text, config, { filename: path });
  // Messages about the corpus's own eslint-disable comments (rules not loaded here) are not ours.
  return messages.filter((message) => message.fatal || (message.ruleId === null && !message.message.startsWith('Definition for rule'))).map((message) => `${shown(path)}:${message.line} ${message.message}`);
}

describe('the real-code corpus slice', () => {
  it('is a few hundred files from every package', () => {
    expect(files.length).toBe(300);
  });

  it('every rule runs over every file without a crash or a fatal message', () => {
    const problems = files.flatMap(lintProblems);
    expect(problems).toEqual([]);
  });

  it('every codemod runs over every file (dry) and every output parses', () => {
    const result = migrate({ cwd: directory, files });
    expect(result.files.filter((file) => file.status === 'error').map((file) => `${shown(file.path)}: ${file.error}`)).toEqual([]);
    for (const file of result.files.filter((entry) => entry.status === 'changed')) {
      expect(parseError(file.path, file.after ?? '', directory), shown(file.path)).toBeUndefined();
    }
  });
});
