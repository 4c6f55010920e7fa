import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';
import { REPOSITORY_URL } from './package-info.js';

export interface ScaleAuthRuleDocs {
  description: string;
  /** In `recommended` when true; `strict` holds every rule marked 'strict' or true. */
  recommended: boolean | 'strict';
  /** The codemod that fixes this rule's reports. */
  codemod?: string;
}

/** A rule of this plugin: like any rule module, with its docs always present. */
export type ScaleAuthRule<MessageIds extends string, Options extends readonly unknown[]> = TSESLint.RuleModule<MessageIds, Options, ScaleAuthRuleDocs> & {
  name: string;
  meta: { docs: ScaleAuthRuleDocs & { url: string } };
};

export const docsUrl = (ruleName: string): string => `${REPOSITORY_URL}/blob/main/docs/rules/${ruleName}.md`;

const ruleCreator = ESLintUtils.RuleCreator<ScaleAuthRuleDocs>(docsUrl);

export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Parameters<typeof ruleCreator<Options, MessageIds>>[0],
): ScaleAuthRule<MessageIds, Options> {
  const withDefaults = optionsWithDefaults<Options>((rule.meta.defaultOptions ?? rule.defaultOptions ?? []) as Options);
  // RuleCreator's `create` deep-clones and merges the defaults on every file; this one merges once per options object.
  const create = (context: Readonly<TSESLint.RuleContext<MessageIds, Options>>) => rule.create(context, withDefaults(context.options));
  return { ...ruleCreator(rule), create } as ScaleAuthRule<MessageIds, Options>;
}

/**
 * Options merged with their defaults, once per options object: ESLint hands every file the same
 * object from the config (copied into a new array), and the rules never mutate their options.
 */
function optionsWithDefaults<Options extends readonly unknown[]>(defaults: Readonly<Options>): (options: Readonly<Options>) => Options {
  const withoutOptions = ESLintUtils.applyDefault(defaults, [] as unknown as Options);
  const byFirstOption = new WeakMap<object, Options>();
  return (options) => {
    const [first] = options;
    if (options.length === 0) return withoutOptions;
    if (options.length > 1 || typeof first !== 'object' || first === null) return ESLintUtils.applyDefault(defaults, options);
    let merged = byFirstOption.get(first);
    if (!merged) byFirstOption.set(first, (merged = ESLintUtils.applyDefault(defaults, options)));
    return merged;
  };
}
