import { collectReports, parseError } from './collect-reports.js';
import { markersIn } from './markers.js';
import { codemods, isCodemodName } from './registry.js';
import type { FollowUp } from './types.js';

export type SingleFileResult = { text: string; followUps: FollowUp[] } | { error: string };

/**
 * One codemod over one file, as jscodeshift runs transforms: other files are out of reach, so
 * steps that would change importers are left as markers (follow-ups) instead.
 */
export function migrateSource(codemodName: string, path: string, text: string, cwd: string, options: Readonly<Record<string, string>> = {}): SingleFileResult {
  if (!isCodemodName(codemodName)) return { error: `unknown codemod ${codemodName}` };
  const codemod = codemods[codemodName];
  const outcome = collectReports(codemod.rule, path, text, cwd);
  if ('parseError' in outcome) return { error: outcome.parseError };
  let next = text;
  if (outcome.reports.length > 0) {
    const output = codemod.transform({
      reported: [{ path, text, reports: outcome.reports }],
      importersOf: () => [],
      resolve: () => undefined,
      crossFile: false,
      options,
    });
    next = output.changed.get(path) ?? text;
    const broken = parseError(path, next, cwd);
    if (broken) return { error: `${codemodName} produced code that does not parse (${broken}); file left unchanged` };
  }
  const followUps = markersIn(next)
    .filter((marker) => marker.codemod === codemodName)
    .map((marker) => ({ path, ...marker }));
  return { text: next, followUps };
}
