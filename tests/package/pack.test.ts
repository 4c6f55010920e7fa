import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codemods } from '../../src/codemod/registry.js';

const root = join(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, string | Record<string, string>>;
  bin: Record<string, string>;
  types: string;
};

/** The files `npm pack` would publish (dist/ is built by `pretest`; scripts are skipped). */
function packedFiles(): string[] {
  const run = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  const [pack] = JSON.parse(run.stdout) as [{ files: { path: string }[] }];
  return pack.files.map((file) => file.path);
}

describe('npm pack', () => {
  const files = packedFiles();

  it('holds what a user needs: entry, types, bin, codemods and their jscodeshift transforms, docs, license', () => {
    const targets = [manifest.types, ...Object.values(manifest.bin), ...Object.values(manifest.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)))];
    for (const target of targets.filter((path) => !path.includes('*'))) expect(files).toContain(target.replace(/^\.\//, ''));
    for (const name of Object.keys(codemods)) {
      expect(files).toContain(`dist/codemods/${name}.js`);
      expect(files).toContain(`codemods/jscodeshift/${name}.cjs`);
      expect(files).toContain(`docs/codemods/${name}.md`);
    }
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE', 'dist/src/codemod/single-file.js']));
  });

  it('holds nothing else: no sources, tests, fixtures, examples or build info', () => {
    const unwanted = files.filter((path) => /^(src|rules|tests|examples|scripts|bench|\.ci)\//.test(path) || /(^|\/)(fixtures|__fixtures__)\//.test(path) || /\.tsbuildinfo$/.test(path) || (path.endsWith('.ts') && !path.endsWith('.d.ts')) || path.startsWith('dist/tests/'));
    expect(unwanted).toEqual([]);
  });
});
