import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DoctorView } from '../../src/doctor/report-json.js';
import { runCli } from './run-cli.js';

const FIXTURES = join(import.meta.dirname, '..', 'doctor', 'fixtures');

/** The fixture repositories hold values in Secrets and env files on purpose: none may ever be printed. */
const VALUE = /never-printed/;

/** `doctor` in a fixture repository: text and JSON output, both checked for leaked values. */
function doctor(fixture: string, args: string[] = []) {
  const cwd = join(FIXTURES, fixture);
  const text = runCli(['doctor', ...args], cwd);
  const json = runCli(['doctor', '--format', 'json', ...args], cwd);
  const sarif = runCli(['doctor', '--format', 'sarif', ...args], cwd);
  for (const run of [text, json, sarif]) expect(run.stdout + run.stderr).not.toMatch(VALUE);
  expect(json.status).toBe(text.status);
  expect(sarif.status).toBe(text.status);
  return { status: text.status, text: text.stdout, stderr: text.stderr, view: JSON.parse(json.stdout) as DoctorView };
}

/** Each finding as `deployable kind name read → manifest (extra)`. */
function findings(view: DoctorView): string[] {
  return view.deployables.flatMap((item) =>
    item.findings.map((finding) => {
      const read = finding.read ? `${finding.read.file}:${finding.read.line}` : '-';
      const extra = finding.injected ?? finding.sources?.join(', ') ?? finding.readBy ?? '';
      return `${item.id} ${finding.kind} ${finding.alternatives?.join('|') ?? finding.name} ${read} → ${finding.manifest.file}:${finding.manifest.line}${extra ? ` (${extra})` : ''}`;
    }),
  );
}

