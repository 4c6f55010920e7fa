import tsParser from '@typescript-eslint/parser';
import type { Linter } from 'eslint';
import plugin from '../index.js';

/**
 * The config `scale-auth check` lints with, in place of the user's own: their ESLint config may
 * not exist, may not parse TypeScript, or may turn our rules off.
 */
export function embeddedConfig(): Linter.Config[] {
  return [
    // Directives naming the user's other rules are not ours to judge.
    { name: 'scale-auth/cli/linter-options', linterOptions: { reportUnusedDisableDirectives: 'off' } },
    { name: 'scale-auth/cli/typescript', files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser as Linter.Parser } },
    { name: 'scale-auth/cli/javascript', files: ['**/*.{js,jsx,mjs,cjs}'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
    plugin.configs.recommended,
  ];
}

/** The rules the embedded config turns on, with their metadata (for SARIF's rule list). */
export function embeddedRules(): { id: string; description: string; url: string }[] {
  const prefix = `${plugin.meta.namespace}/`;
  return Object.keys(plugin.configs.recommended.rules ?? {}).map((id) => {
    const docs = plugin.rules[id.slice(prefix.length) as keyof typeof plugin.rules].meta.docs;
    return { id, description: docs.description, url: docs.url };
  });
}
