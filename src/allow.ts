import { relative, sep } from 'node:path';
import { minimatch } from 'minimatch';

/** Is `filename` matched by one of the `allow` globs, taken relative to ESLint's working directory? */
export function isAllowedFile(filename: string, cwd: string, globs: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const path = relative(cwd, filename).split(sep).join('/');
  return globs.some((glob) => minimatch(path, glob, { dot: true, matchBase: !glob.includes('/') }));
}
