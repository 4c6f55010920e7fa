import noLateDotenv from './no-late-dotenv.js';
import noMisspelledCredentialEnv from './no-misspelled-credential-env.js';
import noModuleScopeClient from './no-module-scope-client.js';

/** Every rule, by id without the `scale-auth/` prefix, in alphabetical order. */
export const rules = {
  'no-late-dotenv': noLateDotenv,
  'no-misspelled-credential-env': noMisspelledCredentialEnv,
  'no-module-scope-client': noModuleScopeClient,
};

export type RuleName = keyof typeof rules;
