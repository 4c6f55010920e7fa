import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';
import { findClientSpec, type ClientSpec } from '../catalog/index.js';
import { AUTH_CLIENT_NAME, AUTH_LIBRARY_MODULES, CLIENT_CLASS_NAME, CLIENT_FACTORY_NAME, DELEGATED_AUTH_MODULES, SERVICE_ENV_BY_PROVIDER } from '../catalog/forwarding.js';
import { matchesModulePattern } from '../catalog/module-pattern.js';
import { calleeName, rootIdentifier, unwrapTypes, unwrapValue } from './ast.js';
import { classifyCreation, type Creation, type CreationContext } from './client-creation.js';
import { resolveCallee } from './imports.js';

type Node = TSESTree.Node;

/** A client of another service (an SDK, an API client), as `no-forwarded-authorization` sees it. */
export interface ServiceClient {
  /** As written at the call site: `OpenAI`, `axios.create`, `CrewClient`. */
  label: string;
  provider: string;
  /** Option values or arguments that carry its credential. */
  credentials: Node[];
  /** The env var with the service's own credential, when the catalog knows it. */
  envVar?: string;
}

/**
 * `node` creates a client of another service: a catalog SDK, or a constructor or factory whose name
 * (or package) says client. SDKs built for delegated user auth (Supabase, and the
 * `delegatedAuthClients` setting), auth libraries and data look-alikes (`new User({ apiKey })`) are not.
 */
export function serviceClient(node: Creation, context: CreationContext): ServiceClient | undefined {
  const resolved = resolveCallee(node.callee, context.imports, context.sourceCode);
  const spec = resolved && findClientSpec(resolved.module, resolved.exportName, context.settings.clients);
  const creation = classifyCreation(node, spec?.resolvesCredentialLazily ? eager(spec, context) : context);
  if (!creation) return undefined;
  const module = resolved?.module;
  if (creation.spec?.delegatedAuth || (module !== undefined && (isDelegatedAuthModule(module, context.settings.delegatedAuthClients) || isAuthLibrary(module)))) return undefined;
  if (!creation.spec && !namedLikeClient(node, module)) return undefined;
  const name = label(node, context);
  return { label: name, provider: creation.spec ? creation.provider : name, credentials: creation.credentials, ...envVarOf(creation.spec, creation.provider) };
}

/**
 * SDKs that resolve their key lazily (AI SDK providers) count a call-valued option as a refreshing
 * provider; a forwarded `apiKey: c.req.header("Authorization")` is a call too, and is a credential here.
 */
function eager(spec: ClientSpec, context: CreationContext): CreationContext {
  const clients = [{ ...spec, resolvesCredentialLazily: false, defaultEnv: [] }, ...context.settings.clients];
  return { ...context, settings: { ...context.settings, clients } };
}

/** The client a method call goes through: `openai.chat.completions.create(…)` on a client created in this file. */
export function clientOfCall(call: TSESTree.CallExpression, context: CreationContext): ServiceClient | undefined {
  const root = rootIdentifier(call.callee);
  return root && root !== unwrapTypes(call.callee) ? clientBoundTo(root, context) : undefined;
}

/** The client a local or module-level variable holds, when it was created in this file. */
export function clientBoundTo(identifier: TSESTree.Identifier, context: CreationContext): ServiceClient | undefined {
  const definition = ASTUtils.findVariable(context.sourceCode.getScope(identifier), identifier)?.defs[0]?.node;
  if (definition?.type !== AST_NODE_TYPES.VariableDeclarator || !definition.init) return undefined;
  const init = unwrapValue(definition.init);
  if (init.type !== AST_NODE_TYPES.NewExpression && init.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const resolved = resolveCallee(init.callee, context.imports, context.sourceCode);
  const spec = resolved && findClientSpec(resolved.module, resolved.exportName, context.settings.clients);
  if (spec) return { label: identifier.name, provider: spec.provider, credentials: [], ...envVarOf(spec, spec.provider) };
  const client = serviceClient(init, context);
  return client && { ...client, label: identifier.name };
}

export function isDelegatedAuthModule(module: string, extra: readonly string[]): boolean {
  return [...DELEGATED_AUTH_MODULES, ...extra].some((pattern) => matchesModulePattern(pattern, module));
}

function isAuthLibrary(module: string): boolean {
  return AUTH_LIBRARY_MODULES.some((pattern) => matchesModulePattern(pattern, module));
}

function envVarOf(spec: ClientSpec | undefined, provider: string): { envVar?: string } {
  const envVar = spec?.defaultEnv?.[0] ?? SERVICE_ENV_BY_PROVIDER[provider];
  return envVar ? { envVar } : {};
}

function namedLikeClient(node: Creation, module: string | undefined): boolean {
  const name = calleeName(node.callee) ?? '';
  if (AUTH_CLIENT_NAME.test(name)) return false;
  if (node.type === AST_NODE_TYPES.CallExpression) return CLIENT_FACTORY_NAME.test(name);
  // A class from a package is a client; a project's own class must say so (`ApiClient`, not `User`).
  return CLIENT_CLASS_NAME.test(name) || (module !== undefined && !isProjectModule(module));
}

/** Relative paths and the usual aliases (`@/`, `~/`, `#`, `src/`). */
function isProjectModule(module: string): boolean {
  return /^(\.{1,2}(\/|$)|\/|@\/|~\/|#|src\/)/.test(module);
}

function label(node: Creation, context: CreationContext): string {
  return context.sourceCode.getText(unwrapTypes(node.callee)).replace(/\s+/g, '');
}
