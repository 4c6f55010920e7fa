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

/** A Kubernetes Deployment named `name` whose pod runs `containers` (YAML list items, indented 8). */
export const deployment = (name: string, containers: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  template:
    spec:
      containers:
${containers}`;
