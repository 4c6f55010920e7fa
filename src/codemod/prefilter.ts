import { mentionsEnvRead } from '../analysis/env-reads.js';
import { CLIENTS } from '../catalog/index.js';
import type { RuleName } from '../../rules/index.js';

/** Words a credential-carrying client creation cannot do without: env reads or credential-like keys. */
const CREDENTIAL_HINT = /process\.env|import\.meta\.env|Bun\.env|Deno\.env|\$env\/|api_?key|token|secret|passw|credential|auth|private_?key/i;

/** Catalog module names as they appear in specifiers (`@aws-sdk/client-*` by its prefix). */
const CATALOG_MODULES = [...new Set(CLIENTS.map((spec) => spec.module.replace(/\*$/, '')))];

/**
 * Cheap text tests that say a rule cannot report in a file, so `migrate` skips parsing it: most
 * files of a large repository touch none of the imports or globals a rule looks at. A rule
 * without an entry is always run.
 */
const MAY_REPORT: Partial<Record<RuleName, (text: string) => boolean>> = {
  // Every request source (header reads, `@Headers('authorization')`, MCP's `authInfo`) names it.
  'no-forwarded-authorization': (text) => /authori[sz]ation|authInfo/i.test(text),
  'no-late-dotenv': (text) => text.includes('dotenv'),
  'no-misspelled-credential-env': (text) => mentionsEnvRead(text),
  'no-unchecked-credential-env': (text) => mentionsEnvRead(text),
  'no-module-scope-client': (text) => CREDENTIAL_HINT.test(text) || CATALOG_MODULES.some((module) => text.includes(module)),
};

export function mayReport(rule: RuleName, text: string): boolean {
  return MAY_REPORT[rule]?.(text) ?? true;
}
