import type { ClientSpec } from './catalog/index.js';
import type { ArgumentPath, QueueSink } from './catalog/job-queues.js';

/** A client added by a user: like a catalog entry, with JSON-friendly defaults. */
export interface UserClientSetting {
  module: string;
  exports: string[];
  provider?: string;
  credentialOptions?: string[];
  credentialArgument?: number;
  defaultEnv?: string[];
}

/** A job queue added by a user: `{ module: '@acme/jobs', calls: ['new JobQueue().enqueue()'], payload: [{ argument: 1 }] }`. */
export interface UserQueueSetting {
  module?: string;
  calls: string[];
  family?: string;
  /** Where the payload is; every argument when absent. */
  payload?: ArgumentPath[];
  queueName?: ArgumentPath[];
}

/** `settings['scale-auth']` as users write it. */
export interface ScaleAuthSettingsInput {
  /** Extra SDK clients: `{ module: '@acme/llm', exports: ['AcmeClient'], defaultEnv: ['ACME_API_KEY'] }`. */
  clients?: UserClientSetting[];
  /** Extra modules whose module-scope objects are meant to live for the process (pools, queues). */
  longLivedModules?: string[];
  /** Extra canonical credential env names. */
  credentialEnvNames?: string[];
  /** Env example files to read declared names from, besides the ones found by walking up. */
  envFiles?: string[];
  /** Functions that read an env var and fail when it is missing: `requireEnv('X')`. */
  envHelpers?: string[];
  /** Extra job-queue sinks, as call chains from an import (see `src/catalog/job-queues.ts`). */
  queues?: UserQueueSetting[];
  /** Extra modules whose clients take the user's own token by design (delegated auth, like Supabase RLS). */
  delegatedAuthClients?: string[];
  /** `scale-auth doctor`: entry files per deployable name, where its manifests do not tell: `{ worker: 'src/worker.ts' }`. */
  entrypoints?: Record<string, string | string[]>;
}

export interface ScaleAuthSettings {
  clients: readonly ClientSpec[];
  longLivedModules: readonly string[];
  credentialEnvNames: readonly string[];
  envFiles: readonly string[];
  envHelpers: readonly string[];
  queues: readonly QueueSink[];
  delegatedAuthClients: readonly string[];
  entrypoints: Readonly<Record<string, readonly string[]>>;
}

const EMPTY: ScaleAuthSettings = { clients: [], longLivedModules: [], credentialEnvNames: [], envFiles: [], envHelpers: [], queues: [], delegatedAuthClients: [], entrypoints: {} };
const cache = new WeakMap<object, ScaleAuthSettings>();

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

function toClientSpec(input: UserClientSetting): ClientSpec {
  return {
    module: input.module,
    exports: strings(input.exports),
    provider: input.provider ?? input.module,
    credentialOptions: strings(input.credentialOptions),
    credentialArgument: input.credentialArgument,
    defaultEnv: strings(input.defaultEnv),
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function toQueueSink(input: UserQueueSetting): QueueSink {
  return {
    family: input.family ?? input.module ?? 'job queue',
    ...(typeof input.module === 'string' ? { module: input.module } : {}),
    calls: strings(input.calls),
    payload: Array.isArray(input.payload) ? input.payload : [{}],
    ...(Array.isArray(input.queueName) ? { queueName: input.queueName } : {}),
  };
}

/** Normalised once per settings object (ESLint hands every file the same one). */
export function readSettings(settings: Readonly<Record<string, unknown>> | undefined): ScaleAuthSettings {
  const raw = settings?.['scale-auth'];
  if (raw === undefined || raw === null || typeof raw !== 'object') return EMPTY;
  const cached = cache.get(raw);
  if (cached) return cached;
  const input = raw as ScaleAuthSettingsInput;
  const normalised: ScaleAuthSettings = {
    clients: (Array.isArray(input.clients) ? input.clients : [])
      .filter((client) => client && typeof client.module === 'string')
      .map(toClientSpec),
    longLivedModules: strings(input.longLivedModules),
    credentialEnvNames: strings(input.credentialEnvNames),
    envFiles: strings(input.envFiles),
    envHelpers: strings(input.envHelpers),
    queues: (Array.isArray(input.queues) ? input.queues : []).filter((queue) => queue && Array.isArray(queue.calls)).map(toQueueSink),
    delegatedAuthClients: strings(input.delegatedAuthClients),
    entrypoints: Object.fromEntries(
      Object.entries(isRecord(input.entrypoints) ? input.entrypoints : {}).map(([name, files]) => [name, typeof files === 'string' ? [files] : strings(files)]),
    ),
  };
  cache.set(raw, normalised);
  return normalised;
}
