import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';

// The demo is the end-to-end check of the main job: check, migrate --dry, migrate, re-check, tsc.
it('npm run demo passes on the bundled example app', () => {
  const root = join(import.meta.dirname, '..');
  const run = spawnSync(process.execPath, [join(root, 'scripts/demo.js'), '--quiet'], { cwd: root, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
});
