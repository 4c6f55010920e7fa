import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { DECLARED_ENV_FILES } from './declared-env.js';
import { envFileKeys } from './env-file.js';

/** Deep enough for monorepos (`apps/web`, `packages/*`), shallow enough to stay cheap. */
const MAX_DEPTH = 4;
const SKIPPED = new Set(['node_modules', 'dist', 'build', 'out', 'coverage']);

/**
 * A digest of the names (never the values) that the env example files under `cwd` declare. ESLint's
 * `--cache` keys its results by config, so the configs carry this key in `settings`: a changed
 * `.env.example` then invalidates cached results, as eslint-plugin-turbo does with turbo.json.
 */
export function declaredEnvCacheKey(cwd: string): string {
  const hash = createHash('sha256');
  for (const path of envExampleFiles(cwd, 0)) {
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

function envExampleFiles(directory: string, depth: number): string[] {
  let entries;
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(directory, entry.name);
    if (entry.isFile() && DECLARED_ENV_FILES.includes(entry.name)) found.push(path);
    else if (entry.isDirectory() && depth < MAX_DEPTH && !SKIPPED.has(entry.name) && !entry.name.startsWith('.')) found.push(...envExampleFiles(path, depth + 1));
  }
  return found;
}
