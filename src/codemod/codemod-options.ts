import { isAbsolute, resolve } from 'node:path';
import type { CodemodOptions } from './types.js';

/**
 * Options as a user wrote them, made independent of where codemods run: a module path
 * (`./src/lib/env.ts`) becomes absolute from `cwd`; a package or alias (`@/lib/env`) stays as written.
 */
export function resolveCodemodOptions(options: CodemodOptions, cwd: string): CodemodOptions {
  const { requireEnvModule: module, ...rest } = options;
  if (module === undefined || module === '') return rest;
  const isPath = /^\.{1,2}([\\/]|$)/.test(module) || isAbsolute(module);
  return { ...rest, requireEnvModule: isPath ? resolve(cwd, module) : module };
}
