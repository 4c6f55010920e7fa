import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { CredentialFlow } from '../src/analysis/credential-flow.js';
import { CredentialSinks } from '../src/analysis/credential-sinks.js';
import { isCredentialEnvName, isPublicKeyEnvName } from '../src/analysis/credentials.js';
import { declaredEnvNames } from '../src/analysis/declared-env.js';
import { EnvGuards } from '../src/analysis/env-guards.js';
import { collectEnvReads, type EnvRead, fileMentionsEnvRead } from '../src/analysis/env-reads.js';
import { collectImports } from '../src/analysis/imports.js';
import { readsProcessEnv } from '../src/analysis/process-env-read.js';
import { CREDENTIAL_ENV } from '../src/catalog/index.js';
import { createRule } from '../src/create-rule.js';
import { readSettings, type ScaleAuthSettings } from '../src/settings.js';

type Node = TSESTree.Node;

export type Options = [
  {
    /** Credential env vars that are optional on purpose: the code works, and means to, without them. */
    optionalEnv?: string[];
  },
];
export type MessageIds = 'unchecked' | 'emptyFallback' | 'nonNullAssertion';

const FIX = "Read it with a helper that fails fast and names the variable (`requireEnv('{{name}}')`), or check it before use (codemod: require-env).";

export default createRule<Options, MessageIds>({
  name: 'no-unchecked-credential-env',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow credential env vars that reach a client or an auth header with nothing that fails when they are missing',
      recommended: true,
      codemod: 'require-env',
    },
    messages: {
      unchecked:
        '`{{name}}` reaches {{sink}} unchecked: in a process where it is not set, the client gets `undefined` and fails with a 401 far from the cause. ' + FIX,
      emptyFallback:
        "`{{name}}` falls back to an empty string on its way to {{sink}}: a missing key is sent as '' and comes back as a confusing 401 (an SDK that would read its own env var when given `undefined` never does). " + FIX,
      nonNullAssertion:
        '`{{name}}` reaches {{sink}} through a non-null assertion `!`, which only silences the type checker: a missing key is still sent as `undefined`. ' + FIX,
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          optionalEnv: {
            type: 'array',
            items: { type: 'string' },
            description: 'Credential env vars that are optional on purpose (tracing keys, feature flags): never reported.',
          },
        },
      },
    ],
    defaultOptions: [{ optionalEnv: [] }],
  },
  defaultOptions: [{ optionalEnv: [] }],
  create(context, [options]) {
    const { sourceCode } = context;
    const settings = readSettings(context.settings);
    // Cheap bail-out: a file that reads no env var at all.
    if (!fileMentionsEnvRead(sourceCode, settings.envHelpers)) return {};
    const optional = new Set(options.optionalEnv ?? []);

    return {
      'Program:exit'() {
        const reads = collectEnvReads(sourceCode, settings.envHelpers);
        // Names a project declares (.env.example) are its credentials too; files are read only when a name needs them.
        let declared: Map<string, string> | undefined;
        const isDeclared = (name: string): boolean => (declared ??= declaredEnvNames(context.filename, context.cwd, settings.envFiles)).has(name);
        // Helper reads fail fast by definition; SvelteKit's static imports fail the build when missing.
        const candidates = reads.filter((read) => read.form !== 'helper' && read.form !== 'import' && !optional.has(read.name) && isCredentialName(read.name, settings, isDeclared));
        if (candidates.length === 0) return;

        const readNames = new Map<Node, string>(reads.map((read) => [read.node, read.name]));
        const guards = new EnvGuards(sourceCode, (node) => readNames.get(node));
        const sinks = new CredentialSinks({ imports: collectImports(sourceCode.ast), sourceCode, settings });
        const flow = new CredentialFlow(sourceCode, sinks, guards);
        for (const read of candidates) {
          const found = flow.from(read);
          // `new OpenAI({ apiKey: process.env.OPENAI_API_KEY })`: undefined makes the SDK read that same
          // variable itself, and fail naming it; only an empty fallback defeats that.
          if (!found || (!found.emptyFallback && found.sink.sdkEnv.includes(read.name)) || typeExcludesUndefined(context, read)) continue;
          context.report({
            node: read.node,
            messageId: found.emptyFallback ? 'emptyFallback' : found.nonNull ? 'nonNullAssertion' : 'unchecked',
            data: { name: read.name, sink: found.sink.description, form: read.form, processEnv: String(readsProcessEnv(read, sourceCode)) },
          });
        }
      },
    };
  },
});

const CATALOG_NAMES = new Set(CREDENTIAL_ENV.map((entry) => entry.name));

/** A name of the credential env catalog, the settings or the project's env files, or one that looks like a secret; never a public key. */
function isCredentialName(name: string, settings: ScaleAuthSettings, isDeclared: (name: string) => boolean): boolean {
  if (isPublicKeyEnvName(name)) return false;
  if (CATALOG_NAMES.has(name) || isCredentialEnvName(name) || settings.credentialEnvNames.includes(name)) return true;
  return settings.clients.some((client) => client.defaultEnv?.includes(name)) || isDeclared(name);
}

/** With type information, a read typed without `undefined` (a declared `ProcessEnv` key) is not reported. */
function typeExcludesUndefined(context: Readonly<TSESLint.RuleContext<MessageIds, Options>>, read: EnvRead): boolean {
  const services = context.sourceCode.parserServices;
  const program = services?.program;
  if (!program || !services.esTreeNodeToTSNodeMap) return false;
  const compilerOptions = program.getCompilerOptions();
  if (!(compilerOptions.strictNullChecks ?? compilerOptions.strict)) return false;
  const node = read.form === 'destructured' ? (read.node as TSESTree.Property).value : read.node;
  // `const { KEY = '' } = process.env`: the default, not the variable's type, is what excludes undefined.
  if (node.type === AST_NODE_TYPES.AssignmentPattern) return false;
  const checker = program.getTypeChecker();
  const type = checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(node));
  if (['any', 'unknown'].includes(checker.typeToString(type))) return false;
  return checker.getNonNullableType(type) === type;
}
