import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { migrate } from '../../src/codemod/engine.js';
import type { MigrationResult } from '../../src/codemod/types.js';

export const fixturesRoot = join(import.meta.dirname, 'fixtures');

/** Relative paths of the source files under `directory`. */
export function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.(?:[cm]?[jt]sx?)$/.test(path) && !path.endsWith('.d.ts') && statSync(join(directory, path)).isFile())
    .sort();
}

/** The cases of one codemod: directories holding `input/` and `output/` trees. */
export function fixtureCases(codemod: string): string[] {
  return readdirSync(join(fixturesRoot, codemod)).filter((name) => statSync(join(fixturesRoot, codemod, name, 'input'), { throwIfNoEntry: false })?.isDirectory());
}

export interface CaseRun {
  result: MigrationResult;
  /** New text by path relative to the case tree (every file, changed or not). */
  texts: Map<string, string>;
}

/** Copies a tree to a temporary directory (fixtures are never written) and runs one codemod there. */
export function runOnTree(tree: string, codemod: string, codemodOptions: Readonly<Record<string, string>> = {}): CaseRun {
  const directory = mkdtempSync(join(tmpdir(), 'scale-auth-fixture-'));
  try {
    cpSync(tree, directory, { recursive: true });
    const files = sourceFiles(directory).map((path) => join(directory, path));
    const result = migrate({ cwd: directory, files, codemods: [codemod], codemodOptions });
    const texts = new Map<string, string>();
    for (const file of result.files) texts.set(relative(directory, file.path), file.status === 'changed' ? (file.after ?? '') : readFileSync(file.path, 'utf8'));
    const followUps = result.followUps.map((followUp) => ({ ...followUp, path: relative(directory, followUp.path) }));
    return { result: { ...result, followUps }, texts };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
