import { afterEach, describe, expect, it } from 'vitest';
import { commandTargets } from '../../src/doctor/command-entry.js';
import { removeProject, tempProject } from '../cli/run-cli.js';

let root = '';
afterEach(() => removeProject(root));

const paths = (argv: string[]) => commandTargets(argv, root).map((target) => (target.script ? `${target.path} (${target.script})` : target.path));

describe('commandTargets', () => {
  it('finds the file of node and the usual runners, skipping flags and their values', () => {
    root = tempProject({});
    expect(paths(['node', 'dist/server.js'])).toEqual(['dist/server.js']);
    expect(paths(['node', '--enable-source-maps', '-r', 'dotenv/config', '--import=tsx', '/app/dist/worker.js', '--port', '3000'])).toEqual(['/app/dist/worker.js']);
    expect(paths(['/usr/local/bin/node', 'server.mjs'])).toEqual(['server.mjs']);
    expect(paths(['tsx', 'watch', 'src/index.ts'])).toEqual(['src/index.ts']);
    expect(paths(['npx', '--yes', 'tsx', 'src/jobs/worker.ts'])).toEqual(['src/jobs/worker.ts']);
    expect(paths(['bun', 'run', 'src/index.ts'])).toEqual(['src/index.ts']);
    expect(paths(['deno', 'run', '--allow-env', '--allow-net', 'main.ts'])).toEqual(['main.ts']);
    expect(paths(['pm2-runtime', 'start', 'dist/app.js', '-i', 'max'])).toEqual(['dist/app.js']);
    expect(paths(['node', '-e', 'require("./x")'])).toEqual([]);
  });

  it('looks through wrappers, assignments and shell lines, skipping parts that are not Node.js', () => {
    root = tempProject({});
    expect(paths(['tini', '--', 'node', 'dist/main.js'])).toEqual(['dist/main.js']);
    expect(paths(['/bin/sh', '-c', 'npx prisma migrate deploy && NODE_ENV=production exec node dist/server.js'])).toEqual(['dist/server.js']);
    expect(paths(['bash', '-ec', 'node dist/a.js & node dist/b.js; wait'])).toEqual(['dist/a.js', 'dist/b.js']);
    expect(paths(['python', 'worker.py'])).toEqual([]);
  });

  it('follows package.json scripts through npm, yarn, pnpm and bun, and npm start without a script', () => {
    root = tempProject({ 'package.json': JSON.stringify({ scripts: { start: 'node dist/server/main.js', worker: 'npm run build && node --env-file=.env dist/jobs/worker.js', 'dev:all': 'tsx src/a.ts' } }) });
    expect(paths(['npm', 'start'])).toEqual(['dist/server/main.js (package.json script "start")']);
    expect(paths(['npm', 'run', 'worker'])).toEqual(['dist/jobs/worker.js (package.json script "worker")']);
    expect(paths(['yarn', 'worker'])).toEqual(['dist/jobs/worker.js (package.json script "worker")']);
    expect(paths(['pnpm', 'run', 'dev:all'])).toEqual(['src/a.ts (package.json script "dev:all")']);
    expect(paths(['bun', 'run', 'worker'])).toEqual(['dist/jobs/worker.js (package.json script "worker")']);
    expect(paths(['npm', 'run', 'missing'])).toEqual([]);
    removeProject(root);
    root = tempProject({ 'package.json': '{}' });
    expect(paths(['npm', 'start'])).toEqual(['server.js (package.json script "start")']);
  });
});
