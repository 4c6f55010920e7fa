import { describe, expect, it } from 'vitest';
import { mayReport } from '../../src/codemod/prefilter.js';
import { ReportCache } from '../../src/codemod/report-cache.js';
import { quickSyntaxError } from '../../src/codemod/syntax-check.js';

describe('prefilter', () => {
  it.each([
    ['no-module-scope-client', 'import OpenAI from "openai";\nexport const c = new OpenAI();'],
    ['no-module-scope-client', 'export const c = new Acme({ apiKey: key });'],
    ['no-module-scope-client', 'const k = process.env.ACME_KEY;'],
    ['no-late-dotenv', "require('dotenv').config();"],
  ] as const)('%s may report on %j', (rule, text) => {
    expect(mayReport(rule, text)).toBe(true);
  });

  it.each([
    ['no-module-scope-client', 'export const sum = (a: number, b: number) => a + b;'],
    ['no-late-dotenv', 'import { app } from "./app";\napp.listen(3000);'],
  ] as const)('%s cannot report on %j', (rule, text) => {
    expect(mayReport(rule, text)).toBe(false);
  });
});

describe('quickSyntaxError', () => {
  it('names the first syntax error with its line and column', () => {
    expect(quickSyntaxError('/a.ts', 'const ok = 1;\nexport const = ;\n')).toMatch(/^Parsing error: .+ \(2:14\)$/);
  });

  it('accepts valid TS, TSX and JS', () => {
    expect(quickSyntaxError('/a.ts', 'export const x: number = 1;')).toBeUndefined();
    expect(quickSyntaxError('/a.tsx', 'export const A = () => <div className="a">{1}</div>;')).toBeUndefined();
    expect(quickSyntaxError('/a.cjs', 'module.exports = { a: 1 };')).toBeUndefined();
  });
});

describe('ReportCache', () => {
  it('lints only files a rule may report on, and still finds syntax errors in the rest', () => {
    const cache = new ReportCache(['no-module-scope-client'], '/');
    expect(cache.refresh('/src/util.ts', 'export const = ;')).toMatch(/Parsing error/);
    expect(cache.refresh('/src/client.ts', 'import OpenAI from "openai";\nexport const openai = new OpenAI();\n')).toBeUndefined();
    expect(cache.reportsOf('/src/client.ts', 'no-module-scope-client')).toHaveLength(1);
    expect(cache.refresh('/src/client.ts', 'export const none = 1;\n')).toBeUndefined();
    expect(cache.reportsOf('/src/client.ts', 'no-module-scope-client')).toEqual([]);
  });
});
