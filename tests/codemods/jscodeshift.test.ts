import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { codemods } from '../../src/codemod/registry.js';
import { migrateSource } from '../../src/codemod/single-file.js';
import { fixtureCases, fixturesRoot, sourceFiles } from './fixture-cases.js';

const root = join(import.meta.dirname, '../..');
const jscodeshift = join(root, 'node_modules/jscodeshift/bin/jscodeshift.js');
const require = createRequire(import.meta.url);
const temporary: string[] = [];
afterEach(() => temporary.splice(0).forEach((directory) => rmSync(directory, { recursive: true, force: true })));

function runJscodeshift(codemod: string, directory: string, cpus = 1) {
  const transform = join(root, 'codemods/jscodeshift', `${codemod}.cjs`);
  const run = spawnSync(process.execPath, [jscodeshift, '--no-babel', '--parser=tsx', `--cpus=${cpus}`, '--extensions=ts,tsx,js,cjs,mjs', '-t', transform, '.'], { cwd: directory, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

function copyOf(tree: string): string {
  const directory = mkdtempSync(join(tmpdir(), 'scale-auth-jscodeshift-'));
  temporary.push(directory);
  cpSync(tree, directory, { recursive: true });
  return directory;
}

describe('jscodeshift transforms', () => {
  it.each(Object.keys(codemods))('%s: its transform module runs that codemod, one file at a time', async (name) => {
    const transform = require(join(root, 'codemods/jscodeshift', `${name}.cjs`));
    // A fixture input the codemod changes on its own, so a module wired to another codemod (or to none) differs.
    const sample = fixtureCases(name)
      .flatMap((fixture) => sourceFiles(join(fixturesRoot, name, fixture, 'input')).map((file) => join(fixturesRoot, name, fixture, 'input', file)))
      .map((path) => ({ path, source: readFileSync(path, 'utf8') }))
      .map((file) => ({ ...file, expected: migrateSource(name, file.path, file.source, process.cwd()) }))
      .find((file) => 'text' in file.expected && file.expected.text !== file.source);
    if (!sample || !('text' in sample.expected)) throw new Error(`no fixture input that ${name} changes by itself`);
    expect(await transform({ path: sample.path, source: sample.source }, { report: () => undefined }, {})).toBe(sample.expected.text);
  });

  it('client-factory rewrites the reported file, keeps the export for importers it cannot see, and reports the follow-up', () => {
    const directory = copyOf(join(fixturesRoot, 'client-factory/cross-file/input'));
    const before = readFileSync(join(directory, 'routes/chat.ts'), 'utf8');
    const first = runJscodeshift('client-factory', directory);
    expect(first.status).toBe(0);
    expect(first.output).toMatch(/1 ok/);
    expect(first.output).toContain('lib/openai.ts:8 other modules import `openai`');
    const lib = readFileSync(join(directory, 'lib/openai.ts'), 'utf8');
    expect(lib).toContain('export function createOpenAI() {');
    expect(lib).toContain('// scale-auth(client-factory): other modules import `openai`');
    expect(lib).toContain('export const openai = createOpenAI();');
    expect(readFileSync(join(directory, 'routes/chat.ts'), 'utf8')).toBe(before);

    const second = runJscodeshift('client-factory', directory);
    expect(second.output).toMatch(/0 ok/);
    expect(readFileSync(join(directory, 'lib/openai.ts'), 'utf8')).toBe(lib);
  });

  it("runs on jscodeshift's worker pool (--cpus) for large repositories", () => {
    const directory = copyOf(join(fixturesRoot, 'client-factory/named-local/input'));
    const source = readFileSync(join(directory, 'tasks.ts'), 'utf8');
    // jscodeshift hands out files in chunks of 50: enough files for two workers.
    for (let index = 0; index < 119; index += 1) writeFileSync(join(directory, `tasks-${index}.ts`), source);
    const run = runJscodeshift('client-factory', directory, 2);
    // jscodeshift uses at most one worker fewer than the machine's CPUs.
    const workers = Math.min(Math.max(cpus().length - 1, 1), 2);
    expect(run.output).toContain(`Spawning ${workers} worker${workers > 1 ? 's' : ''}`);
    expect(run.output).toMatch(/120 ok/);
    const expected = readFileSync(join(fixturesRoot, 'client-factory/named-local/output/tasks.ts'), 'utf8');
    for (let index = 0; index < 119; index += 1) expect(readFileSync(join(directory, `tasks-${index}.ts`), 'utf8')).toBe(expected);
  });

  it('client-factory matches the single-file fixture output', () => {
    const directory = copyOf(join(fixturesRoot, 'client-factory/named-local/input'));
    expect(runJscodeshift('client-factory', directory).status).toBe(0);
    expect(readFileSync(join(directory, 'tasks.ts'), 'utf8')).toBe(readFileSync(join(fixturesRoot, 'client-factory/named-local/output/tasks.ts'), 'utf8'));
  });
});
