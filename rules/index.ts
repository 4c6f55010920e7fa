import noForwardedAuthorization from './no-forwarded-authorization.js';
import noLateDotenv from './no-late-dotenv.js';
import noModuleScopeClient from './no-module-scope-client.js';

/** Every rule, by id without the `scale-auth/` prefix, in alphabetical order. */
export const rules = {
  'no-forwarded-authorization': noForwardedAuthorization,
  'no-late-dotenv': noLateDotenv,
  'no-module-scope-client': noModuleScopeClient,
};

export type RuleName = keyof typeof rules;
