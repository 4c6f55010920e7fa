import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * The Dockerfile that builds `image`, by name: `ghcr.io/acme/worker:1.2` is built by
 * `worker/Dockerfile`, `Dockerfile.worker`, `worker.Dockerfile`, or the Dockerfile beside a
 * package.json named `worker`. An exact name wins over a partial one (`agent-worker` ↔ `worker`).
 * Images built elsewhere (`redis:7`) match nothing.
 */
export function dockerfileForImage(image: string, dockerfiles: readonly string[]): string | undefined {
  const wanted = imageName(image);
  if (wanted === '') return undefined;
  const named = dockerfiles.map((file) => ({ file, names: namesOf(file) }));
  const exact = named.find(({ names }) => names.includes(wanted));
  if (exact) return exact.file;
  return named.find(({ names }) => names.some((name) => wanted.endsWith(`-${name}`) || wanted.startsWith(`${name}-`)))?.file;
}

/** `registry:5000/acme/agent-worker:1.2@sha256:…` → `agent-worker`. */
function imageName(image: string): string {
  const withoutDigest = image.split('@')[0] ?? '';
  const last = withoutDigest.split('/').at(-1) ?? '';
  return last.split(':')[0]?.toLowerCase() ?? '';
}

function namesOf(file: string): string[] {
  const names: string[] = [basename(dirname(file)).toLowerCase()];
  const own = basename(file);
  const suffix = /^(?:Dockerfile|Containerfile)\.(.+)$/.exec(own)?.[1] ?? /^(.+)\.Dockerfile$/.exec(own)?.[1];
  if (suffix) names.push(suffix.toLowerCase());
  const manifest = join(dirname(file), 'package.json');
  if (existsSync(manifest)) {
    try {
      const name = (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name;
      if (typeof name === 'string') names.push((name.split('/').at(-1) ?? name).toLowerCase());
    } catch {
      // No name to match by.
    }
  }
  return names;
}
