import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { list, record, strings, text, type Data } from '../data.js';
import type { Deployable, Injection, Place } from '../types.js';
import type { YamlDocument } from '../yaml.js';

/** A Secret or ConfigMap (or an object that produces one) and the key names it holds. */
export interface KeyStore {
  kind: 'secret' | 'configMap';
  name: string;
  /** Undefined when the keys come from outside the repository (an ExternalSecret's `dataFrom`). */
  keys?: string[];
  /** `Secret`, `SealedSecret`, `ExternalSecret`, `ConfigMap`, `secretGenerator`. */
  source: string;
  at: Place;
}

/** An `envFrom` entry, resolved against the stores once every file is read. */
export interface EnvFromRef {
  kind: 'secret' | 'configMap';
  name: string;
  prefix: string;
  at: Place;
}

export interface KubeContainer {
  deployable: Deployable;
  envFrom: EnvFromRef[];
}

export interface KubeObjects {
  containers: KubeContainer[];
  stores: KeyStore[];
}

type Path = (string | number)[];

/** Where each workload kind keeps its pod spec; other kinds with `spec.template.spec` (Rollout, Knative) work too. */
const POD_SPEC: Record<string, Path> = {
  Pod: ['spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/**
 * Workloads, Secrets and ConfigMaps of one YAML document. Container paths are looked up from the
 * nearest folder above the manifest with a package.json (`apps/worker/k8s/` → `apps/worker`), or
 * the project root.
 */
export function readKubernetes(document: YamlDocument, file: string, projectRoot: string): KubeObjects {
  const root = packageRoot(dirname(file), projectRoot);
  const found: KubeObjects = { containers: [], stores: [] };
  const object = record(document.value);
  const kind = text(object?.kind);
  if (!object || !kind || text(object.apiVersion) === undefined) return found;
  // A `List` (kubectl get -o yaml) holds objects under `items`.
  const items = kind === 'List' ? list(object.items).map((item, index) => ({ item, path: ['items', index] as Path })) : [{ item: object as unknown, path: [] as Path }];
  for (const { item, path } of items) {
    const data = record(item);
    if (!data) continue;
    const at = (sub: Path): Place => ({ file, line: document.lineAt([...path, ...sub]) });
    const store = readStore(data, at);
    if (store) found.stores.push(store);
    else found.containers.push(...readWorkload(data, at, root));
  }
  return found;
}

function packageRoot(directory: string, projectRoot: string): string {
  for (let current = directory; current.startsWith(projectRoot); current = dirname(current)) {
    if (existsSync(join(current, 'package.json'))) return current;
    if (current === projectRoot || dirname(current) === current) break;
  }
  return projectRoot;
}

function readStore(object: Data, at: (path: Path) => Place): KeyStore | undefined {
  const kind = text(object.kind);
  const name = text(record(object.metadata)?.name);
  if (!name) return undefined;
  const keysOf = (...maps: unknown[]): string[] => maps.flatMap((map) => Object.keys(record(map) ?? {}));
  const spec = record(object.spec);
  switch (kind) {
    case 'Secret':
      return { kind: 'secret', name, keys: keysOf(object.data, object.stringData), source: kind, at: at([]) };
    case 'ConfigMap':
      return { kind: 'configMap', name, keys: keysOf(object.data, object.binaryData), source: kind, at: at([]) };
    case 'SealedSecret':
      // Bitnami sealed-secrets: the Secret it unseals to has the SealedSecret's name and its keys.
      return { kind: 'secret', name, keys: keysOf(spec?.encryptedData), source: kind, at: at([]) };
    case 'ExternalSecret': {
      // external-secrets.io: `target.name` (default: its own name); `dataFrom` pulls keys we cannot see.
      const target = text(record(spec?.target)?.name) ?? name;
      const keys = list(spec?.data).map((entry) => text(record(entry)?.secretKey)).filter((key): key is string => key !== undefined);
      return { kind: 'secret', name: target, ...(list(spec?.dataFrom).length > 0 ? {} : { keys }), source: kind, at: at([]) };
    }
    default:
      return undefined;
  }
}

function readWorkload(object: Data, at: (path: Path) => Place, root: string): KubeContainer[] {
  const kind = text(object.kind) ?? '';
  const name = text(record(object.metadata)?.name);
  const specPath = POD_SPEC[kind] ?? ['spec', 'template', 'spec'];
  let podSpec: Data | undefined = object;
  for (const segment of specPath) podSpec = record(podSpec?.[segment]);
  if (!name || !podSpec) return [];
  const containers = list(podSpec.containers);
  const all = [
    ...containers.map((container, index) => ({ container, path: [...specPath, 'containers', index] })),
    ...list(podSpec.initContainers).map((container, index) => ({ container, path: [...specPath, 'initContainers', index] })),
  ];
  return all.flatMap(({ container, path }) => {
    const data = record(container);
    if (!data) return [];
    const containerName = text(data.name) ?? String(path.at(-1));
    // One container: the workload's name is the service's name; several: each container has its own environment.
    const shortName = all.length === 1 ? name : `${name}/${containerName}`;
    return [readContainer(data, { id: `${kind}/${shortName}`, name: shortName }, path, at, root)];
  });
}

function readContainer(container: Data, names: { id: string; name: string }, path: Path, at: (path: Path) => Place, root: string): KubeContainer {
  const injected: Injection[] = [];
  for (const [index, entry] of list(container.env).entries()) {
    const env = record(entry);
    const name = text(env?.name);
    if (!env || !name) continue;
    const valueFrom = record(env.valueFrom);
    const secret = record(valueFrom?.secretKeyRef);
    const configMap = record(valueFrom?.configMapKeyRef);
    const via = secret ? `secret ${text(secret.name) ?? '?'} key ${text(secret.key) ?? '?'}` : configMap ? `configMap ${text(configMap.name) ?? '?'} key ${text(configMap.key) ?? '?'}` : 'env';
    injected.push({ name, at: at([...path, 'env', index, 'name']), via });
  }
  const envFrom: EnvFromRef[] = [];
  for (const [index, entry] of list(container.envFrom).entries()) {
    const source = record(entry);
    const prefix = text(source?.prefix) ?? '';
    for (const kind of ['secret', 'configMap'] as const) {
      const name = text(record(source?.[`${kind}Ref`])?.name);
      if (name) envFrom.push({ kind, name, prefix, at: at([...path, 'envFrom', index, `${kind}Ref`, 'name']) });
    }
  }
  const command = strings(container.command);
  const args = strings(container.args);
  const image = text(container.image);
  const workingDir = text(container.workingDir);
  return {
    deployable: {
      ...names,
      at: at(path),
      injected,
      opaque: [],
      start: {
        ...(command ? { entrypoint: { argv: command, at: at([...path, 'command']) } } : {}),
        ...(args ? { command: { argv: args, at: at([...path, 'args']) } } : {}),
        ...(image ? { image } : {}),
        ...(workingDir ? { workingDir } : {}),
        root,
      },
    },
    envFrom,
  };
}
