import type { Deployable } from '../types.js';
import type { KeyStore, KubeContainer } from './kubernetes.js';

/**
 * Each container's `envFrom` as names: the keys of the Secret or ConfigMap (or SealedSecret,
 * ExternalSecret) in the repository, with the entry's prefix. A source the repository does not show
 * becomes an opaque source, "provided by secret X, not verifiable here".
 */
export function resolveEnvFrom(containers: readonly KubeContainer[], stores: readonly KeyStore[]): Deployable[] {
  return containers.map(({ deployable, envFrom }) => {
    const injected = [...deployable.injected];
    const opaque = [...deployable.opaque];
    for (const ref of envFrom) {
      const label = `${ref.kind} ${ref.name}`;
      const store = stores.find((candidate) => candidate.kind === ref.kind && candidate.name === ref.name);
      if (store?.keys) {
        for (const key of store.keys) injected.push({ name: `${ref.prefix}${key}`, at: ref.at, via: `envFrom ${label} (${store.source})` });
      } else {
        opaque.push({ description: store ? `${label} (${store.source} with keys from outside the repository)` : label, at: ref.at });
      }
    }
    return { ...deployable, injected, opaque };
  });
}
