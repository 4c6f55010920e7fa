import { isAbsolute, resolve } from 'node:path';
import type { CodemodOptions } from './types.js';

/**
 * Options as a user wrote them, made independent of where codemods run: a module path
 * (`./src/lib/env.ts`) becomes absolute from `cwd`; a package or alias (`@/lib/env`) stays as written.
 */
export function resolveCodemodOptions(options: CodemodOptions, cwd: string): CodemodOptions {
  const module = options.requireEnvModule;
  if (module === undefined || module === '') return {};
  const isPath = /^\.{1,2}([\\/]|$)/.test(module) || isAbsolute(module);
  return { requireEnvModule: isPath ? resolve(cwd, module) : module };
}
