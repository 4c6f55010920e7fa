import { readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UsageError } from './usage-error.js';

/** Folders never scanned: dependencies, build output and framework caches, VCS data, coverage reports. */
export const IGNORED_DIRECTORIES = new Set([
  'node_modules', 'dist', 'build', 'out', '.git', 'coverage',
  '.next', '.nuxt', '.svelte-kit', '.output', '.vercel', '.netlify', '.turbo', '.cache', '.yarn', '.pnpm-store',
]);

const SOURCE_FILE = /\.(?:[cm]?tsx?|[cm]?jsx?)$/;
const DECLARATION_FILE = /\.d\.[cm]?ts$/;

export function isSourceFile(path: string): boolean {
  return SOURCE_FILE.test(path) && !DECLARATION_FILE.test(path);
}

/**
 * Absolute paths of the JS/TS source files under `paths` (default: `cwd`), sorted and without
 * duplicates. A path that does not exist, or a named file that is not JS/TS, is a usage error.
 */
export function discoverFiles(paths: readonly string[], cwd: string, command: string): string[] {
  const found = new Set<string>();
  for (const [index, path] of targetPaths(paths, cwd).entries()) {
    const given = paths[index] ?? '.';
    const stats = statSync(path, { throwIfNoEntry: false });
    if (!stats) throw new UsageError(`no such file or directory: ${given}`, command);
    if (stats.isDirectory()) walk(path, found);
    else if (isSourceFile(path)) found.add(path);
    else throw new UsageError(`not a JavaScript or TypeScript source file: ${given}`, command);
  }
  return [...found].sort();
}

/** The paths a command was given, absolute; the current folder when none. */
export function targetPaths(paths: readonly string[], cwd: string): string[] {
  return (paths.length > 0 ? paths : ['.']).map((path) => resolve(cwd, path));
}

function walk(directory: string, found: Set<string>): void {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    // Symbolic links are not followed: no loops, and no writes outside the tree that was named.
    if (entry.isDirectory() && !IGNORED_DIRECTORIES.has(entry.name)) walk(path, found);
    else if (entry.isFile() && isSourceFile(entry.name)) found.add(path);
  }
}

/** The deepest folder holding `cwd` and every path: ESLint ignores files outside its working directory. */
export function commonRoot(cwd: string, paths: readonly string[]): string {
  let root = resolve(cwd);
  for (const path of paths) {
    // dirname stops at a filesystem root (another drive on Windows never becomes "inside").
    while (!isInside(path, root) && dirname(root) !== root) root = dirname(root);
  }
  return root;
}

function isInside(path: string, directory: string): boolean {
  const rel = relative(directory, path);
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
