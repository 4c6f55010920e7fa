import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';
import { statSync } from 'node:fs';

export interface DirtyWorkTree {
  root: string;
  /** `git status --porcelain` lines. */
  changes: string[];
}

/**
 * The git work trees holding `paths` that have uncommitted changes (untracked files included: a
 * migration writing over them could not be undone). Paths outside any git work tree are fine.
 */
export function dirtyWorkTrees(paths: readonly string[]): DirtyWorkTree[] {
  const roots = new Set<string>();
  for (const path of paths) {
    const directory = statSync(path).isDirectory() ? path : dirname(path);
    const root = git(['rev-parse', '--show-toplevel'], directory);
    if (root !== undefined) roots.add(root.trim());
  }
  const dirty: DirtyWorkTree[] = [];
  for (const root of roots) {
    const status = git(['status', '--porcelain'], root);
    // A repository git cannot read is not one we can call clean.
    const changes = status === undefined ? [`(git status failed in ${root})`] : status.split('\n').filter(Boolean);
    if (changes.length > 0) dirty.push({ root, changes });
  }
  return dirty;
}

/** stdout of a successful git command; undefined when git fails or is not installed. */
function git(args: string[], cwd: string): string | undefined {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  return result.error === undefined && result.status === 0 ? result.stdout : undefined;
}
