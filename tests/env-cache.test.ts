import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import plugin from '../src/index.js';

const root = join(import.meta.dirname, '..');
const eslint = join(root, 'node_modules/eslint/bin/eslint.js');
const temporary: string[] = [];
afterEach(() => temporary.splice(0).forEach((directory) => rmSync(directory, { recursive: true, force: true })));

it('the configs carry a cache key for the declared env files', () => {
  const settings = plugin.configs.recommended.settings?.['scale-auth'] as { envCacheKey?: unknown } | undefined;
  expect(settings?.envCacheKey).toMatch(/^[0-9a-f]{16}$/);
});

it('eslint --cache lints again when .env.example changes', () => {
  const project = mkdtempSync(join(tmpdir(), 'scale-auth-cache-'));
  temporary.push(project);
  mkdirSync(join(project, 'src'));
  writeFileSync(join(project, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(project, '.env.example'), 'OPENAI_API_KEY=\n');
  writeFileSync(join(project, 'src/app.js'), 'export const key = process.env.OPENAI_KEY;\n');
  const pluginUrl = pathToFileURL(join(root, 'dist/src/index.js')).href;
  writeFileSync(join(project, 'eslint.config.js'), `import plugin from ${JSON.stringify(pluginUrl)};\nexport default [plugin.configs.recommended];\n`);
  const lint = () => spawnSync(process.execPath, [eslint, '--cache', '--format', 'json', 'src'], { cwd: project, encoding: 'utf8' });
  const ruleIds = (output: string): string[] => (JSON.parse(output) as { messages: { ruleId: string }[] }[]).flatMap((file) => file.messages.map((message) => message.ruleId));

  expect(ruleIds(lint().stdout)).toEqual(['scale-auth/no-misspelled-credential-env']);
  expect(ruleIds(lint().stdout)).toEqual(['scale-auth/no-misspelled-credential-env']);
  writeFileSync(join(project, '.env.example'), 'OPENAI_API_KEY=\nOPENAI_KEY=\n');
  expect(ruleIds(lint().stdout)).toEqual([]);
});
