import { afterEach, describe, expect, it } from 'vitest';
import { readManifests } from '../../src/doctor/manifests/read.js';
import { removeProject, tempProject } from '../cli/run-cli.js';
import { summary } from './helpers.js';

let root = '';
afterEach(() => removeProject(root));

describe('docker-compose files', () => {
  it('reads environment as a list and as a map (merge keys included), and env_file names without their values', () => {
    root = tempProject({
      'docker-compose.yml': `x-llm: &llm
  OPENAI_API_KEY: \${OPENAI_API_KEY}
services:
  web:
    build: .
    command: node dist/server.js
    environment:
      <<: *llm
      PORT: 3000
  worker:
    build:
      context: ./worker
      dockerfile: Dockerfile.prod
      target: runtime
    command: ["node", "dist/worker.js"]
    env_file:
      - .env.worker
    environment:
      - REDIS_URL=redis://redis:6379
      - CREWAI_API_KEY
  redis:
    image: redis:7
`,
      '.env.worker': '# worker settings\nexport CREW_AI_KEY="sk-never-printed"\nTAVILY_API_KEY=tvly-secret\n',
    });
    const manifests = readManifests(root);
    expect(manifests.deployables.map((deployable) => summary(deployable, root))).toEqual([
      { id: 'compose/web', injected: ['OPENAI_API_KEY@docker-compose.yml:2 environment', 'PORT@docker-compose.yml:9 environment'], opaque: [] },
      {
        id: 'compose/worker',
        injected: [
          'REDIS_URL@docker-compose.yml:19 environment',
          'CREWAI_API_KEY@docker-compose.yml:20 environment (from the shell)',
          'CREW_AI_KEY@docker-compose.yml:17 env_file .env.worker',
          'TAVILY_API_KEY@docker-compose.yml:17 env_file .env.worker',
        ],
        opaque: [],
      },
      { id: 'compose/redis', injected: [], opaque: [] },
    ]);
    expect(manifests.deployables[0]?.start).toMatchObject({ command: { argv: ['node', 'dist/server.js'], at: { line: 6 } }, dockerfile: `${root}/Dockerfile`, root });
    expect(manifests.deployables[1]?.start).toMatchObject({ command: { argv: ['node', 'dist/worker.js'] }, dockerfile: `${root}/worker/Dockerfile.prod`, target: 'runtime', root: `${root}/worker` });
    expect(manifests.deployables[2]?.start).toEqual({ image: 'redis:7', root });
    expect(JSON.stringify(manifests)).not.toMatch(/never-printed|tvly-secret|redis:\/\/redis/);
  });

  it('stands in .env.example for an env_file kept out of git; a missing required env_file is opaque, an optional one is nothing', () => {
    root = tempProject({
      'compose.yaml': 'services:\n  web:\n    image: app\n    env_file: .env\n  worker:\n    image: app\n    env_file:\n      - path: ./secrets/worker.env\n      - path: ./local.env\n        required: false\n',
      '.env.example': 'OPENAI_API_KEY=\nCREWAI_API_KEY=\n',
    });
    expect(readManifests(root).deployables.map((deployable) => summary(deployable, root))).toEqual([
      { id: 'compose/web', injected: ['OPENAI_API_KEY@compose.yaml:4 env_file .env (declared by .env.example)', 'CREWAI_API_KEY@compose.yaml:4 env_file .env (declared by .env.example)'], opaque: [] },
      { id: 'compose/worker', injected: [], opaque: ['env_file ./secrets/worker.env (not in the repository)@compose.yaml:8'] },
    ]);
  });

  it('splits a string command and entrypoint the way a shell would', () => {
    root = tempProject({ 'docker-compose.override.yml': 'services:\n  worker:\n    image: app\n    entrypoint: sh -c\n    command: "npm run worker -- --queue \'scale agent\'"\n' });
    expect(readManifests(root).deployables[0]?.start).toMatchObject({
      entrypoint: { argv: ['sh', '-c'] },
      command: { argv: ['npm', 'run', 'worker', '--', '--queue', 'scale agent'] },
    });
  });
});
