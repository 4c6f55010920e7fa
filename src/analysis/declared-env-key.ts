import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { IGNORED_DIRECTORIES } from '../cli/discover.js';
import { filesUnder } from '../files-under.js';
import { DECLARED_ENV_FILES } from './declared-env.js';
import { envFileKeys } from './env-file.js';

/** Deep enough for monorepos (`apps/web`, `packages/*`), shallow enough to stay cheap. */
const MAX_DEPTH = 4;

/**
 * A digest of the names (never the values) that the env example files under `cwd` declare. ESLint's
 * `--cache` keys its results by config, so the configs carry this key in `settings`: a changed
 * `.env.example` then invalidates cached results, as eslint-plugin-turbo does with turbo.json.
 */
export function declaredEnvCacheKey(cwd: string): string {
  const hash = createHash('sha256');
  for (const path of filesUnder(cwd, (name) => DECLARED_ENV_FILES.includes(name), { maxDepth: MAX_DEPTH, skipDirectory: (name) => name.startsWith('.') || IGNORED_DIRECTORIES.has(name) })) {
    let keys: string[] = [];
    try {
      keys = envFileKeys(readFileSync(path, 'utf8'));
    } catch {
      // Unreadable: declares nothing.
    }
    hash.update(`${relative(cwd, path).split(sep).join('/')}\n${keys.join(',')}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}
