import type { ESLint, Linter, Rule } from 'eslint';
import { rules } from '../rules/index.js';
import { isAny, isRecommended, isStrict, ruleLevels } from './configs.js';
import { envCacheSettings } from './env-cache-settings.js';
import { PLUGIN_NAME, PLUGIN_NAMESPACE, PLUGIN_VERSION } from './package-info.js';

export type { ScaleAuthSettingsInput as ScaleAuthSettings, UserClientSetting, UserQueueSetting } from './settings.js';
export type { ClientSpec } from './catalog/index.js';
export { rules } from '../rules/index.js';

// Public types come from ESLint itself (the peer dependency), so a consumer's
// `[...] satisfies Linter.Config[]` accepts them; typescript-eslint's FlatConfig types do not.
type FlatConfig = Linter.Config;

/** Files the configs apply to: JS and TS in every module flavour. */
const FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];

interface LegacyConfig {
  plugins: string[];
  rules: Record<string, 'error' | 'warn' | 'off'>;
}

/**
 * Each rule keeps its typescript-eslint type and is also declared as ESLint's own rule module (what
 * ESLint passes it at run time), so the plugin is assignable to ESLint's `Plugin` type in a consumer's config.
 */
type PublicRules = { [Name in keyof typeof rules]: (typeof rules)[Name] & Rule.RuleModule };

export interface ScaleAuthPlugin {
  meta: { name: string; version: string; namespace: string };
  rules: PublicRules;
  configs: {
    recommended: FlatConfig;
    strict: FlatConfig;
    all: FlatConfig;
    /** eslintrc, for ESLint 8: `extends: ['plugin:scale-auth/legacy-recommended']`. */
    'legacy-recommended': LegacyConfig;
  };
}

const plugin = {
  meta: { name: PLUGIN_NAME, version: PLUGIN_VERSION, namespace: PLUGIN_NAMESPACE },
  rules,
  configs: {},
} as ScaleAuthPlugin;

// Configs are attached once the plugin exists, so they can refer to it.
const flat = (name: string, levels: Record<string, 'error' | 'warn' | 'off'>): FlatConfig => ({
  name: `${PLUGIN_NAMESPACE}/${name}`,
  files: FILES,
  plugins: { [PLUGIN_NAMESPACE]: plugin as unknown as ESLint.Plugin },
  rules: levels,
  // ESLint's --cache must not serve stale results when a .env.example changes.
  settings: envCacheSettings,
});

plugin.configs = {
  recommended: flat('recommended', ruleLevels(rules, isRecommended)),
  strict: flat('strict', ruleLevels(rules, isStrict)),
  all: flat('all', ruleLevels(rules, isAny)),
  'legacy-recommended': { plugins: [PLUGIN_NAMESPACE], rules: ruleLevels(rules, isRecommended) },
};

export default plugin;
