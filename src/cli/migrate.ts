import { resolve } from 'node:path';
import { unifiedDiff } from '../codemod/diff.js';
import { migrate } from '../codemod/engine.js';
import { codemods, isCodemodName } from '../codemod/registry.js';
import type { FileResult } from '../codemod/types.js';
import type { MigrateArgs } from './args.js';
import { writeFileAtomic } from './atomic-write.js';
import { commonRoot, discoverFiles, targetPaths } from './discover.js';
import { dirtyWorkTrees } from './git.js';
import { buildReport, display, summaryText } from './migrate-report.js';
import { progressLine } from './progress.js';
import { UsageError } from './usage-error.js';

export const codemodNames = Object.keys(codemods);

/** `scale-auth migrate`: run the codemods, then print diffs (--dry) or write the changed files. */
export function migrateCommand(args: MigrateArgs, cwd: string): number {
  const unknown = args.codemods.filter((name) => !isCodemodName(name));
  if (unknown.length > 0) throw new UsageError(`unknown codemod: ${unknown.join(', ')} (known: ${codemodNames.join(', ')})`, 'migrate');
  const files = discoverFiles(args.paths, cwd, 'migrate');
  if (!args.dry && !args.force) refuseDirtyTree(targetPaths(args.paths, cwd));

  const progress = progressLine(process.stderr, cwd);
  const result = migrate({
    cwd: commonRoot(cwd, files),
    files,
    ...(args.codemods.length > 0 ? { codemods: args.codemods } : {}),
    codemodOptions: args.options,
    ...(progress ? { onProgress: progress.update } : {}),
  });
  progress?.done();

  if (args.dry) printDiffs(result.files, cwd);
  const outcomes = args.dry ? result.files : writeChanges(result.files);
  const report = buildReport(outcomes, result.followUps, cwd, args.dry);
  process.stdout.write(summaryText(report));
  if (args.json !== undefined) writeFileAtomic(resolve(cwd, args.json), `${JSON.stringify(report, null, 2)}\n`);
  return report.summary.errors > 0 || report.summary.followUps > 0 ? 1 : 0;
}

function refuseDirtyTree(paths: readonly string[]): void {
  const dirty = dirtyWorkTrees(paths);
  if (dirty.length === 0) return;
  const listed = dirty.flatMap(({ root, changes }) => [
    `${root} has uncommitted changes:`,
    ...changes.slice(0, 10).map((line) => `  ${line}`),
    ...(changes.length > 10 ? [`  … and ${changes.length - 10} more`] : []),
  ]);
  throw new UsageError(
    `refusing to migrate: ${listed.join('\n')}\n` +
      'Commit or stash them first, so the migration is a diff you can review and undo, or pass --force.',
  );
}

function printDiffs(files: readonly FileResult[], cwd: string): void {
  for (const file of files) {
    if (file.status === 'changed') process.stdout.write(unifiedDiff(display(file.path, cwd), file.before ?? '', file.after ?? ''));
  }
}

/** Writes each changed file; a file that cannot be written becomes an error and the run goes on. */
function writeChanges(files: readonly FileResult[]): FileResult[] {
  return files.map((file) => {
    if (file.status !== 'changed' || file.after === undefined) return file;
    try {
      writeFileAtomic(file.path, file.after);
      return file;
    } catch (error) {
      return { path: file.path, status: 'error', error: `cannot write: ${(error as Error).message}` };
    }
  });
}
