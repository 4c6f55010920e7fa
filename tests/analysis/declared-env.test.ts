import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { declaredEnvCacheKey } from '../../src/analysis/declared-env-key.js';
import { declaredEnvNames } from '../../src/analysis/declared-env.js';
import { envFileKeys } from '../../src/analysis/env-file.js';

const temporary: string[] = [];
afterEach(() => {
  vi.useRealTimers();
  temporary.splice(0).forEach((directory) => rmSync(directory, { recursive: true, force: true }));
});

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'scale-auth-declared-'));
  temporary.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('envFileKeys', () => {
  it('reads names from any content and never keeps a value', () => {
    const text = [
      '\uFEFF# comment',
      'OPENAI_API_KEY=sk-live-123',
      'export ANTHROPIC_API_KEY="quoted # not a comment"',
      "  GROQ_API_KEY = 'spaced'",
      'yaml.style: value',
      'PEM="-----BEGIN KEY',
      'INSIDE_VALUE=not a key',
      '-----END KEY-----"',
      '',
      'garbage line',
      '=no name',
      '#COMMENTED=1',
      'OPENAI_API_KEY=again',
      'NO_VALUE',
    ].join('\r\n');
    const keys = envFileKeys(text);
    expect(keys).toEqual(['OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'GROQ_API_KEY', 'yaml.style', 'PEM']);
    expect(JSON.stringify(keys)).not.toContain('sk-live');
  });

  it('tolerates binary and empty files', () => {
    expect(envFileKeys('')).toEqual([]);
    expect(envFileKeys('\u0000\u0001\uFFFD==\n')).toEqual([]);
  });
});

describe('declaredEnvNames', () => {
  it('walks up to the package root outside a repository, nearest file first', () => {
    const root = project({ 'package.json': '{}', '.env.example': 'A_KEY=\nSHARED=', 'apps/web/.env.sample': 'B_KEY=\nSHARED=', 'apps/web/src/x.ts': '' });
    const declared = declaredEnvNames(join(root, 'apps/web/src/x.ts'), root);
    expect([...declared]).toEqual([['B_KEY', 'apps/web/.env.sample'], ['SHARED', 'apps/web/.env.sample'], ['A_KEY', '.env.example']]);
  });

  it('stops at the nearest package root when there is no repository', () => {
    const root = project({ '.env.example': 'OUTSIDE=', 'pkg/package.json': '{}', 'pkg/src/x.ts': '' });
    expect([...declaredEnvNames(join(root, 'pkg/src/x.ts'), root).keys()]).toEqual([]);
  });

  it('goes up to the repository root past package roots', () => {
    const root = project({ '.git/HEAD': '', '.env.template': 'ROOT_KEY=', 'pkg/package.json': '{}', 'pkg/src/x.ts': '' });
    expect([...declaredEnvNames(join(root, 'pkg/src/x.ts'), root).keys()]).toEqual(['ROOT_KEY']);
  });

  it('adds files named in settings, relative to the working folder; a missing one declares nothing', () => {
    const root = project({ 'package.json': '{}', 'config/env.schema': 'FROM_SETTINGS=', 'src/x.ts': '' });
    expect([...declaredEnvNames(join(root, 'src/x.ts'), root, ['config/env.schema', 'missing.env']).keys()]).toEqual(['FROM_SETTINGS']);
  });

  it('reads a changed file again, at most once a second', () => {
    const root = project({ 'package.json': '{}', '.env.example': 'FIRST=', 'src/x.ts': '' });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    const file = join(root, 'src/x.ts');
    expect([...declaredEnvNames(file, root).keys()]).toEqual(['FIRST']);
    writeFileSync(join(root, '.env.example'), 'FIRST=\nSECOND=');
    expect([...declaredEnvNames(file, root).keys()]).toEqual(['FIRST']);
    vi.setSystemTime(new Date('2030-01-01T00:00:02Z'));
    expect([...declaredEnvNames(file, root).keys()]).toEqual(['FIRST', 'SECOND']);
  });
});

describe('declaredEnvCacheKey', () => {
  it('changes when a declared name changes, not when a value does', () => {
    const root = project({ '.env.example': 'A=1', 'apps/web/.env.sample': 'B=', 'node_modules/x/.env.example': 'C=' });
    const key = declaredEnvCacheKey(root);
    writeFileSync(join(root, '.env.example'), 'A=2');
    expect(declaredEnvCacheKey(root)).toBe(key);
    writeFileSync(join(root, 'apps/web/.env.sample'), 'B=\nD=');
    expect(declaredEnvCacheKey(root)).not.toBe(key);
    writeFileSync(join(root, 'node_modules/x/.env.example'), 'C=\nE=');
    const again = declaredEnvCacheKey(root);
    writeFileSync(join(root, 'node_modules/x/.env.example'), 'F=');
    expect(declaredEnvCacheKey(root)).toBe(again);
  });
});
