import { ESLintUtils } from '@typescript-eslint/utils';
import { REPOSITORY_URL } from './package-info.js';

export interface ScaleAuthRuleDocs {
  description: string;
  /** In `recommended` when true; `strict` holds every rule marked 'strict' or true. */
  recommended: boolean | 'strict';
  /** The codemod that fixes this rule's reports. */
  codemod?: string;
}

export const docsUrl = (ruleName: string): string => `${REPOSITORY_URL}/blob/main/docs/rules/${ruleName}.md`;

export const createRule = ESLintUtils.RuleCreator<ScaleAuthRuleDocs>(docsUrl);
