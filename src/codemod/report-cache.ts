import type { RuleName } from '../../rules/index.js';
import { collectAllReports, parseError } from './collect-reports.js';
import { mayReport } from './prefilter.js';
import { quickSyntaxError } from './syntax-check.js';
import type { RuleReport } from './types.js';

/**
 * The reports of every rule the chosen codemods need, per file, from one parse of each file. Files
 * whose text no rule can report on are not linted at all, only syntax-checked.
 */
export class ReportCache {
  private readonly reports = new Map<string, Map<RuleName, RuleReport[]>>();

  constructor(
    private readonly rules: readonly RuleName[],
    private readonly cwd: string,
  ) {}

  /**
   * Lints `text` as the file's current content; returns the parse error, if it does not parse.
   * `strict` (a codemod's output) parses with ESLint's own parser even when no rule applies.
   */
  refresh(path: string, text: string, strict = false): string | undefined {
    this.reports.delete(path);
    const relevant = this.rules.filter((rule) => mayReport(rule, text));
    if (relevant.length === 0) return strict ? parseError(path, text, this.cwd) : quickSyntaxError(path, text);
    const outcome = collectAllReports(relevant, path, text, this.cwd);
    if ('parseError' in outcome) return outcome.parseError;
    this.reports.set(path, outcome.reports);
    return undefined;
  }

  reportsOf(path: string, rule: RuleName): RuleReport[] {
    return this.reports.get(path)?.get(rule) ?? [];
  }
}
