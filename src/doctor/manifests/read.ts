import { readFileSync } from 'node:fs';
import { envFileKeys } from '../../analysis/env-file.js';
import { display } from '../../cli/migrate-report.js';
import type { Deployable, Place, SkippedFile } from '../types.js';
import { parseYaml, type YamlDocument } from '../yaml.js';
import { readCompose } from './compose.js';
import { discoverManifests, type ManifestFile } from './discover.js';
import { readFly } from './fly.js';
import { resolveEnvFrom } from './kube-refs.js';
import { readKubernetes, type KubeObjects } from './kubernetes.js';
import { readRender } from './render.js';
import { readServerless } from './serverless.js';

export interface Manifests {
  deployables: Deployable[];
  skipped: SkippedFile[];
  /** Names the project's `.env.example` files declare. */
  declared: { name: string; at: Place }[];
  /** Dockerfiles, read when a deployable's image is built from one. */
  dockerfiles: string[];
}

/** A Kubernetes object at the top of a document: worth a parse error if it does not parse. */
const LOOKS_LIKE_KUBERNETES = /^apiVersion:/m;
/** Go/Jinja template syntax: the file is not YAML until something renders it. */
const TEMPLATED = /\{\{.*\}\}|\{%.*%\}/;

/** Every manifest under `root` (and matching `globs`), read; nothing here throws on a bad file. */
export function readManifests(root: string, globs: readonly string[] = []): Manifests {
  const result: Manifests = { deployables: [], skipped: [], declared: [], dockerfiles: [] };
  const kube: KubeObjects = { containers: [], stores: [] };
  for (const manifest of discoverManifests(root, globs)) readOne(manifest, root, result, kube);
  result.deployables.push(...resolveEnvFrom(kube.containers, kube.stores));
  return { ...result, deployables: uniqueIds(result.deployables, root) };
}

function readOne(manifest: ManifestFile, root: string, result: Manifests, kube: KubeObjects): void {
  const { path: file, type } = manifest;
  if (type === 'helm-chart') {
    result.skipped.push({ file, reason: 'Helm chart: templates are not checked (check the output of `helm template` instead)', severity: 'skipped' });
    return;
  }
  if (type === 'serverless-code') {
    result.skipped.push({ file, reason: 'serverless config written as code: not checked (use serverless.yml or `serverless print` output)', severity: 'skipped' });
    return;
  }
  if (type === 'dockerfile') {
    result.dockerfiles.push(file);
    return;
  }
  const source = readFileSync(file, 'utf8');
  if (type === 'env-example') {
    const lines = source.split(/\r?\n/);
    // The line is only for people: the first line that assigns the name.
    const lineOf = (name: string) => lines.findIndex((line) => new RegExp(`^\\s*(?:export\\s+)?${name.replace(/[.-]/g, '\\$&')}\\s*[=:]`).test(line)) + 1;
    result.declared.push(...envFileKeys(source).map((name) => ({ name, at: { file, line: Math.max(lineOf(name), 1) } })));
    return;
  }
  if (type === 'fly') {
    const read = readFly(source, file);
    result.deployables.push(...read.deployables);
    result.skipped.push(...read.skipped);
    return;
  }
  const strict = manifest.given || type !== 'yaml' || LOOKS_LIKE_KUBERNETES.test(source);
  if (TEMPLATED.test(source)) {
    if (strict) result.skipped.push({ file, reason: 'templated YAML (`{{ }}`): not checked', severity: 'skipped' });
    return;
  }
  const parsed = parseYaml(source);
  if ('error' in parsed) {
    if (strict) result.skipped.push({ file, line: parsed.error.line, reason: `YAML error: ${parsed.error.message}`, severity: 'error' });
    return;
  }
  for (const document of parsed.documents) readDocument(document, file, type, root, result, kube);
}

function readDocument(document: YamlDocument, file: string, type: ManifestFile['type'], root: string, result: Manifests, kube: KubeObjects): void {
  if (type === 'compose') result.deployables.push(...readCompose(document, file));
  else if (type === 'serverless') result.deployables.push(...readServerless(document, file));
  else if (type === 'render') result.deployables.push(...readRender(document, file));
  else {
    const objects = readKubernetes(document, file, root);
    kube.containers.push(...objects.containers);
    kube.stores.push(...objects.stores);
  }
}

/** The same service in two files (overlays, per-environment copies) keeps both, told apart by file. */
function uniqueIds(deployables: readonly Deployable[], root: string): Deployable[] {
  const counts = new Map<string, number>();
  for (const deployable of deployables) counts.set(deployable.id, (counts.get(deployable.id) ?? 0) + 1);
  return deployables.map((deployable) =>
    (counts.get(deployable.id) ?? 0) > 1 ? { ...deployable, id: `${deployable.id} (${display(deployable.at.file, root)})` } : deployable,
  );
}
