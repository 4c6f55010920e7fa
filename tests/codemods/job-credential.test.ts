import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectReports } from '../../src/codemod/collect-reports.js';
import { markerComment } from '../../src/codemod/markers.js';
import { codemods } from '../../src/codemod/registry.js';
import { fixtureCases, fixturesRoot } from './fixture-cases.js';
import { fixtureSuite, outputReports } from './fixture-suite.js';

const CODEMOD = 'job-credential';

fixtureSuite(CODEMOD, 8);

describe(`${CODEMOD}: outputs satisfy ${codemods[CODEMOD].rule}`, () => {
  it.each(fixtureCases(CODEMOD))('%s: a token is left in a payload only under a marker on its enqueue call', (name) => {
    for (const { path, text, reports } of outputReports(CODEMOD, name)) {
      const lines = text.split('\n');
      for (const report of reports) {
        const sinkLine = text.slice(0, Number(report.data.sink?.split(':')[0])).split('\n').length;
        expect(lines[sinkLine - 2]?.trim() ?? '', `${path}:${report.line}`).toMatch(`// scale-auth(${CODEMOD}):`);
      }
    }
  });
});

describe(`${CODEMOD} without cross-file edits (as a jscodeshift transform)`, () => {
  it('removes the token from the producer and lists the consumer it cannot see as a follow-up', () => {
    const path = join(fixturesRoot, CODEMOD, 'bullmq-crew-client', 'input', 'src', 'jobs', 'producer.ts');
    const text = readFileSync(path, 'utf8');
    const outcome = collectReports(codemods[CODEMOD].rule, path, text, join(fixturesRoot, CODEMOD));
    if ('parseError' in outcome) throw new Error(outcome.parseError);
    const output = codemods[CODEMOD].transform({ reported: [{ path, text, ...outcome }], importersOf: () => [], resolve: () => undefined, crossFile: false, cwd: join(fixturesRoot, CODEMOD) });
    const marker = markerComment(CODEMOD, 'no BullMQ consumer of "scale-agent" found in this file: where the job runs, use a service credential (requireEnv) instead of its `apiKey`');
    expect(output.changed.get(path)).toBe(text.replace('    apiKey: sessionToken,\n', '').replace('  await scaleQueue.add(', `  ${marker}\n  await scaleQueue.add(`));
  });
});
