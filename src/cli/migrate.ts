import { resolve } from 'node:path';
import { resolveCodemodOptions } from '../codemod/codemod-options.js';
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
export async function migrateCommand(args: MigrateArgs, cwd: string): Promise<number> {
  const unknown = args.codemods.filter((name) => !isCodemodName(name));
  if (unknown.length > 0) throw new UsageError(`unknown codemod: ${unknown.join(', ')} (known: ${codemodNames.join(', ')})`, 'migrate');
  const files = discoverFiles(args.paths, cwd, 'migrate');
  if (!args.dry && !args.force) refuseDirtyTree(targetPaths(args.paths, cwd));

  const progress = progressLine(process.stderr, cwd);
  const result = migrate({
    cwd: commonRoot(cwd, files),
    files,
    ...(args.codemods.length > 0 ? { codemods: args.codemods } : {}),
    ...(progress ? { onProgress: progress.update } : {}),
    options: resolveCodemodOptions({ ...args.options, ...(args.requireEnvModule === undefined ? {} : { requireEnvModule: args.requireEnvModule }) }, cwd),
  });
  progress?.done();

  if (args.dry) printDiffs(result.files, cwd);
  const { outcomes, interrupted } = args.dry ? { outcomes: result.files, interrupted: false } : await writeChanges(result.files);
  const report = buildReport(outcomes, result.followUps, cwd, args.dry);
  process.stdout.write(summaryText(report));
  if (args.json !== undefined) writeFileAtomic(resolve(cwd, args.json), `${JSON.stringify(report, null, 2)}\n`);
  if (interrupted) {
    process.stderr.write('interrupted: the files listed as "not written" keep their old text; every other file was written whole\n');
    return 130;
  }
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

/**
 * Writes each changed file, atomically; a file that cannot be written becomes an error and the run
 * goes on. Ctrl-C (or SIGTERM) stops between two files, so every file is whole, old or new.
 */
async function writeChanges(files: readonly FileResult[]): Promise<{ outcomes: FileResult[]; interrupted: boolean }> {
  let interrupted = false;
  const stop = (): void => {
    interrupted = true;
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    const outcomes: FileResult[] = [];
    for (const file of files) {
      if (file.status !== 'changed' || file.after === undefined) {
        outcomes.push(file);
        continue;
      }
      // Let a pending signal be handled before the next write.
      await new Promise((resolveTurn) => setImmediate(resolveTurn));
      if (interrupted) {
        outcomes.push({ path: file.path, status: 'error', error: 'not written: interrupted' });
        continue;
      }
      try {
        writeFileAtomic(file.path, file.after);
        outcomes.push(file);
      } catch (error) {
        outcomes.push({ path: file.path, status: 'error', error: `cannot write: ${(error as Error).message}` });
      }
    }
    return { outcomes, interrupted };
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
