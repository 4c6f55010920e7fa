import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSourceFile } from '../../src/cli/discover.js';
import { parseError } from '../../src/codemod/collect-reports.js';
import { markerComment } from '../../src/codemod/markers.js';
import type { FollowUp } from '../../src/codemod/types.js';
import { fixtureCases, fixturesRoot, runOnTree, sourceFiles } from './fixture-cases.js';

const CODEMOD = 'env-name';
const cases = fixtureCases(CODEMOD);
/** Markers in the code; the other follow-ups name env files, manifests and docs, which are not rewritten. */
const inCode = (followUps: readonly FollowUp[]) => followUps.filter((followUp) => isSourceFile(followUp.path));

describe.each(cases)(`${CODEMOD}: %s`, (name) => {
  const caseDir = join(fixturesRoot, CODEMOD, name);
  const expected = new Map(sourceFiles(join(caseDir, 'output')).map((path) => [path, readFileSync(join(caseDir, 'output', path), 'utf8')]));

  it('turns input into output, file by file', () => {
    const { result, texts } = runOnTree(join(caseDir, 'input'), CODEMOD);
    expect(result.files.filter((file) => file.status === 'error')).toEqual([]);
    expect([...texts.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [path, text] of texts) expect(text, path).toBe(expected.get(path));
  });

  it('reports each follow-up in the code at the marker it leaves there', () => {
    const { result, texts } = runOnTree(join(caseDir, 'input'), CODEMOD);
    for (const followUp of inCode(result.followUps)) {
      const line = texts.get(followUp.path)?.split('\n')[followUp.line - 1];
      expect(line?.trim(), `${followUp.path}:${followUp.line}`).toBe(markerComment(CODEMOD, followUp.message));
    }
    const markers = [...texts.values()].join('\n').split('\n').filter((line) => line.includes(`// scale-auth(${CODEMOD}):`));
    expect(markers.length).toBe(inCode(result.followUps).length);
  });

  it('is idempotent: its output is left as it is, with the same markers', () => {
    const first = runOnTree(join(caseDir, 'input'), CODEMOD);
    const second = runOnTree(join(caseDir, 'output'), CODEMOD);
    expect(second.result.files.filter((file) => file.status !== 'unchanged')).toEqual([]);
    expect(second.result.followUps).toEqual(inCode(first.result.followUps));
  });

  it('writes output that parses', () => {
    for (const [path, text] of expected) expect(parseError(join(caseDir, 'output', path), text, caseDir), path).toBeUndefined();
  });
});

describe(`${CODEMOD} fixtures`, () => {
  it('cover at least eight cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
  });

  it('type-check with the real tsc (every output tree, strict)', () => {
    const tsc = join(import.meta.dirname, '../../node_modules/typescript/bin/tsc');
    const run = spawnSync(process.execPath, [tsc, '-p', join(fixturesRoot, 'tsconfig.json')], { encoding: 'utf8' });
    const errors = `${run.stdout}${run.stderr}`.split('\n').filter((line) => line.includes(`/${CODEMOD}/`) || line.includes('error'));
    expect(errors).toEqual([]);
    expect(run.status).toBe(0);
  });

  it('lists where the old name is still written outside the code (env files, manifests, docs), without the lines', () => {
    const { result } = runOnTree(join(fixturesRoot, CODEMOD, 'mentions', 'input'), CODEMOD);
    const message = '`CREW_AI_KEY` is still written here; the code now reads `CREWAI_API_KEY`: rename it here too, and wherever the deployment sets it';
    expect(result.followUps).toEqual([
      { path: '.env', line: 2, codemod: CODEMOD, message },
      { path: 'README.md', line: 3, codemod: CODEMOD, message },
      { path: 'deploy/worker.yaml', line: 9, codemod: CODEMOD, message },
    ]);
    expect(JSON.stringify(result)).not.toContain('not-a-real-value');
  });

  it('runs as a jscodeshift transform, one file at a time', () => {
    const directory = mkdtempSync(join(tmpdir(), 'scale-auth-jscodeshift-'));
    try {
      cpSync(join(fixturesRoot, CODEMOD, 'mentions', 'input'), directory, { recursive: true });
      const root = join(import.meta.dirname, '../..');
      const run = spawnSync(
        process.execPath,
        [join(root, 'node_modules/jscodeshift/bin/jscodeshift.js'), '--no-babel', '--parser=tsx', '--extensions=ts', '-t', join(root, 'codemods/jscodeshift/env-name.cjs'), 'src'],
        { cwd: directory, encoding: 'utf8' },
      );
      expect(run.status).toBe(0);
      expect(`${run.stdout}${run.stderr}`).toContain('deploy/worker.yaml:9 `CREW_AI_KEY` is still written here');
      expect(readFileSync(join(directory, 'src/tasks.ts'), 'utf8')).toBe(readFileSync(join(fixturesRoot, CODEMOD, 'mentions', 'output', 'src/tasks.ts'), 'utf8'));
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
