import tsParser from '@typescript-eslint/parser';
import { Linter, type Rule } from 'eslint';
import { rules, type RuleName } from '../../rules/index.js';
import type { RuleReport } from './types.js';

export type LintOutcome = { reports: RuleReport[] } | { parseError: string };

const TYPESCRIPT_FILE = /\.[cm]?tsx?$/;

/**
 * Lints `text` with one of our rules and returns its reports with the rule's `data`, which
 * ESLint's own messages drop: the rule runs behind a context whose `report` records the descriptor.
 * Reports that an `eslint-disable` comment silences are dropped, as `check` drops them.
 */
export function collectReports(ruleName: RuleName, filePath: string, text: string, cwd: string): LintOutcome {
  const outcome = collectAllReports([ruleName], filePath, text, cwd);
  return 'parseError' in outcome ? outcome : { reports: outcome.reports.get(ruleName) ?? [] };
}

/** The same for several rules in one parse of the file. */
export function collectAllReports(ruleNames: readonly RuleName[], filePath: string, text: string, cwd: string): { reports: Map<RuleName, RuleReport[]> } | { parseError: string } {
  const recorded = new Map<RuleName, RuleReport[]>(ruleNames.map((name) => [name, []]));
  const observed = Object.fromEntries(ruleNames.map((name) => [name, recordingRule(name, recorded.get(name) ?? [])]));
  const { error, messages } = lint(filePath, text, cwd, {
    plugins: { 'scale-auth': { rules: observed } },
    rules: Object.fromEntries(ruleNames.map((name) => [`scale-auth/${name}`, 'error'])),
  });
  if (error !== undefined) return { parseError: error };
  const kept = new Set(messages.map((message) => `${message.ruleId}@${message.line}:${message.column}`));
  for (const [name, reports] of recorded) recorded.set(name, reports.filter((report) => kept.has(`${report.ruleId}@${report.line}:${report.column}`)));
  return { reports: recorded };
}

/** `ruleName` behind a context whose `report` also records the descriptor into `recorded`. */
function recordingRule(ruleName: RuleName, recorded: RuleReport[]): Rule.RuleModule {
  const original = rules[ruleName] as unknown as Rule.RuleModule;
  return {
    meta: original.meta,
    create(context) {
      const recording = Object.create(context, {
        report: {
          value(descriptor: Rule.ReportDescriptor) {
            const node = 'node' in descriptor ? (descriptor.node as { range?: [number, number]; loc?: { start: { line: number; column: number } } | null }) : undefined;
            if (node?.range) {
              const [start, end] = node.range;
              recorded.push({
                ruleId: `scale-auth/${ruleName}`,
                messageId: 'messageId' in descriptor ? (descriptor.messageId ?? '') : '',
                range: [start, end],
                line: node.loc?.start.line ?? 1,
                column: (node.loc?.start.column ?? 0) + 1,
                data: stringData(descriptor.data),
              });
            }
            context.report(descriptor);
          },
        },
      }) as Rule.RuleContext;
      return original.create(recording);
    },
  };
}

/** The parser's message when `text` does not parse as the file it claims to be. */
export function parseError(filePath: string, text: string, cwd: string): string | undefined {
  return lint(filePath, text, cwd, {}).error;
}

function lint(filePath: string, text: string, cwd: string, config: Linter.Config): { error?: string; messages: Linter.LintMessage[] } {
  const linter = new Linter({ configType: 'flat', cwd });
  const languageOptions: Linter.LanguageOptions = {
    ...(TYPESCRIPT_FILE.test(filePath) ? { parser: tsParser as Linter.Parser } : {}),
    parserOptions: { ecmaFeatures: { jsx: true } },
  };
  // A pattern with an extension: ESLint does not count a bare `**/*` as matching a file.
  const messages = linter.verify(text, [{ files: ['**/*.*'], languageOptions, ...config }], { filename: filePath });
  const fatal = messages.find((message) => message.fatal);
  return fatal ? { error: `${fatal.message} (${fatal.line}:${fatal.column})`, messages } : { messages };
}

function stringData(data: Record<string, unknown> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(data ?? {}).map(([key, value]) => [key, String(value)]));
}
