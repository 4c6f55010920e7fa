import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseError } from '../../src/codemod/collect-reports.js';
import { markerComment } from '../../src/codemod/markers.js';
import { fixtureCases, fixturesRoot, runOnTree, sourceFiles } from './fixture-cases.js';

const CODEMOD = 'client-factory';
const cases = fixtureCases(CODEMOD);

describe.each(cases)(`${CODEMOD}: %s`, (name) => {
  const caseDir = join(fixturesRoot, CODEMOD, name);
  const expected = new Map(sourceFiles(join(caseDir, 'output')).map((path) => [path, readFileSync(join(caseDir, 'output', path), 'utf8')]));

  it('turns input into output, file by file', () => {
    const { result, texts } = runOnTree(join(caseDir, 'input'), CODEMOD);
    expect(result.files.filter((file) => file.status === 'error')).toEqual([]);
    expect([...texts.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [path, text] of texts) expect(text, path).toBe(expected.get(path));
  });

  it('reports each follow-up at the marker it leaves in the code', () => {
    const { result, texts } = runOnTree(join(caseDir, 'input'), CODEMOD);
    for (const followUp of result.followUps) {
      const line = texts.get(followUp.path)?.split('\n')[followUp.line - 1];
      expect(line?.trim(), `${followUp.path}:${followUp.line}`).toBe(markerComment(CODEMOD, followUp.message));
    }
    const markers = [...texts.values()].join('\n').split('\n').filter((line) => line.includes(`// scale-auth(${CODEMOD}):`));
    expect(markers.length).toBe(result.followUps.length);
  });

  it('is idempotent: its output is left as it is, with the same follow-ups', () => {
    const first = runOnTree(join(caseDir, 'input'), CODEMOD);
    const second = runOnTree(join(caseDir, 'output'), CODEMOD);
    expect(second.result.files.filter((file) => file.status !== 'unchanged')).toEqual([]);
    expect(second.result.followUps).toEqual(first.result.followUps);
  });

  it('writes output that parses', () => {
    for (const [path, text] of expected) expect(parseError(join(caseDir, 'output', path), text, caseDir), path).toBeUndefined();
  });
});

describe(`${CODEMOD} fixtures`, () => {
  it('cover at least a dozen cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  it('type-check with the real tsc (every output tree, strict)', () => {
    const tsc = join(import.meta.dirname, '../../node_modules/typescript/bin/tsc');
    const run = spawnSync(process.execPath, [tsc, '-p', join(fixturesRoot, 'tsconfig.json')], { encoding: 'utf8' });
    const errors = `${run.stdout}${run.stderr}`.split('\n').filter((line) => line.includes(`/${CODEMOD}/`) || line.includes('error'));
    expect(errors).toEqual([]);
    expect(run.status).toBe(0);
  });
});
