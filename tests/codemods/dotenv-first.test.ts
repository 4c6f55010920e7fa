import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectReports } from '../../src/codemod/collect-reports.js';
import { codemods } from '../../src/codemod/registry.js';
import { fixtureCases, fixturesRoot } from './fixture-cases.js';
import { expectedOutput, fixtureSuite } from './fixture-suite.js';

const CODEMOD = 'dotenv-first';

fixtureSuite(CODEMOD, 8);

describe(`${CODEMOD}: outputs satisfy ${codemods[CODEMOD].rule}`, () => {
  it.each(fixtureCases(CODEMOD))('%s: reports are left only under a marker', (name) => {
    const caseDir = join(fixturesRoot, CODEMOD, name);
    for (const [path, text] of expectedOutput(CODEMOD, name)) {
      const outcome = collectReports(codemods[CODEMOD].rule, join(caseDir, 'output', path), text, caseDir);
      if ('parseError' in outcome) throw new Error(`${path}: ${outcome.parseError}`);
      const lines = text.split('\n');
      for (const report of outcome.reports) expect(lines[report.line - 2]?.trim() ?? '', `${path}:${report.line}`).toMatch(`// scale-auth(${CODEMOD}):`);
    }
  });
});
