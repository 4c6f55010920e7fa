import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ESLint, Linter } from 'eslint';
import { PLUGIN_VERSION, REPOSITORY_URL } from '../package-info.js';
import { embeddedRules } from './lint-config.js';

const SRCROOT = '%SRCROOT%';

/** SARIF 2.1.0 for code-scanning uploads; paths are relative to `cwd` (the repository root in CI). */
export function toSarif(results: readonly ESLint.LintResult[], cwd: string): object {
  const rules = embeddedRules();
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const findings = [];
  const notifications = [];
  for (const result of results) {
    const uri = relative(cwd, result.filePath).split(sep).map(encodeURIComponent).join('/');
    for (const message of result.messages) {
      const location = { physicalLocation: { artifactLocation: { uri, uriBaseId: SRCROOT }, region: region(message) } };
      const text = { text: message.message };
      // Messages without a rule are the tool's own (a file that does not parse): notifications, not findings.
      if (message.ruleId === null) {
        notifications.push({ level: 'error', message: text, locations: [location] });
        continue;
      }
      const index = ruleIndex.get(message.ruleId);
      findings.push({
        ruleId: message.ruleId,
        ...(index === undefined ? {} : { ruleIndex: index }),
        level: message.severity === 2 ? 'error' : 'warning',
        message: text,
        locations: [location],
      });
    }
  }
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
        results: findings,
      },
    ],
  };
}

function region(message: Linter.LintMessage): object {
  return {
    startLine: Math.max(message.line, 1),
    startColumn: Math.max(message.column, 1),
    ...(message.endLine === undefined ? {} : { endLine: message.endLine }),
    ...(message.endColumn === undefined ? {} : { endColumn: message.endColumn }),
  };
}
