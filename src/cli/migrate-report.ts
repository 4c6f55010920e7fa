import { relative, sep } from 'node:path';
import type { FileResult, FollowUp } from '../codemod/types.js';

/** What `migrate --json FILE` writes; paths are relative to the folder the command ran in. */
export interface MigrateReport {
  files: { path: string; status: FileResult['status']; error?: string }[];
  followUps: FollowUp[];
  summary: { scanned: number; changed: number; unchanged: number; errors: number; followUps: number; dryRun: boolean };
}

export function buildReport(files: readonly FileResult[], followUps: readonly FollowUp[], cwd: string, dryRun: boolean): MigrateReport {
  const count = (status: FileResult['status']) => files.filter((file) => file.status === status).length;
  return {
    // before/after texts stay out: the report describes the run, the diff is git's job.
    files: files.map((file) => ({ path: display(file.path, cwd), status: file.status, ...(file.error === undefined ? {} : { error: file.error }) })),
    followUps: followUps.map((followUp) => ({ ...followUp, path: display(followUp.path, cwd) })),
    summary: {
      scanned: files.length,
      changed: count('changed'),
      unchanged: count('unchanged'),
      errors: count('error'),
      followUps: followUps.length,
      dryRun,
    },
  };
}

/** The end-of-run summary for people: counts, then each error and follow-up on its own line. */
export function summaryText(report: MigrateReport): string {
  const { summary } = report;
  const lines = [
    `${plural(summary.scanned, 'file')} scanned: ${summary.changed} ${summary.dryRun ? 'would change' : 'changed'}, ` +
      `${summary.unchanged} unchanged, ${plural(summary.errors, 'error')}, ${plural(summary.followUps, 'follow-up')}` +
      (summary.dryRun ? ' (dry run: nothing written)' : ''),
  ];
  const errors = report.files.filter((file) => file.status === 'error');
  if (errors.length > 0) lines.push('', 'Errors (files left untouched):', ...errors.map((file) => `  ${file.path}  ${file.error ?? ''}`));
  if (report.followUps.length > 0) {
    lines.push('', 'Follow-ups (spots in the code are marked there too):', ...report.followUps.map((followUp) => `  ${followUp.path}:${followUp.line}  ${followUp.message}`));
  }
  return `${lines.join('\n')}\n`;
}

/** A path relative to `cwd`, with forward slashes on every OS. */
export function display(path: string, cwd: string): string {
  return relative(cwd, path).split(sep).join('/');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
