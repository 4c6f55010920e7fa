import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ESLint, Linter } from 'eslint';
import { PLUGIN_VERSION, REPOSITORY_URL } from '../package-info.js';
import { embeddedRules } from './lint-config.js';

const SRCROOT = '%SRCROOT%';

export interface SarifRule {
  id: string;
  description: string;
  url: string;
}

export interface SarifRegion {
  startLine: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
}

/** SARIF 2.1.0 for code-scanning uploads; paths are relative to `cwd` (the repository root in CI). */
export function toSarif(results: readonly ESLint.LintResult[], cwd: string): object {
  const rules = embeddedRules();
  const findings = [];
  const notifications = [];
  for (const result of results) {
    for (const message of result.messages) {
      const location = sarifLocation(result.filePath, region(message), cwd);
      const text = { text: message.message };
      // Messages without a rule are the tool's own (a file that does not parse): notifications, not findings.
      if (message.ruleId === null) {
        notifications.push({ level: 'error', message: text, locations: [location] });
        continue;
      }
      findings.push({ ruleId: message.ruleId, level: message.severity === 2 ? 'error' : 'warning', message: text, locations: [location] });
    }
  }
  return sarifLog(rules, findings, notifications, cwd);
}

/** A physical location relative to the source root, which `sarifLog` anchors at `cwd`. */
export function sarifLocation(file: string, region: SarifRegion, cwd: string): object {
  const uri = relative(cwd, file).split(sep).map(encodeURIComponent).join('/');
  return { physicalLocation: { artifactLocation: { uri, uriBaseId: SRCROOT }, region } };
}

/** One run of scale-auth: its rules, its results (each given a `ruleIndex`), and tool notifications. */
export function sarifLog(rules: readonly SarifRule[], results: readonly { ruleId: string }[], notifications: readonly object[], cwd: string): object {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'scale-auth',
            version: PLUGIN_VERSION,
            informationUri: REPOSITORY_URL,
            rules: rules.map((rule) => ({ id: rule.id, shortDescription: { text: rule.description }, helpUri: rule.url })),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(cwd.endsWith(sep) ? cwd : `${cwd}${sep}`).href } },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        results: results.map(({ ruleId, ...rest }) => {
          const index = ruleIndex.get(ruleId);
          return { ruleId, ...(index === undefined ? {} : { ruleIndex: index }), ...rest };
        }),
      },
    ],
  };
}

function region(message: Linter.LintMessage): SarifRegion {
  return {
    startLine: Math.max(message.line, 1),
    startColumn: Math.max(message.column, 1),
    ...(message.endLine === undefined ? {} : { endLine: message.endLine }),
    ...(message.endColumn === undefined ? {} : { endColumn: message.endColumn }),
  };
}
