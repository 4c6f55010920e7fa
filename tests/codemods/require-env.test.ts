import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { collectReports } from '../../src/codemod/collect-reports.js';
import { migrate } from '../../src/codemod/engine.js';
import { requireEnvHelper } from '../../src/codemod/require-env.js';
import { codemods } from '../../src/codemod/registry.js';
import { detectStyle } from '../../src/codemod/code-style.js';
import { commitAll, removeProject, runCli, tempProject } from '../cli/run-cli.js';
import { fixtureCases, fixturesRoot, sourceFiles } from './fixture-cases.js';
import { fixtureSuite, outputReports } from './fixture-suite.js';

const CODEMOD = 'require-env';

fixtureSuite(CODEMOD, 8);

describe(`${CODEMOD}: outputs satisfy ${codemods[CODEMOD].rule}`, () => {
  it.each(fixtureCases(CODEMOD))('%s: the input has reports to work on', (name) => {
    const input = join(fixturesRoot, CODEMOD, name, 'input');
    const reports = sourceFiles(input).flatMap((path) => {
      const outcome = collectReports(codemods[CODEMOD].rule, join(input, path), readFileSync(join(input, path), 'utf8'), input);
      return 'reports' in outcome ? outcome.reports : [];
    });
    expect(reports.length).toBeGreaterThan(0);
  });

  it.each(fixtureCases(CODEMOD))('%s: reports are left only under a marker', (name) => {
    for (const { path, text, reports } of outputReports(CODEMOD, name)) {
      const lines = text.split('\n');
      const markedAbove = (line: number) => lines.slice(0, line - 1).reverse().find((above) => above.trim().startsWith('// scale-auth(')) ?? '';
      for (const report of reports) expect(markedAbove(report.line), `${path}:${report.line}`).toMatch(`// scale-auth(${CODEMOD}):`);
    }
  });
});

const SEARCH = 'export const search = (q: string) =>\n  fetch("https://api.tavily.com/search", { headers: { Authorization: `Bearer ${process.env.TAVILY_API_KEY ?? ""}` }, body: q });\n';

describe(`${CODEMOD} without cross-file edits (as a jscodeshift transform)`, () => {
  const transform = (path: string, text: string, options = {}) => {
    const outcome = collectReports(codemods[CODEMOD].rule, path, text, '/project');
    if ('parseError' in outcome) throw new Error(outcome.parseError);
    return codemods[CODEMOD].transform({ reported: [{ path, text, ...outcome }], importersOf: () => [], resolve: () => undefined, crossFile: false, cwd: '/project', options });
  };

  it('creates no module: the file gets the helper at its end', () => {
    const output = transform('/project/search.ts', SEARCH);
    expect(output.created).toBeUndefined();
    const helper = requireEnvHelper(detectStyle(SEARCH), true);
    expect(output.changed.get('/project/search.ts')).toBe(`${SEARCH.replace('process.env.TAVILY_API_KEY ?? ""', 'requireEnv("TAVILY_API_KEY")')}\n${helper}\n`);
  });

  it('imports a package or alias the user names, as written', () => {
    const output = transform('/project/search.ts', SEARCH, { requireEnvModule: '@acme/env' });
    expect(output.changed.get('/project/search.ts')).toBe(`import { requireEnv } from "@acme/env";\n\n${SEARCH.replace('process.env.TAVILY_API_KEY ?? ""', 'requireEnv("TAVILY_API_KEY")')}`);
  });
});

describe(`${CODEMOD} with a module the user names`, () => {
  const projects: string[] = [];
  afterEach(() => projects.splice(0).forEach(removeProject));

  it('fails the files, and leaves them as they were, when that module has no requireEnv', () => {
    const root = tempProject({ 'src/search.ts': SEARCH, 'src/env.ts': 'export const PORT = 3000;\n' });
    projects.push(root);
    const result = migrate({ cwd: root, files: [join(root, 'src/search.ts')], codemods: [CODEMOD], options: { requireEnvModule: join(root, 'src/env.ts') } });
    expect(result.files).toEqual([{ path: join(root, 'src/search.ts'), status: 'error', error: `require-env failed: ${join(root, 'src/env.ts')} does not define requireEnv`, before: SEARCH }]);
  });

  it('scale-auth migrate --require-env-module takes the path from the working directory', () => {
    const env = 'export function requireEnv(name: string): string {\n  const value = process.env[name];\n  if (!value) throw new Error(`${name} is missing`);\n  return value;\n}\n';
    const root = tempProject({ 'src/lib/search.ts': SEARCH, 'src/env.ts': env });
    projects.push(root);
    commitAll(root);
    const run = runCli(['migrate', 'src', '--codemod', CODEMOD, '--require-env-module', './src/env.ts'], root);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readFileSync(join(root, 'src/lib/search.ts'), 'utf8')).toBe(`import { requireEnv } from "../env.js";\n\n${SEARCH.replace('process.env.TAVILY_API_KEY ?? ""', 'requireEnv("TAVILY_API_KEY")')}`);
    expect(readFileSync(join(root, 'src/env.ts'), 'utf8')).toBe(env);
  });
});

describe(`${CODEMOD} as a jscodeshift transform`, () => {
  const projects: string[] = [];
  afterEach(() => projects.splice(0).forEach(removeProject));

  it('passes --requireEnvModule on, taken from the working directory', () => {
    const env = 'export function requireEnv(name: string): string {\n  return process.env[name] ?? "";\n}\n';
    const root = tempProject({ 'src/search.ts': SEARCH, 'src/env.ts': env });
    projects.push(root);
    const repository = join(import.meta.dirname, '../..');
    const run = spawnSync(process.execPath, [join(repository, 'node_modules/jscodeshift/bin/jscodeshift.js'), '--no-babel', '--parser=tsx', '--extensions=ts', '-t', join(repository, 'codemods/jscodeshift/require-env.cjs'), '--requireEnvModule=./src/env.ts', 'src'], { cwd: root, encoding: 'utf8' });
    expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
    expect(readFileSync(join(root, 'src/search.ts'), 'utf8')).toBe(`import { requireEnv } from "./env.js";\n\n${SEARCH.replace('process.env.TAVILY_API_KEY ?? ""', 'requireEnv("TAVILY_API_KEY")')}`);
  });
});
