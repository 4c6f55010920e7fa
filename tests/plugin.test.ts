import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const packageJson = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { name: string; version: string };
const ruleIds = Object.keys(plugin.rules).map((name) => `scale-auth/${name}`);

describe('plugin entry', () => {
  it('takes meta.name and meta.version from package.json', () => {
    expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version, namespace: 'scale-auth' });
  });

  it('gives every rule docs, messages, a described schema and default options', () => {
    for (const [name, rule] of Object.entries(plugin.rules)) {
      expect(rule.meta.docs.description, name).toMatch(/^[A-Z]/);
      expect(Object.keys(rule.meta.messages).length, name).toBeGreaterThan(0);
      expect(Array.isArray(rule.meta.schema), name).toBe(true);
      expect(rule.meta.defaultOptions, name).toEqual(rule.defaultOptions);
    }
  });

  it('derives recommended, strict and all from docs.recommended', () => {
    const recommended = Object.entries(plugin.rules).filter(([, rule]) => rule.meta.docs.recommended === true).map(([name]) => `scale-auth/${name}`);
    const strict = Object.entries(plugin.rules).filter(([, rule]) => rule.meta.docs.recommended !== false).map(([name]) => `scale-auth/${name}`);
    expect(Object.keys(plugin.configs.recommended.rules ?? {}).sort()).toEqual(recommended.sort());
    expect(Object.keys(plugin.configs.strict.rules ?? {}).sort()).toEqual(strict.sort());
    expect(Object.keys(plugin.configs.all.rules ?? {}).sort()).toEqual([...ruleIds].sort());
    expect(Object.keys(plugin.configs['legacy-recommended'].rules).sort()).toEqual(recommended.sort());
  });

  it('makes flat configs that carry the plugin itself under its namespace', () => {
    for (const config of [plugin.configs.recommended, plugin.configs.strict, plugin.configs.all]) {
      expect(config.plugins?.['scale-auth']).toBe(plugin);
      expect(config.name).toMatch(/^scale-auth\//);
    }
    expect(plugin.configs['legacy-recommended'].plugins).toEqual(['scale-auth']);
  });
});
