import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';

/** TypeScript and TSX through @typescript-eslint/parser. */
export const tsRuleTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
});

/** Plain JavaScript through ESLint's default parser. */
export const jsRuleTester = new RuleTester({
  languageOptions: { parser: espree as never, ecmaVersion: 'latest', sourceType: 'module' },
});

/** CommonJS JavaScript (`require`, `module.exports`) through ESLint's default parser. */
export const cjsRuleTester = new RuleTester({
  languageOptions: { parser: espree as never, ecmaVersion: 'latest', sourceType: 'commonjs' },
});
