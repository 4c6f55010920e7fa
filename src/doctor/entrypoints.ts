import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { commandTargets, scriptTargets, type CommandTarget } from './command-entry.js';
import { dockerfileForImage } from './image-match.js';
import { readDockerfile, type ImageConfig } from './manifests/dockerfile.js';
import { sourceFileFor, type PathContext } from './source-path.js';
import type { Argv, Deployable, Injection, Place } from './types.js';

/** The source files a deployable starts from, and how doctor found them. */
export interface Entry {
  files: string[];
  /** What named them: `command`, `Dockerfile`, `handler`, `package.json`, or the override (`--entry worker=…`). */
  via: string;
  /** Where the command (or handler, or Dockerfile CMD) is written. */
  at?: Place;
  /** The package.json scripts the command went through: `package.json script "worker"`. */
  scripts: string[];
  /** Names the image's Dockerfile sets with ENV: injected too. */
  imageEnv: Injection[];
  /** Why no file was found. */
  problem?: string;
  /** The image is pulled, not built from this repository (`redis:7`): nothing of ours to check. */
  external?: boolean;
}

export interface EntryOptions {
  dockerfiles: readonly string[];
  /** `--entry` flags and the settings' `entrypoints`, by deployable name or id; paths relative to the project root. */
  overrides: ReadonlyMap<string, { files: string[]; via: string }>;
}

/**
 * Works out what a deployable runs: an override, the function handler, or the command Docker
 * would run (the manifest's command/args over the Dockerfile's ENTRYPOINT/CMD), followed through
 * shells and package.json scripts to the project's source files; `npm start` or package.json
 * `main` when nothing says otherwise.
 */
export function resolveEntry(deployable: Deployable, options: EntryOptions): Entry {
  const override = options.overrides.get(deployable.id) ?? options.overrides.get(deployable.name);
  const image = imageOf(deployable, options.dockerfiles);
  const imageEnv = image?.config.env ?? [];
  if (override) return { files: override.files, via: override.via, scripts: [], imageEnv };
  const { start } = deployable;

  if (start.handler) {
    const path = start.handler.argv[0]?.replace(/\.[^./]+$/, '') ?? '';
    const file = sourceFileFor(path, { root: start.root });
    const found = { via: 'handler', at: start.handler.at, scripts: [], imageEnv };
    return file ? { ...found, files: [file] } : { ...found, files: [], problem: `no source file for handler ${start.handler.argv[0] ?? ''}` };
  }

  // Docker's rule: a new entrypoint drops the image's CMD; a command replaces CMD only.
  const entrypoint = start.entrypoint ?? image?.config.entrypoint;
  const command = start.command ?? (start.entrypoint ? undefined : image?.config.command);
  const context: PathContext = { root: image?.context ?? start.root, ...((start.workingDir ?? image?.config.workingDir) ? { workingDir: start.workingDir ?? image?.config.workingDir } : {}) };
  const argv = [...(entrypoint?.argv ?? []), ...(command?.argv ?? [])];
  const written: Argv | undefined = command ?? entrypoint;
  const via = !written ? 'package.json' : written === start.command || written === start.entrypoint ? 'command' : 'Dockerfile';
  // A pulled image (`redis:7`) runs someone else's code: only an image built here, or no image, falls back to `npm start`.
  const pulled = start.image !== undefined && image === undefined;
  const targets = argv.length > 0 ? commandTargets(argv, context.root) : pulled ? [] : scriptTargets('start', context.root);
  const files = [...new Set(targets.map((target) => fileFor(target, context)).filter((file): file is string => file !== undefined))];
  const scripts = [...new Set(targets.flatMap((target) => (target.script ? [target.script] : [])))];
  const found = { via, ...(written ? { at: written.at } : {}), scripts, imageEnv };
  if (files.length > 0) return { ...found, files };
  return { ...found, files: [], problem: problemFor(argv, targets, image !== undefined, start.image), ...(pulled && argv.length === 0 ? { external: true } : {}) };
}

function fileFor(target: CommandTarget, context: PathContext): string | undefined {
  return sourceFileFor(target.path, target.base ? { root: target.base } : context);
}

function problemFor(argv: readonly string[], targets: readonly CommandTarget[], built: boolean, image: string | undefined): string {
  if (targets.length > 0) return `no source file in the repository for ${targets.map((target) => target.path).join(', ')}`;
  if (argv.length > 0) return `not a Node.js command: ${argv.join(' ')}`;
  if (image && !built) return `image ${image} is not built from this repository`;
  return 'no command, Dockerfile CMD or package.json start script';
}

/** The Dockerfile a deployable's image comes from: named by the manifest, or matched by image name. */
function imageOf(deployable: Deployable, dockerfiles: readonly string[]): { config: ImageConfig; context: string } | undefined {
  const { start } = deployable;
  const named = start.dockerfile !== undefined && existsSync(start.dockerfile) ? start.dockerfile : undefined;
  const file = named ?? (start.image ? dockerfileForImage(start.image, dockerfiles) : undefined);
  if (!file) return undefined;
  // A manifest that builds gives the context; a matched Dockerfile's context is its folder.
  return { config: readDockerfile(readFileSync(file, 'utf8'), file, start.target), context: named ? start.root : dirname(file) };
}
