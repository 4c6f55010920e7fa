import noForwardedAuthorization from './no-forwarded-authorization.js';
import noLateDotenv from './no-late-dotenv.js';
import noMisspelledCredentialEnv from './no-misspelled-credential-env.js';
import noModuleScopeClient from './no-module-scope-client.js';
import noSessionTokenInJob from './no-session-token-in-job.js';
import noUncheckedCredentialEnv from './no-unchecked-credential-env.js';

/** Every rule, by id without the `scale-auth/` prefix, in alphabetical order. */
export const rules = {
  'no-forwarded-authorization': noForwardedAuthorization,
  'no-late-dotenv': noLateDotenv,
  'no-misspelled-credential-env': noMisspelledCredentialEnv,
  'no-module-scope-client': noModuleScopeClient,
  'no-session-token-in-job': noSessionTokenInJob,
  'no-unchecked-credential-env': noUncheckedCredentialEnv,
};

export type RuleName = keyof typeof rules;
