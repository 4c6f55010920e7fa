import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { removeProject, tempProject } from '../temp-project.js';
import { REPO_ROOT } from './temp-project.js';

const TSC = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

const REPO_MODULES = join(REPO_ROOT, 'node_modules');

function tsconfig(preserveSymlinks: boolean): string {
  const compilerOptions = { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, types: [], preserveSymlinks };
  return JSON.stringify({ compilerOptions, include: ['eslint.config.ts'] }, null, 2);
}

/** The flat config a consumer writes; `configKey` lets the negative case misspell `recommended`. */
function eslintConfig(configKey: string): string {
  return [
    "import scaleAuth from 'eslint-plugin-scale-auth';",
    "import type { Linter } from 'eslint';",
    '',
    'export default [',
    `  scaleAuth.configs.${configKey},`,
    '  {',
    "    plugins: { 'scale-auth': scaleAuth },",
    "    rules: { 'scale-auth/no-module-scope-client': ['error', { allow: ['examples/**'] }] },",
    '  },',
    '] satisfies Linter.Config[];',
    '',
  ].join('\n');
}

/**
 * `linked`: node_modules/eslint-plugin-scale-auth → the repo root (as `npm install <path>` does), eslint → the
 * repo's ESLint 10; the package's own imports resolve from the repo.
 * `installed-eslint-9`: a flat node_modules like `npm install` makes next to ESLint 9: the package folder holds
 * package.json and dist/, every dependency sits beside it, and `eslint` is ESLint 9, so the package's
 * `import type ... from 'eslint'` sees ESLint 9's types (preserveSymlinks keeps resolution in this folder).
 */
type Layout = 'linked' | 'installed-eslint-9';

function linkNodeModules(root: string, layout: Layout): void {
  const modules = join(root, 'node_modules');
  mkdirSync(modules);
  if (layout === 'linked') {
    symlinkSync(REPO_ROOT, join(modules, 'eslint-plugin-scale-auth'), 'dir');
    symlinkSync(join(REPO_MODULES, 'eslint'), join(modules, 'eslint'), 'dir');
    return;
  }
  for (const name of readdirSync(REPO_MODULES)) {
    if (name !== 'eslint' && !name.startsWith('.')) symlinkSync(join(REPO_MODULES, name), join(modules, name), 'dir');
  }
  symlinkSync(join(REPO_MODULES, 'eslint-v9'), join(modules, 'eslint'), 'dir');
  const pkg = join(modules, 'eslint-plugin-scale-auth');
  mkdirSync(pkg);
  symlinkSync(join(REPO_ROOT, 'package.json'), join(pkg, 'package.json'), 'file');
  symlinkSync(join(REPO_ROOT, 'dist'), join(pkg, 'dist'), 'dir');
}

/** Writes a consumer folder in `layout`, then runs the repo's real `tsc -p` on it. */
function typeCheckConsumer(layout: Layout, configKey: string): { status: number | null; output: string } {
  const root = tempProject(
    {
      'package.json': JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
      'tsconfig.json': tsconfig(layout !== 'linked'),
      'eslint.config.ts': eslintConfig(configKey),
    },
    'scale-auth-consumer',
  );
  consumers.push(root);
  linkNodeModules(root, layout);
  const result = spawnSync(process.execPath, [TSC, '-p', join(root, 'tsconfig.json')], { cwd: root, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const consumers: string[] = [];

beforeAll(() => {
  if (!existsSync(join(REPO_ROOT, 'dist', 'src', 'index.d.ts'))) throw new Error('dist/src/index.d.ts is missing: run `npm run build` first');
});

afterEach(() => {
  for (const root of consumers.splice(0)) removeProject(root);
});

describe.each<Layout>(['linked', 'installed-eslint-9'])('a consumer eslint.config.ts (%s)', (layout) => {
  it('type-checks against the published types (strict, NodeNext, no skipLibCheck, satisfies Linter.Config[])', () => {
    const { status, output } = typeCheckConsumer(layout, 'recommended');
    expect(output).toBe('');
    expect(status).toBe(0);
  });

  it('fails type-checking when a config name is misspelled', () => {
    const { status, output } = typeCheckConsumer(layout, 'recomended');
    expect(status).not.toBe(0);
    expect(output).toMatch(/error TS\d+: Property 'recomended' does not exist/);
  });
});
