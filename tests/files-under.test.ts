import { rmSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { filesUnder } from '../src/files-under.js';
import { tempProject } from './temp-project.js';

const temporary: string[] = [];
afterEach(() => temporary.splice(0).forEach((directory) => rmSync(directory, { recursive: true, force: true })));

function tree(files: string[]): string {
  const root = tempProject(Object.fromEntries(files.map((file) => [file, ''])), 'scale-auth-files-under');
  temporary.push(root);
  return root;
}

const isExample = (name: string) => name === '.env.example';

describe('filesUnder', () => {
  it('finds accepted files in name order, skipping dependencies and build output', () => {
    const root = tree(['b/.env.example', 'a/.env.example', '.env.example', 'node_modules/x/.env.example', 'dist/.env.example', 'a/other.txt']);
    expect(filesUnder(root, isExample).map((path) => relative(root, path))).toEqual(['.env.example', 'a/.env.example', 'b/.env.example']);
  });

  it('stops at maxDepth and honours skipDirectory', () => {
    const root = tree(['one/.env.example', 'one/two/.env.example', '.hidden/.env.example']);
    expect(filesUnder(root, isExample, { maxDepth: 1 }).map((path) => relative(root, path))).toEqual(['.hidden/.env.example', 'one/.env.example']);
    expect(filesUnder(root, isExample, { skipDirectory: (name) => name.startsWith('.') }).map((path) => relative(root, path))).toEqual(['one/.env.example', 'one/two/.env.example']);
  });

  it('does not follow links (no loops) and passes over a missing folder', () => {
    const root = tree(['a/.env.example']);
    symlinkSync(root, join(root, 'a', 'loop'));
    expect(filesUnder(root, isExample).map((path) => relative(root, path))).toEqual(['a/.env.example']);
    expect(filesUnder(join(root, 'missing'), isExample)).toEqual([]);
  });
});
