import { declaredEnvCacheKey } from './analysis/declared-env-key.js';
import { PLUGIN_NAMESPACE } from './package-info.js';

let key: string | undefined;

/**
 * `settings['scale-auth'].envCacheKey` for the configs: read when ESLint resolves a config (not when
 * the plugin is imported), once per process, like eslint-plugin-turbo's cache key.
 */
export const envCacheSettings: Record<string, Record<string, unknown>> = {
  [PLUGIN_NAMESPACE]: {
    get envCacheKey(): string {
      key ??= declaredEnvCacheKey(process.cwd());
      return key;
    },
  },
};
