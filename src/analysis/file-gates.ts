import { CLIENTS, type ClientSpec } from '../catalog/index.js';

/**
 * Cheap text tests, one per rule, that say a file cannot hold what the rule reports. Each rule bails
 * out with its own test before parsing anything further, and `migrate` skips linting files that no
 * chosen codemod's rule can report on: one definition serves both, so they cannot drift apart.
 */

/** A credential-looking word anywhere: generic clients need one (`apiKey`, `token`, an `…_API_KEY` env var). */
const CREDENTIAL_WORD = /key|token|secret|passw|credential|auth/i;

/** Catalog module names as they appear in specifiers (`@aws-sdk/client-*` by its prefix). */
const CATALOG_MODULES = [...new Set(CLIENTS.map((spec) => spec.module.replace(/\*$/, '')))];

/** no-module-scope-client: a credential word, or the name of a catalog (or user-listed) SDK module. */
export function mayCreateClient(text: string, userClients: readonly ClientSpec[] = []): boolean {
  return CREDENTIAL_WORD.test(text) || CATALOG_MODULES.some((module) => text.includes(module)) || userClients.some((spec) => text.includes(spec.module.replace(/\*$/, '')));
}

/** no-forwarded-authorization: every request source names the header, or MCP's `authInfo`. */
export function mentionsAuthorization(text: string): boolean {
  return /authori[sz]ation|authInfo/i.test(text);
}

/** no-late-dotenv. */
export function mentionsDotenv(text: string): boolean {
  return text.includes('dotenv');
}

/** A user credential a job payload could carry: tokens, sessions, cookies, request headers, Lambda events, credential-named keys. */
const USER_CREDENTIAL_SOURCE = /token|jwt|bearer|session|cookie|authori[sz]ation|headers|event|auth|key|secret|credential|passw/i;

/** no-session-token-in-job (the sink half of its gate depends on settings and stays in the rule). */
export function mentionsUserCredentialSource(text: string): boolean {
  return USER_CREDENTIAL_SOURCE.test(text);
}
