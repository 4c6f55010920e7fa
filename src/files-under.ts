import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { IGNORED_DIRECTORIES } from './cli/discover.js';

export interface FilesUnderOptions {
  /** How many folders down to look (0: `directory` itself only). */
  maxDepth?: number;
  /** Folders not entered; dependencies, build output and VCS data by default. */
  skipDirectory?: (name: string) => boolean;
}

/**
 * Files under `directory` whose name `accept`s, in name order. Links are not followed and
 * unreadable folders are passed over: callers look for optional files (env examples, manifests).
 */
export function filesUnder(directory: string, accept: (name: string, path: string) => boolean, options: FilesUnderOptions = {}, depth = 0): string[] {
  const { maxDepth = Infinity, skipDirectory = (name: string) => IGNORED_DIRECTORIES.has(name) } = options;
  let entries;
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(directory, entry.name);
    if (entry.isFile() && accept(entry.name, path)) found.push(path);
    else if (entry.isDirectory() && depth < maxDepth && !skipDirectory(entry.name)) found.push(...filesUnder(path, accept, options, depth + 1));
  }
  return found;
}
