import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { minimatch } from 'minimatch';
import { DECLARED_ENV_FILES } from '../../analysis/declared-env.js';
import { IGNORED_DIRECTORIES } from '../../cli/discover.js';
import { COMPOSE_FILE } from './compose.js';

export type ManifestType = 'dockerfile' | 'yaml' | 'compose' | 'serverless' | 'serverless-code' | 'fly' | 'render' | 'env-example' | 'helm-chart';

export interface ManifestFile {
  path: string;
  type: ManifestType;
  /** Named by `--manifests`: read as a manifest whatever its name, and a parse error is an error. */
  given: boolean;
}


/** The type a file's name gives it; `yaml` is any other YAML file, sniffed for Kubernetes objects when read. */
function manifestType(name: string): ManifestType | undefined {
  if (COMPOSE_FILE.test(name)) return 'compose';
  if (/^serverless\.(?:ya?ml|json)$/.test(name)) return 'serverless';
  if (/^serverless\.[cm]?[jt]s$/.test(name)) return 'serverless-code';
  if (/^fly(?:\.[\w-]+)?\.toml$/.test(name)) return 'fly';
  if (/^render\.ya?ml$/.test(name)) return 'render';
  if (DECLARED_ENV_FILES.includes(name)) return 'env-example';
  if (/^(?:Dockerfile|Containerfile)(?:\.[\w.-]+)?$|\.Dockerfile$/.test(name)) return 'dockerfile';
  if (/\.ya?ml$/.test(name)) return 'yaml';
  return undefined;
}

/**
 * Manifest files under `root` (dependencies, build output and VCS folders skipped, links not
 * followed), plus files matching `globs` (relative to `root`). A folder with a `Chart.yaml` is a
 * Helm chart: listed once, not entered, since its templates are not YAML until Helm renders them.
 */
export function discoverManifests(root: string, globs: readonly string[] = []): ManifestFile[] {
  const found = new Map<string, { type: ManifestType; given: boolean }>();
  const walk = (directory: string): void => {
    if (existsSync(join(directory, 'Chart.yaml'))) {
      found.set(directory, { type: 'helm-chart', given: false });
      return;
    }
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory() && !IGNORED_DIRECTORIES.has(entry.name)) walk(path);
      else if (entry.isFile()) {
        const given = globs.some((glob) => minimatch(relative(root, path).split(sep).join('/'), glob, { dot: true }));
        const type = manifestType(entry.name) ?? (given ? 'yaml' : undefined);
        if (type) found.set(path, { type, given });
      }
    }
  };
  walk(root);
  return [...found].map(([path, file]) => ({ path, ...file })).sort((a, b) => a.path.localeCompare(b.path));
}
