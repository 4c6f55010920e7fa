// The floor: ESLint with @typescript-eslint/parser and no rules. Every other config adds to it.
import tsParser from '@typescript-eslint/parser';

export const floor = [
  { linterOptions: { reportUnusedDisableDirectives: 'off' } },
  { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } },
  { files: ['**/*.{js,jsx,mjs,cjs}'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
];

export default floor;
