import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectReports, parseError } from '../../src/codemod/collect-reports.js';
import { markerComment } from '../../src/codemod/markers.js';
import { codemods, type CodemodName } from '../../src/codemod/registry.js';
import type { RuleReport } from '../../src/codemod/types.js';
import { fixtureCases, fixturesRoot, runOnTree, sourceFiles } from './fixture-cases.js';

/** Expected output trees of one codemod's cases: relative path → text. */
export function expectedOutput(codemod: string, name: string): Map<string, string> {
  const output = join(fixturesRoot, codemod, name, 'output');
  return new Map(sourceFiles(output).map((path) => [path, readFileSync(join(output, path), 'utf8')]));
}

/** Each committed output file of a case, with the reports the codemod's paired rule still makes on it. */
export function outputReports(codemod: CodemodName, name: string): { path: string; text: string; reports: RuleReport[] }[] {
  const caseDir = join(fixturesRoot, codemod, name);
  return [...expectedOutput(codemod, name)].map(([path, text]) => {
    const outcome = collectReports(codemods[codemod].rule, join(caseDir, 'output', path), text, caseDir);
    if ('parseError' in outcome) throw new Error(`${path}: ${outcome.parseError}`);
    return { path, text, reports: outcome.reports };
  });
}

/** A case's codemod options (`--option name=value`), from its `options.json` when it has one. */
export function caseOptions(caseDir: string): Record<string, string> {
  const path = join(caseDir, 'options.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>) : {};
}

/** The checks every codemod's fixtures pass: input → output, follow-ups, idempotence, parse, tsc. */
export function fixtureSuite(codemod: string, minimumCases: number): void {
  const cases = fixtureCases(codemod);

  describe.each(cases)(`${codemod}: %s`, (name) => {
    const caseDir = join(fixturesRoot, codemod, name);
    const expected = expectedOutput(codemod, name);
    const options = caseOptions(caseDir);

    it('turns input into output, file by file', () => {
      const { result, texts } = runOnTree(join(caseDir, 'input'), codemod, options);
      expect(result.files.filter((file) => file.status === 'error')).toEqual([]);
      expect([...texts.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [path, text] of texts) expect(text, path).toBe(expected.get(path));
    });

    it('reports each follow-up at the marker it leaves in the code', () => {
      const { result, texts } = runOnTree(join(caseDir, 'input'), codemod, options);
      for (const followUp of result.followUps) {
        const line = texts.get(followUp.path)?.split('\n')[followUp.line - 1];
        expect(line?.trim(), `${followUp.path}:${followUp.line}`).toBe(markerComment(codemod, followUp.message));
      }
      // Every marker in the committed output is listed, at its line (follow-ups in other files, such as env files, aside).
      const markedLines = [...expected].flatMap(([path, text]) => text.split('\n').flatMap((line, index) => (line.includes(`// scale-auth(${codemod}):`) ? [`${path}:${index + 1}`] : [])));
      const listed = result.followUps.filter((followUp) => expected.has(followUp.path)).map((followUp) => `${followUp.path}:${followUp.line}`);
      expect(listed.sort()).toEqual(markedLines.sort());
    });

    it('is idempotent: its output is left as it is, with the same follow-ups', () => {
      const first = runOnTree(join(caseDir, 'input'), codemod, options);
      const second = runOnTree(join(caseDir, 'output'), codemod, options);
      expect(second.result.files.filter((file) => file.status !== 'unchanged')).toEqual([]);
      expect(second.result.followUps).toEqual(first.result.followUps);
    });

    it('writes output that parses', () => {
      for (const [path, text] of expected) expect(parseError(join(caseDir, 'output', path), text, caseDir), path).toBeUndefined();
    });
  });

  describe(`${codemod} fixtures`, () => {
    it(`cover at least ${minimumCases} cases`, () => {
      expect(cases.length).toBeGreaterThanOrEqual(minimumCases);
    });

    it('type-check with the real tsc (every output tree, strict)', () => {
      const tsc = join(import.meta.dirname, '../../node_modules/typescript/bin/tsc');
      const run = spawnSync(process.execPath, [tsc, '-p', join(fixturesRoot, 'tsconfig.json')], { encoding: 'utf8' });
      const errors = `${run.stdout}${run.stderr}`.split('\n').filter((line) => line.includes(`/${codemod}/`) || line.includes('error'));
      expect(errors).toEqual([]);
      expect(run.status).toBe(0);
    });
  });
}
