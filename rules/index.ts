import noModuleScopeClient from './no-module-scope-client.js';

/** Every rule, by id without the `scale-auth/` prefix. */
export const rules = {
  'no-module-scope-client': noModuleScopeClient,
};

export type RuleName = keyof typeof rules;
