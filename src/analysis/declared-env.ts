import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { envFileKeys } from './env-file.js';

/** The env example files a project declares its variables in. */
export const DECLARED_ENV_FILES = ['.env.example', '.env.sample', '.env.template', '.env.defaults'];

/** Files and folders are looked at again at most this often: an editor session sees edits within a second. */
const STALE_AFTER_MS = 1000;

interface FileEntry { checkedAt: number; mtimeMs: number; size: number; keys: string[] }
interface DirectoryEntry { checkedAt: number; envFiles: string[]; isRepositoryRoot: boolean; isPackageRoot: boolean }

// Module-level caches: one read per file per lint run (re-checked by mtime and size at most once a
// second). Each ESLint worker thread rebuilds its own; entries never mix results of different files.
const files = new Map<string, FileEntry>();
const directories = new Map<string, DirectoryEntry>();

/** Names declared for the file at `filename`, each with the file that declares it (relative to `cwd`). */
export function declaredEnvNames(filename: string, cwd: string, envFiles: readonly string[] = []): Map<string, string> {
  const declared = new Map<string, string>();
  const now = Date.now();
  const paths = [...envFilesAbove(filename, now), ...envFiles.map((path) => resolve(cwd, path))];
  for (const path of paths) {
    for (const key of keysOf(path, now)) if (!declared.has(key)) declared.set(key, display(path, cwd));
  }
  return declared;
}

/** Example files from the file's folder up to the repository root (or the package root outside git). */
function envFilesAbove(filename: string, now: number): string[] {
  if (!isAbsolute(filename)) return [];
  const chain: DirectoryEntry[] = [];
  for (let directory = dirname(filename); ; directory = dirname(directory)) {
    const entry = directoryEntry(directory, now);
    chain.push(entry);
    if (entry.isRepositoryRoot || dirname(directory) === directory) break;
  }
  // Outside a repository, stop at the nearest package root (or the file's own folder): never wander
  // through a home folder.
  if (!chain.at(-1)?.isRepositoryRoot) {
    const packageRoot = chain.findIndex((entry) => entry.isPackageRoot);
    chain.splice(packageRoot === -1 ? 1 : packageRoot + 1);
  }
  return chain.flatMap((entry) => entry.envFiles);
}

function directoryEntry(directory: string, now: number): DirectoryEntry {
  const cached = directories.get(directory);
  if (cached && now - cached.checkedAt < STALE_AFTER_MS) return cached;
  let names: string[] = [];
  try {
    names = readdirSync(directory);
  } catch {
    // An unreadable folder declares nothing.
  }
  const entry: DirectoryEntry = {
    checkedAt: now,
    envFiles: DECLARED_ENV_FILES.filter((name) => names.includes(name)).map((name) => join(directory, name)),
    isRepositoryRoot: names.includes('.git'),
    isPackageRoot: names.includes('package.json'),
  };
  directories.set(directory, entry);
  return entry;
}

function keysOf(path: string, now: number): string[] {
  const cached = files.get(path);
  if (cached && now - cached.checkedAt < STALE_AFTER_MS) return cached.keys;
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats?.isFile()) {
    files.delete(path);
    return [];
  }
  if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) {
    cached.checkedAt = now;
    return cached.keys;
  }
  let keys: string[] = [];
  try {
    keys = envFileKeys(readFileSync(path, 'utf8'));
  } catch {
    // Unreadable: declares nothing.
  }
  files.set(path, { checkedAt: now, mtimeMs: stats.mtimeMs, size: stats.size, keys });
  return keys;
}

function display(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel.split(sep).join('/');
}
