import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/doctor/yaml.js';

describe('parseYaml', () => {
  it('reads every document of a multi-document file, with the line of each value', () => {
    const parsed = parseYaml('kind: A\nname: a\n---\nkind: B\nlist:\n  - x\n  - y\n');
    if ('error' in parsed) throw new Error(parsed.error.message);
    expect(parsed.documents.map((document) => document.value)).toEqual([{ kind: 'A', name: 'a' }, { kind: 'B', list: ['x', 'y'] }]);
    expect(parsed.documents[1]?.lineAt(['list', 1])).toBe(7);
    expect(parsed.documents[1]?.lineAt(['missing', 'deeper'])).toBe(4);
  });

  it('resolves merge keys, and finds a merged value on the line the anchor writes it', () => {
    const parsed = parseYaml('x-env: &env\n  OPENAI_API_KEY: ${OPENAI_API_KEY}\nservices:\n  web:\n    environment:\n      <<: *env\n      PORT: "3000"\n');
    if ('error' in parsed) throw new Error(parsed.error.message);
    const document = parsed.documents[0];
    expect(document?.value).toMatchObject({ services: { web: { environment: { OPENAI_API_KEY: '${OPENAI_API_KEY}', PORT: '3000' } } } });
    expect(document?.lineAt(['services', 'web', 'environment', 'OPENAI_API_KEY'])).toBe(2);
    expect(document?.lineAt(['services', 'web', 'environment', 'PORT'])).toBe(7);
  });

  it('gives a syntax error with its line and no code frame, so no value is shown', () => {
    const parsed = parseYaml('apiVersion: v1\nkind: Secret\nstringData:\n  KEY: sk-live-123\n  bad: [unclosed\n');
    expect(parsed).toMatchObject({ error: { line: expect.any(Number) } });
    expect(JSON.stringify(parsed)).not.toContain('sk-live-123');
  });

  it('reads an empty file as no documents', () => {
    expect(parseYaml('')).toEqual({ documents: [] });
  });
});
