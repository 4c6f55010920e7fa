import { relative } from 'node:path';
import type { Deployable } from '../../src/doctor/types.js';

/** A deployable as short strings: `NAME@file:line via`, paths relative to `root`. */
export function summary(deployable: Deployable, root: string) {
  const where = (place: { file: string; line: number }) => `${relative(root, place.file)}:${place.line}`;
  return {
    id: deployable.id,
    injected: deployable.injected.map((injection) => `${injection.name}@${where(injection.at)} ${injection.via}`),
    opaque: deployable.opaque.map((source) => `${source.description}@${where(source.at)}`),
  };
}
