import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { envFileKeys } from '../../analysis/env-file.js';
import { splitCommand } from '../command-line.js';
import { record, strings, text, type Data } from '../data.js';
import type { Deployable, Injection, OpaqueSource, Place, StartHint } from '../types.js';
import type { YamlDocument } from '../yaml.js';

/** `compose.yaml`, `docker-compose.yml`, `docker-compose.prod.yml`, `compose.override.yaml`. */
export const COMPOSE_FILE = /^(?:docker-)?compose(?:[.-][\w.-]+)?\.ya?ml$/;

/** Each service of a compose file: `environment` (list or map), `env_file`, build, command. */
export function readCompose(document: YamlDocument, file: string): Deployable[] {
  const services = record(record(document.value)?.services);
  if (!services) return [];
  const directory = dirname(file);
  return Object.entries(services).flatMap(([name, value]) => {
    const service = record(value);
    if (!service) return [];
    const at = (...path: (string | number)[]): Place => ({ file, line: document.lineAt(['services', name, ...path]) });
    const injected = environment(service.environment, at);
    const opaque: OpaqueSource[] = [];
    for (const [index, entry] of envFiles(service.env_file).entries()) {
      const place = at('env_file', ...(Array.isArray(service.env_file) ? [index] : []));
      const names = envFileNames(resolve(directory, entry.path), place);
      if (names.injected) injected.push(...names.injected);
      else if (entry.required) opaque.push({ description: `env_file ${entry.path} (not in the repository)`, at: place });
    }
    return [{ id: `compose/${name}`, name, at: at(), injected, opaque, start: start(service, directory, at) }];
  });
}

function environment(value: unknown, at: (...path: (string | number)[]) => Place): Injection[] {
  if (Array.isArray(value)) {
    // `- KEY=value`, or `- KEY` alone: passed through from the shell that runs compose.
    return value.flatMap((entry, index) => {
      const name = text(entry)?.split('=')[0]?.trim();
      return name ? [{ name, at: at('environment', index), via: text(entry)?.includes('=') ? 'environment' : 'environment (from the shell)' }] : [];
    });
  }
  return Object.keys(record(value) ?? {}).map((name) => ({ name, at: at('environment', name), via: 'environment' }));
}

/** `env_file: .env`, `env_file: [a, b]`, `env_file: [{ path: a, required: false }]`. */
function envFiles(value: unknown): { path: string; required: boolean }[] {
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).flatMap((entry) => {
    const path = text(entry) ?? text(record(entry)?.path);
    return path ? [{ path, required: record(entry)?.required !== false }] : [];
  });
}

/**
 * The names an env_file sets. A `.env` kept out of git is usually documented by a `.env.example`
 * beside it: that file's names stand in, marked as declared rather than seen.
 */
function envFileNames(path: string, at: Place): { injected?: Injection[] } {
  const given = basename(path);
  // `.env.example` documents `.env`; any file may have a `<name>.example` beside it.
  const examples = given === '.env' ? ['.env.example', '.env.sample', '.env.template'].map((name) => join(dirname(path), name)) : [`${path}.example`];
  for (const candidate of [path, ...examples]) {
    if (!existsSync(candidate)) continue;
    const via = candidate === path ? `env_file ${given}` : `env_file ${given} (declared by ${basename(candidate)})`;
    return { injected: envFileKeys(readFileSync(candidate, 'utf8')).map((name) => ({ name, at, via })) };
  }
  return {};
}

function start(service: Data, directory: string, at: (...path: (string | number)[]) => Place): StartHint {
  const build = service.build;
  const context = text(build) ?? text(record(build)?.context);
  const root = context === undefined ? directory : resolve(directory, context);
  const dockerfile = text(record(build)?.dockerfile);
  const target = text(record(build)?.target);
  const image = text(service.image);
  const workingDir = text(service.working_dir);
  const argv = (key: string) => {
    const value = strings(service[key]);
    // A string command is split by compose the way a shell would; a plain split is enough to find the entry file.
    return value ? { argv: typeof service[key] === 'string' ? splitCommand(value[0] ?? '') : value, at: at(key) } : undefined;
  };
  const entrypoint = argv('entrypoint');
  const command = argv('command');
  return {
    ...(entrypoint ? { entrypoint } : {}),
    ...(command ? { command } : {}),
    ...(context !== undefined ? { dockerfile: resolve(root, dockerfile ?? 'Dockerfile') } : {}),
    ...(target ? { target } : {}),
    ...(image ? { image } : {}),
    ...(workingDir ? { workingDir } : {}),
    root,
  };
}
