import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ts } from 'ts-morph';
import { isSourceFile } from '../cli/discover.js';

/** Where a command's path is looked up: the build context, and the container folder it is copied to. */
export interface PathContext {
  /** The folder the container's working directory holds (the build context, or the project root). */
  root: string;
  /** The container's working directory (`WORKDIR /app`), which absolute paths start from. */
  workingDir?: string;
}

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** Build output folders, mapped back to `src/` (or to the folder above) when no tsconfig says where. */
const BUILD_FOLDERS = new Set(['dist', 'build', 'out', 'lib', '.output', '.build']);

/**
 * The project's source file that a path in a start command runs: `/app/dist/jobs/worker.js` in a
 * container whose WORKDIR /app holds the build context is `src/jobs/worker.ts` there, through the
 * tsconfig's outDir/rootDir (or the usual dist → src layout). Extensionless paths and folders with
 * an index file work too. Undefined when nothing in the repository matches.
 */
export function sourceFileFor(path: string, context: PathContext): string | undefined {
  for (const candidate of repositoryPaths(path, context)) {
    for (const mapped of [...builtToSource(candidate, context.root), candidate]) {
      const found = probe(mapped);
      if (found) return found;
    }
  }
  return undefined;
}

/** A container path as repository paths: below the WORKDIR, or by ever shorter suffixes when the WORKDIR is unknown. */
function repositoryPaths(path: string, context: PathContext): string[] {
  if (!isAbsolute(path)) return [resolve(context.root, path)];
  const workingDir = context.workingDir?.replace(/\/+$/, '');
  if (workingDir && path.startsWith(`${workingDir}/`)) return [join(context.root, path.slice(workingDir.length + 1))];
  const segments = path.split('/').filter(Boolean);
  return segments.map((_, index) => join(context.root, ...segments.slice(index)));
}

/** Where the source of a built file would be: the tsconfig's rootDir for its outDir, or src/ for dist/. */
function builtToSource(path: string, root: string): string[] {
  const sources: string[] = [];
  const config = ts.findConfigFile(dirname(path), (file) => existsSync(file), 'tsconfig.json');
  if (config) {
    const { config: raw } = ts.readConfigFile(config, ts.sys.readFile);
    const options = ts.parseJsonConfigFileContent(raw ?? {}, ts.sys, dirname(config), undefined, config).options;
    if (options.outDir && isInside(path, options.outDir)) {
      const rel = relative(options.outDir, path);
      for (const base of options.rootDir ? [options.rootDir] : [join(dirname(config), 'src'), dirname(config)]) sources.push(join(base, rel));
    }
  }
  const segments = relative(root, path).split(sep);
  for (const [index, segment] of segments.entries()) {
    if (!BUILD_FOLDERS.has(segment)) continue;
    sources.push(join(root, ...segments.slice(0, index), 'src', ...segments.slice(index + 1)), join(root, ...segments.slice(0, index), ...segments.slice(index + 1)));
  }
  return sources;
}

/** A source file at `path`, with the extension its source would have, or a folder's entry. */
function probe(path: string, depth = 0): string | undefined {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (stats?.isDirectory()) return depth === 0 ? folderEntry(path) : undefined;
  const extension = extname(path);
  const stem = EXTENSIONS.includes(extension) ? path.slice(0, -extension.length) : path;
  // The source's extension first (dist/a.js came from a.ts), then the file as written.
  const candidates = [...EXTENSIONS.map((ext) => stem + ext), path];
  return candidates.find((candidate) => isSourceFile(candidate) && statSync(candidate, { throwIfNoEntry: false })?.isFile());
}

/** A folder run as a program: its package.json `main`, or its index file. */
function folderEntry(directory: string): string | undefined {
  const manifest = join(directory, 'package.json');
  if (existsSync(manifest)) {
    try {
      const main = (JSON.parse(readFileSync(manifest, 'utf8')) as { main?: unknown }).main;
      if (typeof main === 'string') {
        const found = probe(resolve(directory, main), 1);
        if (found) return found;
      }
    } catch {
      // A package.json that does not parse names no main.
    }
  }
  return probe(join(directory, 'index'), 1);
}

function isInside(path: string, directory: string): boolean {
  const rel = relative(directory, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
