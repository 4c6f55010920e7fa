import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface PackageJson {
  name: string;
  version: string;
}

/** Finds the package's own package.json from both `src/` (tests) and `dist/src/` (published). */
function readOwnPackageJson(): PackageJson {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
      if (pkg.name === 'eslint-plugin-scale-auth') return pkg;
    } catch {
      // not here: keep walking up
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('eslint-plugin-scale-auth: cannot find its own package.json');
    dir = parent;
  }
}

export const packageJson = readOwnPackageJson();
export const PLUGIN_NAME = packageJson.name;
export const PLUGIN_VERSION = packageJson.version;
export const PLUGIN_NAMESPACE = 'scale-auth';
export const REPOSITORY_URL = 'https://github.com/scale-auth/eslint-plugin-scale-auth';
