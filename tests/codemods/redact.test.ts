import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/codemod/diff.js';
import { redactSecrets } from '../../src/codemod/redact.js';

describe('redactSecrets', () => {
  it.each([
    ['const openai = new OpenAI({ apiKey: "sk-live-abcdefghijklmnop" });', 'const openai = new OpenAI({ apiKey: "<redacted>" });'],
    ["headers: { 'x-api-key': 'abc123abc123' }", "headers: { 'x-api-key': '<redacted>' }"],
    ['headers: { Authorization: "Bearer abcdef123456" }', 'headers: { Authorization: "Bearer <redacted>" }'],
    ['const token = `ghp_abcdefghijklmnopqrstuvwx`;', 'const token = `<redacted>`;'],
    ['stripe("sk_test_abcdefghijklmnopqrstuv")', 'stripe("<redacted>")'],
    ['new S3Client({ credentials: { accessKeyId: "AKIAABCDEFGHIJKLMNOP" } })', 'new S3Client({ credentials: { accessKeyId: "<redacted>" } })'],
  ])('hides %s', (line, expected) => {
    expect(redactSecrets(line)).toBe(expected);
  });

  it.each([
    'const model = "gpt-4o-mini";',
    'apiKey: requireEnv("OPENAI_API_KEY"),',
    'Authorization: `Bearer ${token}`,',
    'const maxTokens = "256";',
    'tokenizer: "cl100k_base"',
  ])('leaves code without a secret as it is: %s', (line) => {
    expect(redactSecrets(line)).toBe(line);
  });

  it('applies to diffs, whose context lines may show a hard-coded key', () => {
    const before = 'const a = 1;\nconst client = new Client({ apiKey: "hunter2-secret-value" });\n';
    const after = 'const a = 2;\nconst client = new Client({ apiKey: "hunter2-secret-value" });\n';
    const diff = unifiedDiff('src/a.ts', before, after);
    expect(diff).toContain('+const a = 2;');
    expect(diff).not.toContain('hunter2');
  });
});
