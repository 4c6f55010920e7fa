import { mentionsEnvRead } from '../analysis/env-reads.js';
import { mayCreateClient, mentionsAuthorization, mentionsDotenv, mentionsUserCredentialSource } from '../analysis/file-gates.js';
import type { RuleName } from '../../rules/index.js';

/**
 * The rules' own bail-out tests, so `migrate` skips linting files no rule can report on: most files
 * of a large repository touch none of the imports or globals a rule looks at. `migrate` runs the
 * rules without the user's settings, so the settings-dependent parts of a gate do not apply here.
 */
const MAY_REPORT: Record<RuleName, (text: string) => boolean> = {
  'no-forwarded-authorization': mentionsAuthorization,
  'no-late-dotenv': mentionsDotenv,
  'no-misspelled-credential-env': (text) => mentionsEnvRead(text),
  'no-module-scope-client': (text) => mayCreateClient(text),
  'no-session-token-in-job': mentionsUserCredentialSource,
  'no-unchecked-credential-env': (text) => mentionsEnvRead(text),
};

export function mayReport(rule: RuleName, text: string): boolean {
  return MAY_REPORT[rule](text);
}
