import type { ScaleAuthSettings } from '../settings.js';
import { compare, type Finding } from './compare.js';
import { resolveEntry, type Entry, type EntryOptions } from './entrypoints.js';
import { readManifests } from './manifests/read.js';
import { ModuleGraph } from './module-graph.js';
import type { Deployable, SkippedFile } from './types.js';

export interface DeployableReport {
  deployable: Deployable;
  entry: Entry;
  /** The project's own files reached from the entrypoints. */
  modules: number;
  /** Credentials the code needs (an SDK's alternatives count once). */
  checked: number;
  findings: Finding[];
  /** Source files in the graph that do not parse: what they need is unknown. */
  unparsed: { file: string; message: string }[];
}

export interface DoctorReport {
  root: string;
  deployables: DeployableReport[];
  skipped: SkippedFile[];
}

export interface DoctorOptions {
  root: string;
  /** `--manifests` globs, relative to `root`. */
  manifests: readonly string[];
  overrides: EntryOptions['overrides'];
  settings: ScaleAuthSettings;
}

/** Reads the manifests, finds each deployable's entrypoints and module graph, and compares what it needs with what it gets. */
export function runDoctor(options: DoctorOptions): DoctorReport {
  const manifests = readManifests(options.root, options.manifests);
  const graph = new ModuleGraph(options.settings);
  const entryOptions: EntryOptions = { dockerfiles: manifests.dockerfiles, overrides: options.overrides };
  const deployables = manifests.deployables.map((deployable): DeployableReport => {
    const entry = resolveEntry(deployable, entryOptions);
    if (entry.files.length === 0) return { deployable, entry, modules: 0, checked: 0, findings: [], unparsed: [] };
    const needs = graph.needs(entry.files);
    const environment = { at: deployable.at, injected: [...deployable.injected, ...entry.imageEnv], opaque: deployable.opaque };
    const { findings, checked } = compare(needs, environment, manifests.declared, options.settings.credentialEnvNames);
    return { deployable, entry, modules: needs.files.length, checked, findings, unparsed: needs.unparsed };
  });
  return { root: options.root, deployables, skipped: manifests.skipped };
}
