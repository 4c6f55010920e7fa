import { dirname, resolve } from 'node:path';
import { splitCommand } from '../command-line.js';
import { list, record, text } from '../data.js';
import type { Deployable, Injection, OpaqueSource, Place } from '../types.js';
import type { YamlDocument } from '../yaml.js';

/** A Render Blueprint: each service's `envVars`, with `fromGroup` resolved against the file's `envVarGroups`. */
export function readRender(document: YamlDocument, file: string): Deployable[] {
  const blueprint = record(document.value);
  const at = (...path: (string | number)[]): Place => ({ file, line: document.lineAt(path) });
  const groups = new Map<string, Injection[]>();
  for (const [index, value] of list(blueprint?.envVarGroups).entries()) {
    const group = record(value);
    const name = text(group?.name);
    if (name) groups.set(name, envVars(group?.envVars, ['envVarGroups', index], at, `env group ${name}`).injected);
  }
  const directory = dirname(file);
  return list(blueprint?.services).flatMap((value, index) => {
    const service = record(value);
    const name = text(service?.name);
    if (!service || !name) return [];
    const path = ['services', index];
    const { injected, groupRefs } = envVars(service.envVars, path, at, 'envVars');
    const opaque: OpaqueSource[] = [];
    for (const ref of groupRefs) {
      const group = groups.get(ref.name);
      // A group defined elsewhere (in the dashboard, or another Blueprint) cannot be seen from here.
      if (group) injected.push(...group.map((injection) => ({ ...injection, at: ref.at })));
      else opaque.push({ description: `env group ${ref.name}`, at: ref.at });
    }
    const root = resolve(directory, text(service.rootDir) ?? '.');
    const command = text(service.startCommand) ?? text(service.dockerCommand);
    const dockerfile = text(service.dockerfilePath);
    return [{
      id: `render/${name}`,
      name,
      at: at(...path),
      injected,
      opaque,
      start: {
        ...(command ? { command: { argv: splitCommand(command), at: at(...path, service.startCommand === undefined ? 'dockerCommand' : 'startCommand') } } : {}),
        ...(dockerfile ? { dockerfile: resolve(root, dockerfile) } : {}),
        root,
      },
    }];
  });
}

/** `key:` entries are names (`sync: false` ones are set in the dashboard, by name); `fromGroup` entries are references. */
function envVars(value: unknown, path: (string | number)[], at: (...path: (string | number)[]) => Place, via: string): { injected: Injection[]; groupRefs: { name: string; at: Place }[] } {
  const injected: Injection[] = [];
  const groupRefs: { name: string; at: Place }[] = [];
  for (const [index, entry] of list(value).entries()) {
    const variable = record(entry);
    const key = text(variable?.key);
    const group = text(variable?.fromGroup);
    if (key) injected.push({ name: key, at: at(...path, 'envVars', index), via: variable?.sync === false ? `${via} (set in the dashboard)` : via });
    else if (group) groupRefs.push({ name: group, at: at(...path, 'envVars', index) });
  }
  return { injected, groupRefs };
}
