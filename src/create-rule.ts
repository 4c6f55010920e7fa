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
  return ruleCreator(rule) as ScaleAuthRule<MessageIds, Options>;
}