describe('scale-auth doctor on fixture repositories', () => {
  it("k8s web + worker: only the web Deployment gets CREWAI_API_KEY, which only the worker's code reads (the seeds' case)", () => {
    const { status, text, view } = doctor('k8s-web-worker');
    expect(status).toBe(1);
    expect(view.deployables.map((item) => `${item.id}: ${item.entry.files.join(', ')} via ${item.entry.origin}`)).toEqual([
      'CronJob/nightly: src/jobs/nightly.ts via command (k8s/nightly.yaml:15)',
      'Deployment/web: src/server/main.ts via Dockerfile (Dockerfile:10) → package.json script "start"',
      'Deployment/worker: src/jobs/worker.ts via command (k8s/worker.yaml:13) → package.json script "worker"',
    ]);
    expect(findings(view)).toEqual([
      'CronJob/nightly unverifiable TAVILY_API_KEY src/tools/search.ts:4 → k8s/nightly.yaml:19 (secret tavily-credentials)',
      'Deployment/web stale CREWAI_API_KEY - → k8s/web.yaml:16',
      'Deployment/web stale GROQ_API_KEY - → k8s/web.yaml:23',
      'Deployment/worker missing CREWAI_API_KEY src/crew/client.ts:4 → k8s/worker.yaml:11',
      'Deployment/worker stale OPENAI_API_KEY - → k8s/worker.yaml:19',
      'Deployment/worker stale GROQ_API_KEY - → k8s/worker.yaml:19',
    ]);
    expect(text).toContain('  missing  CREWAI_API_KEY  src/crew/client.ts:4:53  k8s/worker.yaml:11  not injected\n');
    expect(text).toContain('provided by secret tavily-credentials, not verifiable here');
  });

  it('docker-compose: env_file names (and .env.example for an uncommitted .env), a near miss, a pulled image not checked', () => {
    const { status, text, view } = doctor('compose-env-file');
    expect(status).toBe(1);
    expect(findings(view)).toEqual([
      'compose/web stale CREWAI_API_KEY - → docker-compose.yml:12',
      'compose/worker near-miss CREWAI_API_KEY src/crew.ts:1 → docker-compose.yml:20 (CREW_AI_KEY)',
      'compose/worker stale OPENAI_API_KEY - → docker-compose.yml:20',
    ]);
    expect(view.deployables.find((item) => item.id === 'compose/redis')?.entry).toMatchObject({ files: [], problem: 'image redis:7-alpine is not built from this repository', external: true });
    expect(text).toContain('near miss  CREWAI_API_KEY  src/crew.ts:1:42  docker-compose.yml:20  injects CREW_AI_KEY instead');
  });

  it('serverless.yml: provider and function environment per handler; an SDK client built without a key needs its env var', () => {
    const { status, view } = doctor('serverless');
    expect(status).toBe(1);
    expect(view.deployables.map((item) => `${item.id} ${item.entry.files.join(', ')} ${item.checked}`)).toEqual([
      'serverless/chat src/handlers/chat.ts 1',
      'serverless/ingest src/handlers/ingest.ts 2',
      'serverless/summarize src/handlers/summarize.ts 1',
    ]);
    expect(findings(view)).toEqual([
      'serverless/summarize missing ANTHROPIC_API_KEY src/handlers/summarize.ts:5 → serverless.yml:21 (Anthropic SDK client built without a key)',
      'serverless/summarize stale OPENAI_API_KEY - → serverless.yml:8',
    ]);
  });

  it('a Helm chart is named as not checked, without a crash or a failure', () => {
    const { status, text, view } = doctor('helm-chart');
    expect(status).toBe(0);
    expect(view.notChecked).toEqual([
      { file: 'charts/agent', reason: 'Helm chart: templates are not checked (check the output of `helm template` instead)', severity: 'skipped' },
    ]);
    expect(text).toBe(
      'Not checked:\n  charts/agent  Helm chart: templates are not checked (check the output of `helm template` instead)\n\nNo deployables found; 1 file not checked.\n',
    );
  });

  it('a Helm chart rendered with `helm template` is checked when passed with --manifests', () => {
    const { status, view } = doctor('helm-chart', ['--manifests', 'rendered/*.out', '--entry', 'agent-worker=src/worker.ts']);
    expect(status).toBe(1);
    expect(findings(view)).toEqual(['Deployment/agent-worker missing CREWAI_API_KEY src/worker.ts:1 → rendered/manifest.out:12']);
  });

  it('malformed YAML is a clear error with its file and line; the other manifests are still checked', () => {
    const { status, text, view } = doctor('malformed-yaml');
    expect(status).toBe(1);
    expect(view.notChecked).toEqual([
      { file: 'k8s/worker.yaml', line: 11, reason: 'YAML error: Flow sequence in block collection must be sufficiently indented and end with a ]', severity: 'error' },
    ]);
    expect(view.deployables.map((item) => item.id)).toEqual(['Deployment/web']);
    expect(text).toContain('Errors:\n  k8s/worker.yaml:11  YAML error: Flow sequence in block collection must be sufficiently indented and end with a ]\n');
    expect(view.summary.errors).toBe(1);
  });

  it('fly.toml: a deployable per process; credentials are fly secrets, not verifiable here', () => {
    const { status, view } = doctor('fly');
    expect(status).toBe(0);
    expect(findings(view)).toEqual([
      'fly/agent-fly/app unverifiable OPENAI_API_KEY src/server.js:3 → fly.toml:1 (fly secrets (`fly secrets set`))',
      'fly/agent-fly/worker unverifiable CREWAI_API_KEY src/worker.js:1 → fly.toml:1 (fly secrets (`fly secrets set`))',
    ]);
  });

  it('render.yaml: env groups resolved in the Blueprint; the worker without the group misses its key', () => {
    const { status, view } = doctor('render');
    expect(status).toBe(1);
    expect(findings(view)).toEqual(['render/api stale CREWAI_API_KEY - → render.yaml:8', 'render/jobs missing CREWAI_API_KEY src/jobs.js:3 → render.yaml:13']);
  });
});
