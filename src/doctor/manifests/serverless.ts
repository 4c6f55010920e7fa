import { dirname } from 'node:path';
import { record, text } from '../data.js';
import type { Deployable, Injection, OpaqueSource, Place } from '../types.js';
import type { YamlDocument } from '../yaml.js';

/** `serverless.yml` (or .yaml, .json): each function gets the provider's `environment` and its own. */
export function readServerless(document: YamlDocument, file: string): Deployable[] {
  const config = record(document.value);
  const functions = record(config?.functions);
  if (!config || !functions) return [];
  const at = (...path: (string | number)[]): Place => ({ file, line: document.lineAt(path) });
  const shared = environment(record(config.provider)?.environment, ['provider', 'environment'], at);
  return Object.entries(functions).flatMap(([name, value]) => {
    const fn = record(value);
    if (!fn) return [];
    const own = environment(fn.environment, ['functions', name, 'environment'], at);
    const handler = text(fn.handler);
    return [{
      id: `serverless/${name}`,
      name,
      at: at('functions', name),
      injected: [...shared.injected, ...own.injected],
      opaque: [...shared.opaque, ...own.opaque],
      start: { ...(handler ? { handler: { argv: [handler], at: at('functions', name, 'handler') } } : {}), root: dirname(file) },
    }];
  });
}

/** A map of names; a whole `environment: ${file(env.yml)}` is a variable the framework resolves at deploy time. */
function environment(value: unknown, path: string[], at: (...path: (string | number)[]) => Place): { injected: Injection[]; opaque: OpaqueSource[] } {
  const variable = text(value);
  if (variable !== undefined) return { injected: [], opaque: [{ description: `serverless variable ${variable}`, at: at(...path) }] };
  const injected = Object.keys(record(value) ?? {}).map((name) => ({ name, at: at(...path, name), via: path.join('.') }));
  return { injected, opaque: [] };
}
