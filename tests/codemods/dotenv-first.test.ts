import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectReports } from '../../src/codemod/collect-reports.js';
import { markerComment } from '../../src/codemod/markers.js';
import { codemods } from '../../src/codemod/registry.js';
import { fixtureCases, fixturesRoot } from './fixture-cases.js';
import { fixtureSuite, outputReports } from './fixture-suite.js';

const CODEMOD = 'dotenv-first';

fixtureSuite(CODEMOD, 8);

describe(`${CODEMOD}: outputs satisfy ${codemods[CODEMOD].rule}`, () => {
  it.each(fixtureCases(CODEMOD))('%s: reports are left only under a marker', (name) => {
    for (const { path, text, reports } of outputReports(CODEMOD, name)) {
      const lines = text.split('\n');
      for (const report of reports) expect(lines[report.line - 2]?.trim() ?? '', `${path}:${report.line}`).toMatch(`// scale-auth(${CODEMOD}):`);
    }
  });
});

describe(`${CODEMOD} without cross-file edits (as a jscodeshift transform)`, () => {
  it('creates no module: a call with options gets a marker instead', () => {
    const caseDir = join(fixturesRoot, CODEMOD, 'options-load-env', 'input');
    const path = join(caseDir, 'index.ts');
    const text = readFileSync(path, 'utf8');
    const outcome = collectReports(codemods[CODEMOD].rule, path, text, caseDir);
    if ('parseError' in outcome) throw new Error(outcome.parseError);
    const output = codemods[CODEMOD].transform({ reported: [{ path, text, ...outcome }], importersOf: () => [], resolve: () => undefined, crossFile: false, cwd: caseDir });
    expect(output.created).toBeUndefined();
    const marker = markerComment(CODEMOD, 'keep these options in a module imported first (a load-env file with this call), then remove the call');
    expect(output.changed.get(path)).toBe(text.replace('config({', `${marker}\nconfig({`));
  });
});
