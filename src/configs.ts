import { PLUGIN_NAMESPACE } from './package-info.js';
import type { ScaleAuthRuleDocs } from './create-rule.js';

type RuleLevel = 'error' | 'warn' | 'off';
type RuleEntries = Record<string, RuleLevel>;
type RuleWithDocs = { meta: { docs?: Partial<ScaleAuthRuleDocs> } };

/** `recommended`, `strict` and `all` are derived from each rule's `docs.recommended`, never listed by hand. */
export function ruleLevels(rules: Record<string, RuleWithDocs>, include: (docs: Partial<ScaleAuthRuleDocs>) => boolean): RuleEntries {
  const entries: RuleEntries = {};
  for (const [name, rule] of Object.entries(rules)) {
    if (include(rule.meta.docs ?? {})) entries[`${PLUGIN_NAMESPACE}/${name}`] = 'error';
  }
  return entries;
}

export const isRecommended = (docs: Partial<ScaleAuthRuleDocs>): boolean => docs.recommended === true;
export const isStrict = (docs: Partial<ScaleAuthRuleDocs>): boolean => docs.recommended === true || docs.recommended === 'strict';
export const isAny = (): boolean => true;

