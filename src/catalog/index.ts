import { CLIENTS, LONG_LIVED_MODULES, type ClientSpec } from './clients.js';
import { matchesModulePattern } from './module-pattern.js';

export type { ClientSpec } from './clients.js';
export { CLIENTS, LONG_LIVED_MODULES } from './clients.js';
export { CREDENTIAL_ENV, type CredentialEnvName } from './credential-env.js';

/** The catalog entry for `exportName` of `moduleName`, user entries first so they can override. */
export function findClientSpec(
  moduleName: string,
  exportName: string,
  userClients: readonly ClientSpec[] = [],
): ClientSpec | undefined {
  for (const spec of userClients.length > 0 ? [...userClients, ...CLIENTS] : CLIENTS) {
    if (!matchesModulePattern(spec.module, moduleName)) continue;
    if (spec.exports.includes(exportName) || spec.exportPattern?.test(exportName)) return spec;
  }
  return undefined;
}

/** Any catalog module at all: the cheap test a rule uses to decide whether a file is worth a look. */
export function isCatalogModule(moduleName: string, userClients: readonly ClientSpec[] = []): boolean {
  return [...userClients, ...CLIENTS].some((spec) => matchesModulePattern(spec.module, moduleName));
}

export function isLongLivedModule(moduleName: string, extra: readonly string[] = []): boolean {
  return [...LONG_LIVED_MODULES, ...extra].some((pattern) => matchesModulePattern(pattern, moduleName));
}
