/** Where something is written: an absolute path and a 1-based line (and column for code). */
export interface Place {
  file: string;
  line: number;
  column?: number;
}

/** An env var a deployable is given, by name only: values are never kept. */
export interface Injection {
  name: string;
  at: Place;
  /** How it arrives, for people: `env`, `secret crew-keys`, `env_file .env`, `Dockerfile ENV`. */
  via: string;
}

/** A source that may hold any name, whose keys the repository does not show (a Secret not in the repo). */
export interface OpaqueSource {
  /** `secret crew-keys`, `fly secrets`, `env group shared`. */
  description: string;
  at: Place;
}

/** An argv as written in a manifest or Dockerfile. */
export interface Argv {
  argv: string[];
  at: Place;
}

/** What a manifest says about how a deployable starts; the entrypoint is worked out from it later. */
export interface StartHint {
  /** Replaces the image's ENTRYPOINT (Kubernetes `command`, compose `entrypoint`). */
  entrypoint?: Argv;
  /** Replaces the image's CMD (Kubernetes `args`, compose `command`, a start command). */
  command?: Argv;
  /** A function handler such as `src/handler.main` (serverless). */
  handler?: Argv;
  /** Dockerfile the image is built from, when the manifest says so. */
  dockerfile?: string;
  /** Build stage of that Dockerfile (compose `build.target`). */
  target?: string;
  /** Image reference, to find a Dockerfile by name when the manifest does not build one. */
  image?: string;
  /** Working directory inside the container, when the manifest sets it. */
  workingDir?: string;
  /** Folder the deployable's relative paths start from (build context, `rootDir`, the manifest's folder). */
  root: string;
}

/** One thing that runs with its own environment: a container, a compose service, a function. */
export interface Deployable {
  /** `Deployment/worker`, `compose/worker`, `serverless/ingest`: unique in a run. */
  id: string;
  /** The short name people use (`worker`), matched by `--entry worker=…`. */
  name: string;
  at: Place;
  injected: Injection[];
  opaque: OpaqueSource[];
  start: StartHint;
}

/** A file doctor looked at and could not (or would not) read. */
export interface SkippedFile {
  file: string;
  line?: number;
  reason: string;
  /** `error`: the file is broken (exit 1); `skipped`: it cannot be checked here (Helm templates). */
  severity: 'error' | 'skipped';
}

/** What one manifest file yields. */
export interface ManifestRead {
  deployables: Deployable[];
  skipped: SkippedFile[];
}
