import { dirname } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter, type Rule } from 'eslint';

const TYPESCRIPT_FILE = /\.[cm]?tsx?$/;

/**
 * Runs `analyse` over a file with ESLint's parser and scope manager, as a rule would: codemods reuse
 * the rules' ESTree analysis (never a second detector) for files that have no reports, such as a
 * job's consumer. Undefined when the file does not parse.
 */
export function analyseFile<T>(path: string, text: string, analyse: (context: TSESLint.RuleContext<string, unknown[]>) => T): T | undefined {
  let result: T | undefined;
  const rule: Rule.RuleModule = {
    create: (context) => ({ 'Program:exit': () => void (result = analyse(context as never)) }),
  };
  const linter = new Linter({ configType: 'flat', cwd: dirname(path) });
  const languageOptions: Linter.LanguageOptions = { ...(TYPESCRIPT_FILE.test(path) ? { parser: tsParser as Linter.Parser } : {}), parserOptions: { ecmaFeatures: { jsx: true } } };
  const messages = linter.verify(text, [{ files: ['**/*.*'], languageOptions, plugins: { analyse: { rules: { file: rule } } }, rules: { 'analyse/file': 'error' } }], { filename: path });
  return messages.some((message) => message.fatal) ? undefined : result;
}
