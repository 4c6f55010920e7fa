// The real-code corpus: third-party JS and TS that the pinned devDependencies install, so every
// machine (and CI) has exactly the same files and nothing fetched is committed.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Package folders under node_modules, with the part of each that holds its code. */
export const CORPUS_PACKAGES = [
  'openai/src',
  '@anthropic-ai/sdk',
  '@langchain/core/dist',
  '@langchain/langgraph/dist',
  '@langchain/langgraph-sdk/dist',
  '@langchain/openai/dist',
  'bullmq/dist/esm',
  'hono/dist',
  'express/lib',
  'dotenv/dist',
  '@babel/core/lib',
  '@babel/traverse/lib',
  '@babel/generator/lib',
  'jscodeshift/src',
  'eslint/lib',
  '@typescript-eslint/typescript-estree/dist',
  '@typescript-eslint/scope-manager/dist',
  'vitest/dist',
];

const SOURCE = /\.(?:[cm]?[jt]sx?)$/;
const SKIP = /\.d\.[cm]?ts$|\.min\.js$|\.map$/;

/** Absolute paths of every corpus file, sorted, so runs and slices are reproducible. */
export function corpusFiles() {
  const files = [];
  for (const folder of CORPUS_PACKAGES) {
    const base = join(root, 'node_modules', folder);
    if (!statSync(base, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`corpus package missing: ${folder} (run npm ci)`);
    for (const entry of readdirSync(base, { recursive: true, encoding: 'utf8' })) {
      const path = join(base, entry);
      if (SOURCE.test(entry) && !SKIP.test(entry) && !entry.split(/[\\/]/).includes('node_modules') && statSync(path).isFile()) files.push(path);
    }
  }
  return files.sort();
}

/** Every `step`-th file: a deterministic slice that spans all packages. */
export function corpusSlice(count) {
  const files = corpusFiles();
  const step = Math.max(1, Math.floor(files.length / count));
  return files.filter((_, index) => index % step === 0).slice(0, count);
}

export function lineCount(paths) {
  let lines = 0;
  for (const path of paths) lines += readFileSync(path, 'utf8').split('\n').length;
  return lines;
}

export const relativeToRoot = (path) => relative(root, path);

/**
 * Copies corpus files under `destination`, keeping their package paths, and returns the copies.
 * Linters skip anything inside node_modules, so the corpus is linted and migrated from a copy.
 */
export function copyCorpus(files, destination) {
  const modules = join(root, 'node_modules');
  return files.map((file) => {
    const copy = join(destination, relative(modules, file));
    mkdirSync(dirname(copy), { recursive: true });
    copyFileSync(file, copy);
    return copy;
  });
}
