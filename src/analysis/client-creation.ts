import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { findClientSpec, isLongLivedModule, type ClientSpec } from '../catalog/index.js';
import type { ScaleAuthSettings } from '../settings.js';
import { calleeName, propertyName, staticString, unwrapTypes, unwrapValue } from './ast.js';
import { isAuthHeaderName, isCredentialEnvName, isCredentialKey, isHeadersKey, isPublicKeyEnvName } from './credentials.js';
import { envReadName, envReadsIn } from './env-reads.js';
import { resolveCallee, type ModuleImport } from './imports.js';

type Node = TSESTree.Node;
export type Creation = TSESTree.NewExpression | TSESTree.CallExpression;

/** An expression that creates an authenticated client, and what it authenticates with. */
export interface ClientCreation {
  node: Creation;
  /** As written at the call site: `OpenAI`, `createClient`, `ApiClient`. */
  clientName: string;
  provider: string;
  spec?: ClientSpec;
  /** Option values or arguments that carry the credential (empty when the SDK reads its env var). */
  credentials: Node[];
  /** Env vars the credential comes from: read in the source, or read by the SDK itself. */
  envNames: string[];
  /** True when no credential is passed and the SDK reads `envNames` by itself. */
  implicit: boolean;
}

export interface CreationContext {
  imports: ReadonlyMap<string, ModuleImport>;
  sourceCode: Readonly<TSESLint.SourceCode>;
  settings: ScaleAuthSettings;
}

/** Option objects clients nest their settings in (`configuration` in LangChain, `global` in Supabase). */
const NESTED_OPTION_KEYS = /^(configuration|clientOptions|client_options|clientConfig|global|options|config|fetchOptions|requestOptions)$/;

/** Builtins whose options are data, never a client (`new URLSearchParams({ client_secret })`). */
const BUILTIN_CONSTRUCTORS = new Set([
  'URL', 'URLSearchParams', 'Map', 'Set', 'WeakMap', 'WeakSet', 'Date', 'Error', 'TypeError', 'RegExp',
  'Promise', 'Proxy', 'FormData', 'Blob', 'File', 'Request', 'Response', 'Headers', 'TextEncoder',
  'TextDecoder', 'AbortController', 'Event', 'CustomEvent', 'EventEmitter', 'Array', 'Object', 'Buffer',
]);

/** Factory names a generic (uncatalogued) client call must have: `createClient`, `axios.create`, `got.extend`. */
const FACTORY_NAME = /^(create|make|build|init|setup|configure|connect)([A-Z_]|$)|^(extend|new[A-Z]\w*)$|(Client|Sdk|SDK|Api|API)$/;

/** A value that could carry a secret: not `undefined`, `null`, a boolean, a number or `''`. */
function carriesValue(node: Node): boolean {
  const value = unwrapTypes(node);
  if (value.type === AST_NODE_TYPES.Literal) return typeof value.value === 'string' && value.value !== '';
  if (value.type === AST_NODE_TYPES.Identifier) return value.name !== 'undefined';
  if (value.type === AST_NODE_TYPES.TemplateLiteral) return value.expressions.length > 0 || value.quasis.some((q) => q.value.raw !== '');
  return value.type !== AST_NODE_TYPES.ObjectExpression || value.properties.length > 0;
}

/** Auth header values in a header map: `{ Authorization: `Bearer ${k}` }`. */
function authHeaderValues(headers: Node, found: Node[]): void {
  const object = unwrapTypes(headers);
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return;
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const name = propertyName(property);
    if (name !== undefined && isAuthHeaderName(name) && carriesValue(property.value)) found.push(property.value);
  }
}

/** Credential-carrying option values in an options object, including nested option objects and headers. */
function credentialOptionValues(options: Node, credentialKeys: readonly string[], found: Node[], depth = 0): void {
  const object = unwrapTypes(options);
  if (object.type !== AST_NODE_TYPES.ObjectExpression || depth > 2) return;
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = propertyName(property);
    if (key === undefined) continue;
    if (isHeadersKey(key)) authHeaderValues(property.value, found);
    else if (credentialKeys.includes(key) || isCredentialKey(key)) {
      if (carriesValue(property.value)) found.push(property.value);
    } else if (NESTED_OPTION_KEYS.test(key)) credentialOptionValues(property.value, credentialKeys, found, depth + 1);
  }
}

