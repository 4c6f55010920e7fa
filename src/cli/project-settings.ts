import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';

const CONFIG_FILES = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts'];

/**
 * The `settings` the project's own ESLint config gives its files, for `doctor`'s entrypoints and
 * the rules' shared settings. Only a config in the project folder itself is loaded; none, or one
 * that fails to load, gives no settings and a warning rather than a failed run.
 */
export async function projectSettings(root: string): Promise<{ settings?: Record<string, unknown>; warning?: string }> {
  if (!CONFIG_FILES.some((name) => existsSync(join(root, name)))) return {};
  try {
    const config = (await new ESLint({ cwd: root }).calculateConfigForFile(join(root, 'index.js'))) as { settings?: Record<string, unknown> } | undefined;
    return config?.settings ? { settings: config.settings } : {};
  } catch (error) {
    return { warning: `cannot read settings from the ESLint config: ${(error as Error).message.split('\n')[0] ?? ''}` };
  }
}
