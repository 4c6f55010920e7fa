import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { dirname, isAbsolute } from 'node:path';
import { Linter, type Rule } from 'eslint';
import { expect } from 'vitest';

/**
 * Runs `create` as a rule over `code` (TypeScript) and returns what it collected: a way to unit-test
 * analysis code that needs ESLint's scope manager without writing a rule.
 */
export function probe<T>(code: string, create: (context: TSESLint.RuleContext<string, unknown[]>, found: T[]) => Rule.RuleListener, filename = 'probe.ts'): T[] {
  const found: T[] = [];
  const rule: Rule.RuleModule = { create: (context) => create(context as never, found) };
  const linter = new Linter({ configType: 'flat', ...(isAbsolute(filename) ? { cwd: dirname(filename) } : {}) });
  const messages = linter.verify(code, [{ files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser }, plugins: { probe: { rules: { probe: rule } } }, rules: { 'probe/probe': 'error' } }], { filename });
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return found;
}