/** Env vars behind credential values: direct reads, and one hop through a module-level constant. */
export function credentialEnvNames(values: readonly Node[], sourceCode: Readonly<TSESLint.SourceCode>): string[] {
  const names = new Set<string>();
  for (const value of values) {
    for (const read of envReadsIn(value)) names.add(read.name);
    const identifier = unwrapValue(value);
    if (identifier.type !== AST_NODE_TYPES.Identifier) continue;
    const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
    const definition = variable?.defs[0]?.node;
    if (definition?.type === AST_NODE_TYPES.VariableDeclarator && definition.init) {
      for (const read of envReadsIn(definition.init)) names.add(read.name);
    }
  }
  return [...names];
}

function positionalCredential(node: Creation, index: number | undefined): Node | undefined {
  if (index === undefined) return undefined;
  const argument = node.arguments[index];
  return argument && argument.type !== AST_NODE_TYPES.SpreadElement && carriesValue(argument) ? argument : undefined;
}

/** A credential held by a refreshing provider (`credentials: fromNodeProviderChain()`) is not static. */
function isProviderCall(node: Node): boolean {
  const value = unwrapValue(node);
  return value.type === AST_NODE_TYPES.CallExpression || value.type === AST_NODE_TYPES.ArrowFunctionExpression || value.type === AST_NODE_TYPES.FunctionExpression;
}

function fromCatalog(node: Creation, spec: ClientSpec, clientName: string, context: CreationContext): ClientCreation | undefined {
  const credentials: Node[] = [];
  const positional = positionalCredential(node, spec.credentialArgument);
  if (positional) credentials.push(positional);
  for (const argument of node.arguments) credentialOptionValues(argument, spec.credentialOptions, credentials);
  const explicit = spec.resolvesCredentialLazily ? credentials.filter((value) => !isProviderCall(value)) : credentials;
  if (explicit.length > 0) {
    const envNames = credentialEnvNames(explicit, context.sourceCode);
    // Supabase on its anon key: a shared module-scope client is the documented pattern, users' sessions authenticate.
    if (spec.delegatedAuth && envNames.length > 0 && envNames.every(isPublicKeyEnvName)) return undefined;
    return { node, clientName, provider: spec.provider, spec, credentials: explicit, envNames, implicit: false };
  }
  if (spec.resolvesCredentialLazily || !spec.defaultEnv?.length) return undefined;
  return { node, clientName, provider: spec.provider, spec, credentials: [], envNames: [...spec.defaultEnv], implicit: true };
}

function generic(node: Creation, clientName: string | undefined, context: CreationContext): ClientCreation | undefined {
  if (clientName === undefined || BUILTIN_CONSTRUCTORS.has(clientName)) return undefined;
  if (node.type === AST_NODE_TYPES.CallExpression && !FACTORY_NAME.test(clientName)) return undefined;
  const credentials: Node[] = [];
  for (const argument of node.arguments) credentialOptionValues(argument, [], credentials);
  if (node.type === AST_NODE_TYPES.NewExpression) {
    // `new Resend(process.env.RESEND_API_KEY)`: a credential env var passed positionally.
    for (const argument of node.arguments) {
      const name = envReadName(argument);
      if (name !== undefined && isCredentialEnvName(name)) credentials.push(argument);
    }
  }
  if (credentials.length === 0) return undefined;
  return { node, clientName, provider: clientName, credentials, envNames: credentialEnvNames(credentials, context.sourceCode), implicit: false };
}

/**
 * Does `node` create an authenticated client? A catalog SDK (through its import) with an explicit
 * credential or one it reads from the env by itself, or any constructor or factory-named call given
 * a credential-like option or auth header. Long-lived connections (queues, databases) and auth
 * middleware are not clients here.
 */
export function classifyCreation(node: Creation, context: CreationContext): ClientCreation | undefined {
  if (node.callee.type === AST_NODE_TYPES.Super) return undefined;
  const resolved = resolveCallee(node.callee, context.imports, context.sourceCode);
  if (resolved) {
    if (isLongLivedModule(resolved.module, context.settings.longLivedModules)) return undefined;
    const spec = findClientSpec(resolved.module, resolved.exportName, context.settings.clients);
    if (spec) return fromCatalog(node, spec, resolved.localName, context);
  }
  const callee = unwrapTypes(node.callee);
  if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'require') return undefined;
  return generic(node, calleeName(callee) ?? staticString(callee), context);
}
