import { describe, expect, it } from 'vitest';
import { dotenvNames } from '../../src/doctor/manifests/dotenv.js';

describe('dotenvNames', () => {
  it('keeps names and lines of every assignment form, never values, and survives garbage', () => {
    const text = [
      '# comment',
      'OPENAI_API_KEY=sk-secret-value',
      'export CREWAI_API_KEY="crew secret"',
      "  TAVILY_API_KEY = 'tvly'",
      'YAML_STYLE: value',
      'PRIVATE_KEY="-----BEGIN KEY-----',
      'NOT_A_NAME=inside the quoted value',
      '-----END KEY-----"',
      '=== garbage ===',
      'EMPTY=',
      '',
    ].join('\r\n');
    const names = dotenvNames(text, '.env');
    expect(names.map(({ name, at }) => `${name}:${at.line}`)).toEqual(['OPENAI_API_KEY:2', 'CREWAI_API_KEY:3', 'TAVILY_API_KEY:4', 'YAML_STYLE:5', 'PRIVATE_KEY:6', 'EMPTY:10']);
    expect(JSON.stringify(names)).not.toMatch(/secret|tvly|BEGIN/);
  });
});
