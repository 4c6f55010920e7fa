import { afterEach, describe, expect, it } from 'vitest';
import { deployment } from '../doctor/helpers.js';
import { removeProject, runCli, tempProject } from './run-cli.js';

let root = '';
afterEach(() => removeProject(root));

const workload = (name: string, command: string, env: string) =>
  deployment(name, `        - name: ${name}
          image: ghcr.io/acme/app:1
          command: ${command}
          env:
${env}`);

/** web and worker share the image; only web is given CREWAI_API_KEY, which only the worker reads. */
const PROJECT = {
  'src/server.ts': 'import OpenAI from "openai";\nexport const openai = new OpenAI();\n',
  'src/worker.ts': 'import { crew } from "./crew";\ncrew();\n',
  'src/crew.ts': 'export const crew = () => process.env.CREWAI_API_KEY;\n',
  'k8s/web.yaml': workload('web', '["node", "dist/server.js"]', '            - name: OPENAI_API_KEY\n              valueFrom: { secretKeyRef: { name: keys, key: openai } }\n            - name: CREWAI_API_KEY\n              value: "crew-secret-value"\n'),
  'k8s/worker.yaml': workload('worker', '["node", "dist/worker.js"]', '            - name: LOG_LEVEL\n              value: info\n'),
};

describe('scale-auth doctor', () => {
  it('prints a table per deployable with both places, and exits 1 on a missing credential', () => {
    root = tempProject(PROJECT);
    const run = runCli(['doctor'], root);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(
      [
        'Deployment/web  k8s/web.yaml:9',
        '  runs src/server.ts (command (k8s/web.yaml:11)); 1 module, 1 credential read',
        '  status  credential      read at  manifest',
        '  stale   CREWAI_API_KEY  -        k8s/web.yaml:15  injected, read by no code',
        '',
        'Deployment/worker  k8s/worker.yaml:9',
        '  runs src/worker.ts (command (k8s/worker.yaml:11)); 2 modules, 1 credential read',
        '  status   credential      read at           manifest',
        '  missing  CREWAI_API_KEY  src/crew.ts:1:39  k8s/worker.yaml:9  not injected',
        '',
        '2 deployables: 2 checked, 0 not checked; 1 missing, 0 near misses, 0 unverifiable, 1 stale; 0 errors',
        '',
      ].join('\n'),
    );
    expect(run.stdout).not.toContain('crew-secret-value');
  });

  it('writes JSON with the read, the manifest entry and the summary, never a value', () => {
    root = tempProject(PROJECT);
    const run = runCli(['doctor', '--format', 'json'], root);
    expect(run.status).toBe(1);
    const view = JSON.parse(run.stdout) as { deployables: { id: string; findings: unknown[] }[]; summary: unknown };
    expect(view.deployables.find((item) => item.id === 'Deployment/worker')?.findings).toEqual([
      { kind: 'missing', level: 'error', name: 'CREWAI_API_KEY', read: { file: 'src/crew.ts', line: 1, column: 39 }, reads: 1, manifest: { file: 'k8s/worker.yaml', line: 9 } },
    ]);
    expect(view.summary).toEqual({ deployables: 2, checked: 2, notChecked: 0, missing: 1, nearMiss: 0, unverifiable: 0, stale: 1, errors: 0 });
    expect(run.stdout).not.toContain('crew-secret-value');
  });

  it('writes SARIF with a rule per kind, the read as location and the manifest entry as related location', () => {
    root = tempProject(PROJECT);
    const run = runCli(['doctor', '-f', 'sarif'], root);
    expect(run.status).toBe(1);
    const sarif = JSON.parse(run.stdout) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: Record<string, unknown>[] }[] };
    const [log] = sarif.runs;
    expect(log?.tool.driver.rules.map((rule) => rule.id)).toEqual([
      'scale-auth/doctor/missing-credential', 'scale-auth/doctor/near-miss-credential', 'scale-auth/doctor/unverifiable-credential', 'scale-auth/doctor/stale-credential',
    ]);
    expect(log?.results).toEqual([
      expect.objectContaining({ ruleId: 'scale-auth/doctor/stale-credential', ruleIndex: 3, level: 'note', locations: [{ physicalLocation: { artifactLocation: { uri: 'k8s/web.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 15 } } }] }),
      expect.objectContaining({
        ruleId: 'scale-auth/doctor/missing-credential',
        ruleIndex: 0,
        level: 'error',
        message: { text: 'Deployment/worker reads CREWAI_API_KEY, which k8s/worker.yaml does not inject.' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'src/crew.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 39 } } }],
        relatedLocations: [expect.objectContaining({ physicalLocation: { artifactLocation: { uri: 'k8s/worker.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 9 } } })],
      }),
    ]);
  });

  it('exits 0 when every credential is injected, taking the project folder as an argument', () => {
    root = tempProject({ ...PROJECT, 'k8s/worker.yaml': workload('worker', '["node", "dist/worker.js"]', '            - name: CREWAI_API_KEY\n              value: x\n') });
    const run = runCli(['doctor', root], '/');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('ok: every credential the code reads is injected');
  });

  it('checks a deployable its manifest says nothing about once --entry names its entrypoint', () => {
    root = tempProject({ ...PROJECT, 'k8s/worker.yaml': workload('worker', '["/app/bin/run"]', '            - name: LOG_LEVEL\n              value: info\n') });
    const unknown = runCli(['doctor'], root);
    expect(unknown.stdout).toContain('  not checked: not a Node.js command: /app/bin/run\n  name its entrypoint with --entry worker=<file>');
    const named = runCli(['doctor', '--entry', 'worker=src/worker.ts'], root);
    expect(named.status).toBe(1);
    expect(named.stdout).toContain('runs src/worker.ts (--entry worker=src/worker.ts)');
  });

  it("takes entrypoints from the plugin's settings in the project's ESLint config", () => {
    root = tempProject({
      ...PROJECT,
      'k8s/worker.yaml': workload('worker', '["/app/bin/run"]', '            - name: LOG_LEVEL\n              value: info\n'),
      'eslint.config.mjs': 'export default [{ settings: { "scale-auth": { entrypoints: { worker: "src/worker.ts" } } } }];\n',
    });
    const run = runCli(['doctor'], root);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('runs src/worker.ts (settings entrypoints)');
  });

  it('warns and goes on without settings when the ESLint config does not load', () => {
    root = tempProject({ ...PROJECT, 'eslint.config.mjs': 'import missing from "eslint-plugin-not-installed";\nexport default [missing];\n' });
    const run = runCli(['doctor'], root);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^scale-auth: cannot read settings from the ESLint config: /);
    expect(run.stdout).toContain('missing  CREWAI_API_KEY');
  });

  it.each([
    [['doctor', '--format', 'stylish'], "unknown format 'stylish'"],
    [['doctor', '--entry', 'worker'], "--entry needs <deployable>=<file>, got 'worker'"],
    [['doctor', '--entry', 'worker=src/nope.ts'], '--entry worker=src/nope.ts: no such file'],
    [['doctor', '--entry', 'cron=src/worker.ts'], '--entry names no deployable: cron (found: web, worker)'],
    [['doctor', 'a', 'b'], 'doctor checks one project folder, got 2'],
    [['doctor', 'missing'], 'not a folder: missing'],
  ])('exits 2 on a usage error: %j', (args, message) => {
    root = tempProject(PROJECT);
    const run = runCli(args, root);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it('exits 1 when a file the deployable runs does not parse, naming it, and checks the rest', () => {
    root = tempProject({ ...PROJECT, 'src/crew.ts': 'export const crew = () => process.env.CREWAI_API_KEY;\nconst = ;\n' });
    const run = runCli(['doctor'], root);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/ {2}error: src\/crew\.ts does not parse, its env reads are unknown: Parsing error: .+ \(2:\d+\)\n/);
    expect(run.stdout).toContain('1 error\n');
  });

  it('says so when there are no manifests, and exits 0', () => {
    root = tempProject({ 'src/a.ts': 'process.env.OPENAI_API_KEY;\n' });
    const run = runCli(['doctor'], root);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('No deployment manifests found (Kubernetes, docker-compose, serverless.yml, fly.toml, render.yaml).\n');
  });
});
