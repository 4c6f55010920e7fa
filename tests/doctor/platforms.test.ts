import { afterEach, describe, expect, it } from 'vitest';
import { readManifests } from '../../src/doctor/manifests/read.js';
import { removeProject, tempProject } from '../cli/run-cli.js';
import { summary } from './helpers.js';

let root = '';
afterEach(() => removeProject(root));

describe('serverless.yml', () => {
  it('gives each function the provider environment and its own, and keeps the handler', () => {
    root = tempProject({
      'api/serverless.yml': `service: agent
provider:
  name: aws
  environment:
    OPENAI_API_KEY: \${ssm:/agent/openai}
functions:
  chat:
    handler: src/handlers/chat.handler
  ingest:
    handler: src/handlers/ingest.main
    environment:
      TAVILY_API_KEY: \${ssm:/agent/tavily}
`,
    });
    const manifests = readManifests(root);
    expect(manifests.deployables.map((deployable) => summary(deployable, root))).toEqual([
      { id: 'serverless/chat', injected: ['OPENAI_API_KEY@api/serverless.yml:5 provider.environment'], opaque: [] },
      { id: 'serverless/ingest', injected: ['OPENAI_API_KEY@api/serverless.yml:5 provider.environment', 'TAVILY_API_KEY@api/serverless.yml:12 functions.ingest.environment'], opaque: [] },
    ]);
    expect(manifests.deployables[1]?.start).toEqual({ handler: { argv: ['src/handlers/ingest.main'], at: { file: `${root}/api/serverless.yml`, line: 10 } }, root: `${root}/api` });
  });

  it('treats an environment loaded from a variable as opaque, and names serverless.ts as not checked', () => {
    root = tempProject({
      'serverless.yml': 'provider:\n  environment: ${file(./env.${opt:stage}.yml)}\nfunctions:\n  run:\n    handler: handler.run\n',
      'other/serverless.ts': 'export default {};\n',
    });
    const manifests = readManifests(root);
    expect(summary(manifests.deployables[0]!, root).opaque).toEqual(['serverless variable ${file(./env.${opt:stage}.yml)}@serverless.yml:2']);
    expect(manifests.skipped).toMatchObject([{ file: `${root}/other/serverless.ts`, severity: 'skipped' }]);
  });
});

describe('fly.toml', () => {
  it('makes one deployable per process with the [env] names, and fly secrets as an opaque source', () => {
    root = tempProject({ 'fly.toml': 'app = "agent"\n\n[build]\n  dockerfile = "Dockerfile"\n\n[env]\n  PORT = "8080"\n  LOG_LEVEL = "info"\n\n[processes]\n  web = "node dist/server.js"\n  worker = "node dist/worker.js"\n' });
    const manifests = readManifests(root);
    expect(manifests.deployables.map((deployable) => summary(deployable, root))).toEqual([
      { id: 'fly/agent/web', injected: ['PORT@fly.toml:7 [env]', 'LOG_LEVEL@fly.toml:8 [env]'], opaque: ['fly secrets (`fly secrets set`)@fly.toml:1'] },
      { id: 'fly/agent/worker', injected: ['PORT@fly.toml:7 [env]', 'LOG_LEVEL@fly.toml:8 [env]'], opaque: ['fly secrets (`fly secrets set`)@fly.toml:1'] },
    ]);
    expect(manifests.deployables[1]?.start).toMatchObject({ command: { argv: ['node', 'dist/worker.js'], at: { line: 12 } }, dockerfile: `${root}/Dockerfile` });
  });

  it('makes the app one deployable without [processes], and reports a TOML error with its line', () => {
    root = tempProject({ 'fly.toml': 'app = "solo"\n[experimental]\n  cmd = ["node", "server.js"]\n', 'staging/fly.staging.toml': 'app = "x"\n[env\n' });
    const manifests = readManifests(root);
    expect(manifests.deployables.map((deployable) => deployable.id)).toEqual(['fly/solo']);
    expect(manifests.deployables[0]?.start.command?.argv).toEqual(['node', 'server.js']);
    expect(manifests.skipped).toMatchObject([{ file: `${root}/staging/fly.staging.toml`, line: 2, severity: 'error', reason: expect.stringMatching(/^TOML error: /) }]);
  });
});

describe('render.yaml', () => {
  it('reads envVars (dashboard-set ones by name), resolves fromGroup in the file, and names a group it cannot see', () => {
    root = tempProject({
      'render.yaml': `services:
  - type: web
    name: api
    runtime: node
    rootDir: app
    startCommand: node dist/server.js
    envVars:
      - key: OPENAI_API_KEY
        sync: false
      - key: DATABASE_URL
        fromDatabase: { name: db, property: connectionString }
      - fromGroup: llm
  - type: worker
    name: jobs
    runtime: docker
    dockerfilePath: ./Dockerfile.worker
    envVars:
      - fromGroup: shared-in-dashboard
envVarGroups:
  - name: llm
    envVars:
      - key: CREWAI_API_KEY
        sync: false
`,
    });
    const manifests = readManifests(root);
    expect(manifests.deployables.map((deployable) => summary(deployable, root))).toEqual([
      {
        id: 'render/api',
        injected: ['OPENAI_API_KEY@render.yaml:8 envVars (set in the dashboard)', 'DATABASE_URL@render.yaml:10 envVars', 'CREWAI_API_KEY@render.yaml:12 env group llm (set in the dashboard)'],
        opaque: [],
      },
      { id: 'render/jobs', injected: [], opaque: ['env group shared-in-dashboard@render.yaml:18'] },
    ]);
    expect(manifests.deployables[0]?.start).toEqual({ command: { argv: ['node', 'dist/server.js'], at: { file: `${root}/render.yaml`, line: 6 } }, root: `${root}/app` });
    expect(manifests.deployables[1]?.start).toMatchObject({ dockerfile: `${root}/Dockerfile.worker` });
  });
});
