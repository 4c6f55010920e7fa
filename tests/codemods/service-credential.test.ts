import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectReports, parseError } from '../../src/codemod/collect-reports.js';
import { markerComment } from '../../src/codemod/markers.js';
import { fixtureCases, fixturesRoot, runOnTree, sourceFiles } from './fixture-cases.js';

const CODEMOD = 'service-credential';
const cases = fixtureCases(CODEMOD);
const root = join(import.meta.dirname, '../..');

/** A case's codemod options (`--option name=value`), from its `options.json` when it has one. */
function optionsOf(caseDir: string): Record<string, string> {
  const path = join(caseDir, 'options.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>) : {};
}

describe.each(cases)(`${CODEMOD}: %s`, (name) => {
  const caseDir = join(fixturesRoot, CODEMOD, name);
  const options = optionsOf(caseDir);
  const expected = new Map(sourceFiles(join(caseDir, 'output')).map((path) => [path, readFileSync(join(caseDir, 'output', path), 'utf8')]));

  it('turns input into output, file by file', () => {
    const { result, texts } = runOnTree(join(caseDir, 'input'), CODEMOD, options);
    expect(result.files.filter((file) => file.status === 'error')).toEqual([]);
    expect([...texts.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [path, text] of texts) expect(text, path).toBe(expected.get(path));
  });

  it('reports each follow-up at the marker it leaves in the code', () => {
    const { result, texts } = runOnTree(join(caseDir, 'input'), CODEMOD, options);
    for (const followUp of result.followUps) {
      const line = texts.get(followUp.path)?.split('\n')[followUp.line - 1];
      expect(line?.trim(), `${followUp.path}:${followUp.line}`).toBe(markerComment(CODEMOD, followUp.message));
    }
    const markers = [...texts.values()].join('\n').split('\n').filter((line) => line.includes(`// scale-auth(${CODEMOD}):`));
    expect(markers.length).toBe(result.followUps.length);
  });

  it('is idempotent: its output is left as it is, with the same follow-ups', () => {
    const first = runOnTree(join(caseDir, 'input'), CODEMOD, options);
    const second = runOnTree(join(caseDir, 'output'), CODEMOD, options);
    expect(second.result.files.filter((file) => file.status !== 'unchanged')).toEqual([]);
    expect(second.result.followUps).toEqual(first.result.followUps);
  });

  it('writes output that parses', () => {
    for (const [path, text] of expected) expect(parseError(join(caseDir, 'output', path), text, caseDir), path).toBeUndefined();
  });

  it('leaves the rule reporting only spots it marked', () => {
    for (const [path, text] of expected) {
      const outcome = collectReports('no-forwarded-authorization', join(caseDir, 'output', path), text, join(caseDir, 'output'));
      const reports = 'reports' in outcome ? outcome.reports : [];
      const lines = text.split('\n');
      for (const report of reports) expect(lines.slice(0, report.line - 1).some((line) => line.includes(`// scale-auth(${CODEMOD}):`)), `${path}:${report.line}`).toBe(true);
    }
  });
});

describe(`${CODEMOD} fixtures`, () => {
  it('cover at least eight cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
  });

  it('type-check with the real tsc (every output tree, strict)', () => {
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const run = spawnSync(process.execPath, [tsc, '-p', join(fixturesRoot, 'tsconfig.json')], { encoding: 'utf8' });
    const errors = `${run.stdout}${run.stderr}`.split('\n').filter((line) => line.includes(`/${CODEMOD}/`) || line.includes('error'));
    expect(errors).toEqual([]);
    expect(run.status).toBe(0);
  });

  it('takes the env var name for an unknown client from jscodeshift options', () => {
    const directory = mkdtempSync(join(tmpdir(), 'scale-auth-jscodeshift-'));
    try {
      cpSync(join(fixturesRoot, CODEMOD, 'unknown-client/input'), directory, { recursive: true });
      const jscodeshift = join(root, 'node_modules/jscodeshift/bin/jscodeshift.js');
      const transform = join(root, 'codemods/jscodeshift', `${CODEMOD}.cjs`);
      const run = spawnSync(process.execPath, [jscodeshift, '--no-babel', '--parser=tsx', '--extensions=ts', '-t', transform, '--serviceEnv=BILLING_API_TOKEN', '.'], { cwd: directory, encoding: 'utf8' });
      expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
      const billing = readFileSync(join(directory, 'billing.ts'), 'utf8');
      expect(billing).toContain('new BillingClient({ token: requireEnv("BILLING_API_TOKEN") })');
      expect(billing).not.toContain('scale-auth(service-credential)');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
