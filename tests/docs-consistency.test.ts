import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { codemods } from '../src/codemod/registry.js';
import { docsUrl } from '../src/create-rule.js';

const root = join(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const ruleNames = Object.keys(plugin.rules).sort();
const codemodNames = Object.keys(codemods).sort();

/** Rows of the first Markdown table after `heading`, as arrays of trimmed cells. */
function tableAfter(markdown: string, heading: string): string[][] {
  const start = markdown.indexOf(`\n${heading}\n`);
  expect(start, `README has a "${heading}" section`).toBeGreaterThanOrEqual(0);
  const lines = markdown.slice(start).split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line.slice(1, -1).split('|').map((cell) => cell.trim()));
  }
  return rows;
}

const linkedName = (cell: string | undefined): string | undefined => /^\[`([\w-]+)`\]\(([^)]+)\)$/.exec(cell ?? '')?.[1];
const linkTarget = (cell: string | undefined): string | undefined => /^\[`[\w-]+`\]\(([^)]+)\)$/.exec(cell ?? '')?.[1];

/** Code blocks under `### Incorrect` / `### Correct` headings of a doc. */
function examples(markdown: string, heading: 'Incorrect' | 'Correct'): { lang: string; code: string }[] {
  const found: { lang: string; code: string }[] = [];
  const sections = markdown.split(/^(?=#{1,4} )/m).filter((section) => section.startsWith(`### ${heading}`));
  for (const section of sections) {
    for (const match of section.matchAll(/```(ts|tsx|js|jsx|mjs|cjs)\n([\s\S]*?)```/g)) {
      found.push({ lang: match[1] ?? 'ts', code: match[2] ?? '' });
    }
  }
  return found;
}

function lintExample(ruleName: string, example: { lang: string; code: string }): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  const typescript = ['ts', 'tsx'].includes(example.lang);
  return linter.verify(
    example.code,
    [
      {
        files: ['**/*.*'],
        ...(typescript ? { languageOptions: { parser: tsParser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: true } } } } : {}),
        plugins: { 'scale-auth': plugin as never },
        rules: { [`scale-auth/${ruleName}`]: 'error' },
      },
    ],
    { filename: join(root, `docs-example.${example.lang}`) },
  );
}

describe('README rules table', () => {
  const rows = tableAfter(readme, '## Rules');

  it('lists exactly the exported rules, in order', () => {
    expect(rows.map((row) => linkedName(row[0]))).toEqual(ruleNames);
  });

  it.each(ruleNames)('%s: description, recommended flag and codemod match the rule', (name) => {
    const row = rows.find((cells) => linkedName(cells[0]) === name);
    const docs = plugin.rules[name as keyof typeof plugin.rules].meta.docs;
    expect(linkTarget(row?.[0])).toBe(`docs/rules/${name}.md`);
    expect(row?.[1]).toBe(docs.description);
    expect(row?.[2]).toBe(docs.recommended === true ? '✅' : docs.recommended === 'strict' ? 'strict' : '');
    expect(linkedName(row?.[3])).toBe(docs.codemod);
  });
});

describe('README codemods table', () => {
  const rows = tableAfter(readme, '## Codemods');

  it('lists exactly the registered codemods, in order', () => {
    expect(rows.map((row) => linkedName(row[0]))).toEqual(codemodNames);
  });

  it.each(codemodNames)('%s: description and paired rule match the registry', (name) => {
    const row = rows.find((cells) => linkedName(cells[0]) === name);
    const codemod = codemods[name as keyof typeof codemods];
    expect(linkTarget(row?.[0])).toBe(`docs/codemods/${name}.md`);
    expect(row?.[1]).toBe(codemod.description);
    expect(linkedName(row?.[2])).toBe(codemod.rule);
  });
});

describe.each(ruleNames)('rule %s', (name) => {
  const rule = plugin.rules[name as keyof typeof plugin.rules];
  const docPath = join(root, 'docs', 'rules', `${name}.md`);
  const doc = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '';

  it('has a doc that meta.docs.url points to', () => {
    expect(doc, `${docPath} exists`).not.toBe('');
    expect(rule.meta.docs.url).toBe(docsUrl(name));
    expect(rule.meta.docs.url.endsWith(`/docs/rules/${name}.md`)).toBe(true);
  });

  it('is paired with a registered codemod that names it back, and its doc links the codemod doc', () => {
    const codemod = rule.meta.docs.codemod;
    expect(codemod && codemodNames.includes(codemod)).toBe(true);
    expect(codemods[codemod as keyof typeof codemods].rule).toBe(name);
    expect(doc).toContain(`../codemods/${codemod}.md`);
  });

  it('documents every option in its schema', () => {
    const schema = rule.meta.schema as readonly { properties?: Record<string, { description?: string }> }[];
    for (const [option, definition] of Object.entries(schema[0]?.properties ?? {})) {
      expect(definition.description, `${option} has a schema description`).toBeTruthy();
      expect(doc, `the doc mentions option ${option}`).toContain(`\`${option}\``);
    }
  });

  it('has incorrect examples that report and correct examples that do not', () => {
    const incorrect = examples(doc, 'Incorrect');
    const correct = examples(doc, 'Correct');
    expect(incorrect.length).toBeGreaterThan(0);
    expect(correct.length).toBeGreaterThan(0);
    for (const example of incorrect) {
      const messages = lintExample(name, example);
      expect(messages.filter((message) => message.fatal), example.code).toEqual([]);
      expect(messages.length, `an incorrect example reports:\n${example.code}`).toBeGreaterThan(0);
    }
    for (const example of correct) {
      expect(lintExample(name, example), `a correct example is clean:\n${example.code}`).toEqual([]);
    }
  });
});

describe.each(codemodNames)('codemod %s', (name) => {
  it('has a doc that links its paired rule', () => {
    const docPath = join(root, 'docs', 'codemods', `${name}.md`);
    expect(existsSync(docPath), `${docPath} exists`).toBe(true);
    expect(readFileSync(docPath, 'utf8')).toContain(`../rules/${codemods[name as keyof typeof codemods].rule}.md`);
  });
});
