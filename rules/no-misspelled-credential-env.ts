import { AST_NODE_TYPES, type TSESLint } from '@typescript-eslint/utils';
import { declaredEnvNames } from '../src/analysis/declared-env.js';
import { bestNearMisses, NearMissIndex, nearMisses, type NearMissKind } from '../src/analysis/env-name-match.js';
import { envReadUse } from '../src/analysis/env-read-use.js';
import { collectEnvReads, type EnvRead, fileMentionsEnvRead } from '../src/analysis/env-reads.js';
import { renamedNameText } from '../src/analysis/env-rename.js';
import { CREDENTIAL_ENV } from '../src/catalog/index.js';
import { createRule } from '../src/create-rule.js';
import { readSettings, type ScaleAuthSettings } from '../src/settings.js';

export type Options = [
  {
    /** Env names this rule accepts as written. */
    ignore?: string[];
  },
];
export type MessageIds = 'misspelled' | 'ambiguous' | 'renameTo';

/** Browser-exposed names are a different problem (a secret in a public bundle), not a typo. */
const PUBLIC_PREFIX = /^(NEXT_PUBLIC|VITE|PUBLIC|EXPO_PUBLIC|REACT_APP|NUXT_PUBLIC|GATSBY)_/;
const CATALOG = new Map(CREDENTIAL_ENV.map((entry) => [entry.name, entry]));

const DIFFERENCE: Record<NearMissKind, string> = {
  case: 'the letter case differs, and env names are case-sensitive',
  separator: 'the underscores differ',
  slip: 'one letter differs',
  'missing-word': 'a word is missing',
  'extra-word': 'it has a word too many',
  suffix: 'the credential suffix differs',
  order: 'the words are in another order',
};

export default createRule<Options, MessageIds>({
  name: 'no-misspelled-credential-env',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow env reads whose name is a near miss of a known or declared credential variable',
      recommended: true,
      codemod: 'env-name',
    },
    hasSuggestions: true,
    messages: {
      misspelled:
        '`{{name}}` looks like a misspelling of `{{suggestion}}` ({{difference}}), {{source}}. {{consequence}} ' +
        'Rename the read, or declare `{{name}}` in .env.example if it is meant (codemod: env-name).',
      ambiguous:
        '`{{name}}` looks like a misspelling of {{candidates}} ({{difference}}). ' +
        'Rename it to the one your deployment sets, or declare `{{name}}` in .env.example if it is meant (codemod: env-name marks it).',
      renameTo: 'Rename to `{{suggestion}}`.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          ignore: {
            type: 'array',
            items: { type: 'string' },
            description: 'Env names to accept as written, even when they are a near miss of a known name.',
          },
        },
      },
    ],
    defaultOptions: [{ ignore: [] }],
  },
  defaultOptions: [{ ignore: [] }],
  create(context, [options]) {
    const { sourceCode } = context;
    const settings = readSettings(context.settings);
    // Cheap bail-out: a file that reads no env var at all.
    if (!fileMentionsEnvRead(sourceCode, settings.envHelpers)) return {};
    const ignored = new Set(options.ignore ?? []);
    const known = knownNames(settings);
    const knownMisses = nearMissIndex(known);

    return {
      Program() {
        let declared: Map<string, string> | undefined;
        const declaredNames = (): Map<string, string> => (declared ??= declaredEnvNames(context.filename, context.cwd, settings.envFiles));
        for (const read of collectEnvReads(sourceCode, settings.envHelpers)) {
          const { name } = read;
          if (ignored.has(name) || PUBLIC_PREFIX.test(name) || known.has(name) || declaredNames().has(name)) continue;
          const misses = bestNearMisses([...knownMisses.of(name), ...nearMisses(name, declaredNames().keys())]);
          const [first] = misses;
          if (!first) continue;
          const difference = DIFFERENCE[first.kind];
          if (misses.length > 1) {
            const candidates = misses.map((miss) => `\`${miss.candidate}\``).join(' or ');
            context.report({
              node: read.nameNode,
              messageId: 'ambiguous',
              data: { name, candidates, difference },
              suggest: misses.map((miss) => rename(read, miss.candidate)),
            });
            continue;
          }
          const suggestion = first.candidate;
          context.report({
            node: read.nameNode,
            messageId: 'misspelled',
            data: { name, suggestion, difference, source: sourceOf(suggestion, declaredNames(), known), consequence: consequence(read, suggestion) },
            suggest: [rename(read, suggestion)],
          });
        }
      },
    };

    function rename(read: EnvRead, suggestion: string): TSESLint.SuggestionReportDescriptor<MessageIds> {
      const text = renamedNameText(sourceCode.getText(read.nameNode), suggestion, shorthand(read));
      return { messageId: 'renameTo', data: { suggestion }, fix: (fixer) => fixer.replaceText(read.nameNode, text) };
    }
  },
});

