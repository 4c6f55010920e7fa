import { isCredentialEnvName, isPublicKeyEnvName } from '../analysis/credentials.js';
import { nearMissKind } from '../analysis/env-name-match.js';
import { CREDENTIAL_ENV } from '../catalog/index.js';
import type { CodeNeeds } from './module-graph.js';
import type { Injection, OpaqueSource, Place } from './types.js';

export type FindingKind = 'missing' | 'near-miss' | 'unverifiable' | 'stale';

/** One credential name compared between a deployable's code and its manifest. Names only, never values. */
export interface Finding {
  kind: FindingKind;
  /** The name the code needs (missing, near-miss, unverifiable) or the manifest injects (stale). */
  name: string;
  /** Names any one of which would do: an SDK that reads GEMINI_API_KEY or GOOGLE_API_KEY. */
  alternatives: string[];
  /** Where the code reads it (the first place; `reads` counts them all), or builds the SDK client that reads it. */
  read?: Place;
  reads: number;
  /** `new OpenAI() reads it` when an SDK reads it by itself. */
  readBy?: string;
  /** The manifest entry: the look-alike (near-miss), the opaque source, the injection (stale), or the deployable (missing). */
  manifest: Place;
  /** near-miss: the name the manifest injects instead. */
  injected?: string;
  /** unverifiable: the sources that may provide it (`secret crew-credentials`). */
  sources?: string[];
  /** missing: the `.env.example` line that declares it, so the name is known to the project. */
  declared?: Place;
}

export interface Environment {
  at: Place;
  injected: readonly Injection[];
  opaque: readonly OpaqueSource[];
}

interface Need {
  names: string[];
  read: Place;
  reads: number;
  readBy?: string;
}

const CATALOG = new Map(CREDENTIAL_ENV.map((entry) => [entry.name, entry]));

/**
 * The credentials the code needs, against what the manifest injects: missing ones (the seeds'
 * failure), near misses between the two (`CREW_AI_KEY` injected, `CREWAI_API_KEY` read), needs a
 * source that the repository does not show may cover (unverifiable), and injected credentials no
 * code and no imported SDK reads (stale).
 */
export function compare(needs: CodeNeeds, environment: Environment, declared: readonly { name: string; at: Place }[], extraCredentials: readonly string[] = []): { findings: Finding[]; checked: number } {
  const isCredential = (name: string) => (isCredentialEnvName(name) || extraCredentials.includes(name)) && !isPublicKeyEnvName(name);
  const injected = new Map<string, Injection>();
  for (const injection of environment.injected) if (!injected.has(injection.name)) injected.set(injection.name, injection);
  const findings: Finding[] = [];
  const used = new Set<string>(needs.reads.map((read) => read.name));
  const credentials = credentialNeeds(needs, isCredential);
  for (const need of credentials) {
    for (const name of need.names) used.add(name);
    if (need.names.some((name) => injected.has(name))) continue;
    const base = { name: need.names[0] ?? '', alternatives: need.names, read: need.read, reads: need.reads, ...(need.readBy ? { readBy: need.readBy } : {}) };
    const lookAlike = nearestInjected(need.names, injected);
    if (lookAlike) {
      used.add(lookAlike.name);
      findings.push({ ...base, kind: 'near-miss', manifest: lookAlike.at, injected: lookAlike.name });
    } else if (environment.opaque.length > 0) {
      findings.push({ ...base, kind: 'unverifiable', manifest: environment.opaque[0]?.at ?? environment.at, sources: environment.opaque.map((source) => source.description) });
    } else {
      const declaration = declared.find((entry) => need.names.includes(entry.name));
      findings.push({ ...base, kind: 'missing', manifest: environment.at, ...(declaration ? { declared: declaration.at } : {}) });
    }
  }
  for (const [name, injection] of injected) {
    if (!isCredential(name) || used.has(name) || readByImportedSdk(name, needs.packages)) continue;
    findings.push({ kind: 'stale', name, alternatives: [name], reads: 0, manifest: injection.at });
  }
  return { findings, checked: credentials.length };
}

/** Credential reads, one need per name; SDK clients built without a key, one need per set of names. */
function credentialNeeds(needs: CodeNeeds, isCredential: (name: string) => boolean): Need[] {
  const byKey = new Map<string, Need>();
  for (const read of needs.reads) {
    if (!isCredential(read.name)) continue;
    const need = byKey.get(read.name);
    if (need) need.reads += 1;
    else byKey.set(read.name, { names: [read.name], read: read.at, reads: 1 });
  }
  for (const sdk of needs.sdkDefaults) {
    const key = sdk.names.join('|');
    // A name the code also reads itself is that read's need already.
    if (sdk.names.length === 1 && byKey.has(key)) continue;
    const need = byKey.get(key);
    if (need) need.reads += 1;
    else byKey.set(key, { names: sdk.names, read: sdk.at, reads: 1, readBy: `${sdk.provider} SDK client built without a key` });
  }
  return [...byKey.values()];
}

/** An injected name that is a near miss of a needed one, either way round, by the rule's matcher. */
function nearestInjected(names: readonly string[], injected: ReadonlyMap<string, Injection>): Injection | undefined {
  for (const name of names) {
    for (const [candidate, injection] of injected) {
      if (nearMissKind(name, candidate) ?? nearMissKind(candidate, name)) return injection;
    }
  }
  return undefined;
}

/** SDKs read some names inside node_modules (`LANGSMITH_API_KEY` by LangChain): not stale when such a package is imported. */
function readByImportedSdk(name: string, packages: ReadonlySet<string>): boolean {
  return CATALOG.get(name)?.readBy.some((reader) => packages.has(reader)) ?? false;
}
