import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveEntry, type EntryOptions } from '../../src/doctor/entrypoints.js';
import { readManifests } from '../../src/doctor/manifests/read.js';
import { sourceFileFor } from '../../src/doctor/source-path.js';
import { removeProject, tempProject } from '../cli/run-cli.js';

let root = '';
afterEach(() => removeProject(root));

const rel = (file: string | undefined) => file?.slice(root.length + 1);

describe('sourceFileFor', () => {
  it('maps built output back to its source through the tsconfig outDir/rootDir, or dist → src without one', () => {
    root = tempProject({
      'tsconfig.json': '{ "compilerOptions": { "outDir": "build/out", "rootDir": "app" } }',
      'app/server.ts': '',
      'worker/src/jobs/worker.ts': '',
      'tools/index.js': '',
      'lib/pkg/package.json': '{ "main": "main.js" }',
      'lib/pkg/main.mjs': '',
    });
    expect(rel(sourceFileFor('build/out/server.js', { root }))).toBe('app/server.ts');
    expect(rel(sourceFileFor('dist/jobs/worker.js', { root: join(root, 'worker') }))).toBe('worker/src/jobs/worker.ts');
    expect(rel(sourceFileFor('tools', { root }))).toBe('tools/index.js');
    expect(rel(sourceFileFor('app/server', { root }))).toBe('app/server.ts');
    expect(sourceFileFor('dist/missing.js', { root })).toBeUndefined();
  });

  it('maps container paths: below the WORKDIR, or by the longest suffix that exists', () => {
    root = tempProject({ 'src/jobs/worker.ts': '' });
    expect(rel(sourceFileFor('/srv/app/dist/jobs/worker.js', { root, workingDir: '/srv/app/' }))).toBe('src/jobs/worker.ts');
    expect(rel(sourceFileFor('/home/node/app/dist/jobs/worker.js', { root }))).toBe('src/jobs/worker.ts');
  });
});

describe('resolveEntry', () => {
  const options = (extra: Partial<EntryOptions> = {}): EntryOptions => ({ dockerfiles: readManifests(root).dockerfiles, overrides: new Map(), ...extra });
  const entryOf = (id: string, extra: Partial<EntryOptions> = {}) => {
    const deployable = readManifests(root).deployables.find((candidate) => candidate.id === id);
    if (!deployable) throw new Error(`no ${id}`);
    const entry = resolveEntry(deployable, options(extra));
    const origin = [`${entry.via}${entry.at ? ` (${rel(entry.at.file)}:${entry.at.line})` : ''}`, ...entry.scripts].join(' → ');
    return { files: entry.files.map(rel), origin, imageEnv: entry.imageEnv.map((injection) => injection.name), problem: entry.problem };
  };

  it('combines the manifest command with the Dockerfile its image is matched to, and takes the image ENV names', () => {
    root = tempProject({
      'Dockerfile': 'FROM node:20\nWORKDIR /app\nENV NODE_ENV=production\nCOPY . .\nCMD ["node", "dist/server/main.js"]\n',
      'package.json': JSON.stringify({ name: '@acme/agent-app', scripts: { worker: 'node dist/jobs/worker.js' } }),
      'src/server/main.ts': '',
      'src/jobs/worker.ts': '',
      'k8s/app.yaml': [
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  template:\n    spec:\n      containers: [{ name: web, image: "ghcr.io/acme/agent-app:1.4" }]\n',
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: worker }\nspec:\n  template:\n    spec:\n      containers:\n        - name: worker\n          image: ghcr.io/acme/agent-app:1.4\n          args: ["npm", "run", "worker"]\n',
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: cache }\nspec:\n  template:\n    spec:\n      containers: [{ name: redis, image: "redis:7" }]\n',
      ].join('---\n'),
    });
    expect(entryOf('Deployment/web')).toMatchObject({ files: ['src/server/main.ts'], origin: 'Dockerfile (Dockerfile:5)', imageEnv: ['NODE_ENV'] });
    expect(entryOf('Deployment/worker')).toMatchObject({ files: ['src/jobs/worker.ts'], origin: 'command (k8s/app.yaml:18) → package.json script "worker"' });
    expect(entryOf('Deployment/cache')).toMatchObject({ files: [], problem: 'image redis:7 is not built from this repository' });
  });

  it('reads a compose build context, a serverless handler, npm start, and says why when it finds nothing', () => {
    root = tempProject({
      'docker-compose.yml': 'services:\n  worker:\n    build: ./services/worker\n  py:\n    build: ./py\n  web:\n    image: web\n    command: node dist/missing.js\n',
      'services/worker/Dockerfile': 'FROM node:20\nCMD npm start\n',
      'services/worker/package.json': JSON.stringify({ scripts: { start: 'tsx src/index.ts' } }),
      'services/worker/src/index.ts': '',
      'py/Dockerfile': 'FROM python:3\nCMD ["python", "app.py"]\n',
      'fn/serverless.yml': 'functions:\n  chat:\n    handler: handlers/chat.handler\n',
      'fn/handlers/chat.ts': '',
    });
    expect(entryOf('compose/worker')).toMatchObject({ files: ['services/worker/src/index.ts'], origin: 'Dockerfile (services/worker/Dockerfile:2) → package.json script "start"' });
    expect(entryOf('compose/py')).toMatchObject({ files: [], problem: 'not a Node.js command: python app.py' });
    expect(entryOf('compose/web')).toMatchObject({ files: [], problem: 'no source file in the repository for dist/missing.js' });
    expect(entryOf('serverless/chat')).toMatchObject({ files: ['fn/handlers/chat.ts'], origin: 'handler (fn/serverless.yml:3)' });
  });

  it('looks up Kubernetes container paths from the package the manifest belongs to in a monorepo', () => {
    root = tempProject({
      'package.json': '{ "private": true, "workspaces": ["apps/*"] }',
      'apps/worker/package.json': '{ "name": "worker" }',
      'apps/worker/src/index.ts': '',
      'apps/worker/deploy/k8s.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: worker }\nspec:\n  template:\n    spec:\n      containers: [{ name: w, image: "x", command: ["node", "dist/index.js"] }]\n',
    });
    expect(entryOf('Deployment/worker')).toMatchObject({ files: ['apps/worker/src/index.ts'] });
  });

  it('prefers an override by name or id', () => {
    root = tempProject({ 'compose.yaml': 'services:\n  worker:\n    image: x\n', 'src/w.ts': '' });
    const overrides = new Map([['worker', { files: [join(root, 'src/w.ts')], via: '--entry worker=src/w.ts' }]]);
    expect(entryOf('compose/worker', { overrides })).toMatchObject({ files: ['src/w.ts'], origin: '--entry worker=src/w.ts' });
  });
});