const indexByKnown = new WeakMap<ReadonlyMap<string, string>, NearMissIndex>();

/** Near misses of the known names, remembered per name for the whole run (one index per settings object). */
function nearMissIndex(known: ReadonlyMap<string, string>): NearMissIndex {
  let index = indexByKnown.get(known);
  if (!index) indexByKnown.set(known, (index = new NearMissIndex([...known.keys()])));
  return index;
}

const knownBySettings = new WeakMap<ScaleAuthSettings, Map<string, string>>();

/** Names right by definition, with where each comes from: the catalog and the project's settings (once per settings object). */
function knownNames(settings: ScaleAuthSettings): Map<string, string> {
  const cached = knownBySettings.get(settings);
  if (cached) return cached;
  const known = new Map<string, string>();
  for (const entry of CREDENTIAL_ENV) known.set(entry.name, `the name ${listed(entry.readBy)} ${entry.readBy.length > 1 ? 'use' : 'uses'}`);
  for (const name of settings.credentialEnvNames) if (!known.has(name)) known.set(name, "listed in settings['scale-auth'].credentialEnvNames");
  for (const client of settings.clients) {
    for (const name of client.defaultEnv ?? []) if (!known.has(name)) known.set(name, `the name ${client.provider} reads (settings['scale-auth'].clients)`);
  }
  knownBySettings.set(settings, known);
  return known;
}

function sourceOf(name: string, declared: ReadonlyMap<string, string>, known: ReadonlyMap<string, string>): string {
  const file = declared.get(name);
  return [file === undefined ? undefined : `declared in ${file}`, known.get(name)].filter(Boolean).join(' and ');
}

/** What an unset variable does here, where the code shows it. */
function consequence(read: EnvRead, suggestion: string): string {
  const use = envReadUse(read);
  const entry = CATALOG.get(suggestion);
  const fallbackBy = entry?.fallbackBy ?? [];
  const readers = `${listed(fallbackBy)} ${fallbackBy.length > 1 ? 'read' : 'reads'} \`${suggestion}\` by itself when given undefined`;
  if (use === 'auth-header') return `It goes straight into an auth header, where no SDK falls back to \`${suggestion}\`: wherever \`${read.name}\` is unset, the request fails with a 401.`;
  if (use === 'defeated-fallback' && fallbackBy.length > 0) return `The string fallback defeats the SDK's own: ${readers}, but gets a bogus key instead and fails with a 401.`;
  if (fallbackBy.length > 0) return `${readers}, which hides this typo wherever \`${suggestion}\` is also set; where it is not (a worker, a job, CI), the credential is missing.`;
  if (entry?.noFallback) return `No SDK reads \`${suggestion}\` by itself, so nothing falls back: wherever \`${read.name}\` is unset, the credential is undefined.`;
  return `Wherever \`${read.name}\` is unset, the credential is missing.`;
}

/** A shorthand destructuring or import keeps its local name when renamed. */
function shorthand(read: EnvRead): 'destructured' | 'import' | undefined {
  const { node } = read;
  if (node.type === AST_NODE_TYPES.Property && node.shorthand) return 'destructured';
  if (node.type === AST_NODE_TYPES.ImportSpecifier && node.local.range[0] === node.imported.range[0]) return 'import';
  return undefined;
}

function listed(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? '');
}
