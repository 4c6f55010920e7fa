import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { createRule } from '../src/create-rule.js';

type Options = [{ allow?: string[]; strict?: boolean }];

/** A rule that hands back the options its `create` received. */
function probe(): { rule: ReturnType<typeof createRule<Options, 'x'>>; seen: Options[0][] } {
  const seen: Options[0][] = [];
  const rule = createRule<Options, 'x'>({
    name: 'probe',
    meta: {
      type: 'problem',
      docs: { description: 'probe', recommended: false },
      messages: { x: 'x' },
      schema: [{ type: 'object', properties: { allow: { type: 'array' }, strict: { type: 'boolean' } }, additionalProperties: false }],
      defaultOptions: [{ allow: [], strict: true }],
    },
    defaultOptions: [{ allow: [], strict: true }],
    create(_context, [options]) {
      seen.push(options);
      return {};
    },
  });
  return { rule, seen };
}

const contextWith = (options: unknown[]) => ({ options }) as unknown as Readonly<TSESLint.RuleContext<'x', Options>>;

describe('createRule', () => {
  it('gives create the defaults when the config has no options (ESLint before meta.defaultOptions)', () => {
    const { rule, seen } = probe();
    rule.create(contextWith([]));
    expect(seen).toEqual([{ allow: [], strict: true }]);
  });

  it('merges the user options over the defaults', () => {
    const { rule, seen } = probe();
    rule.create(contextWith([{ allow: ['scripts/**'] }]));
    expect(seen).toEqual([{ allow: ['scripts/**'], strict: true }]);
  });

  it('merges once per options object: every file of a config gets the same merged object', () => {
    const { rule, seen } = probe();
    const fromConfig = { strict: false };
    rule.create(contextWith([fromConfig]));
    rule.create(contextWith([fromConfig]));
    rule.create(contextWith([{ strict: false }]));
    expect(seen[0]).toEqual({ allow: [], strict: false });
    expect(seen[1]).toBe(seen[0]);
    expect(seen[2]).not.toBe(seen[0]);
    expect(seen[2]).toEqual(seen[0]);
  });

  it('keeps the docs URL and meta of the rule', () => {
    const { rule } = probe();
    expect(rule.meta.docs.url).toMatch(/docs\/rules\/probe\.md$/);
    expect(rule.meta.defaultOptions).toEqual([{ allow: [], strict: true }]);
  });
});
