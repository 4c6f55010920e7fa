import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { CREDENTIAL_SETTER, RELAY_CALLEES } from '../catalog/forwarding.js';
import { calleeName, propertyName, rootIdentifier, unwrapTypes } from './ast.js';
import type { CreationContext } from './client-creation.js';
import { isAuthHeaderName, isCredentialKey } from './credentials.js';
import { isEnvObject } from './env-reads.js';
import { refersTo } from './imports.js';
import { isModuleLevel } from './module-scope.js';
import { memberPath } from './request-sources.js';
import { clientBoundTo, type ServiceClient } from './service-clients.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

/** Where a credential is handed over outside a constructor: the setter's name and its client. */
export interface Setter {
  name: string;
  client: ServiceClient;
}

/** Auth headers in a call's per-request options: `{ headers: { Authorization: … } }`, also `new Headers({…})`. */
export function authHeaderProperties(argument: Node): TSESTree.Property[] {
  const options = unwrapTypes(argument);
  if (options.type !== AST_NODE_TYPES.ObjectExpression) return [];
  const found: TSESTree.Property[] = [];
  for (const property of options.properties) {
    if (property.type !== AST_NODE_TYPES.Property || !/^headers$/i.test(propertyName(property) ?? '')) continue;
    let headers = unwrapTypes(property.value);
    if (headers.type === AST_NODE_TYPES.NewExpression && calleeName(headers.callee) === 'Headers' && headers.arguments[0]) headers = unwrapTypes(headers.arguments[0]);
    if (headers.type !== AST_NODE_TYPES.ObjectExpression) continue;
    for (const header of headers.properties) {
      if (header.type === AST_NODE_TYPES.Property && isAuthHeaderName(propertyName(header) ?? '')) found.push(header);
    }
  }
  return found;
}

/** `sgMail.setApiKey(token)`, `dbx.auth.setAccessToken(token)`, or an imported `setApiKey(token)`. */
export function credentialSetterCall(call: TSESTree.CallExpression, context: CreationContext): (Setter & { value: Node }) | undefined {
  const callee = unwrapTypes(call.callee);
  const name = calleeName(callee);
  const [value] = call.arguments;
  if (name === undefined || !CREDENTIAL_SETTER.test(name) || !value || value.type === AST_NODE_TYPES.SpreadElement) return undefined;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return { name, value, client: receiverClient(callee.object, context) };
  if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  // A bare `setToken(x)` is more often a local state setter than an SDK's: only an imported one counts.
  const imported = context.imports.get(callee.name);
  if (!imported || !refersTo(context.sourceCode, callee, imported.definition)) return undefined;
  return { name, value, client: { label: imported.module, provider: imported.module, credentials: [] } };
}

/** `client.apiKey = token`, `this.openai.apiKey = token`: a credential property of a client (not of a user record). */
export function setterAssignment(node: TSESTree.AssignmentExpression, context: CreationContext): Setter | undefined {
  const left = unwrapTypes(node.left);
  if (left.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = propertyName(left);
  if (name === undefined || !isCredentialKey(name)) return undefined;
  const client = receiverClient(left.object, context);
  const bound = rootIdentifier(left.object);
  const known = bound && clientBoundTo(bound, context);
  return known || /(client|sdk|api|openai|anthropic)$/i.test(lastName(left.object) ?? '') ? { name, client } : undefined;
}

/** `axios.defaults.headers.common.Authorization = token`: a default header every later call sends. */
export function defaultHeaderAssignment(node: TSESTree.AssignmentExpression, sourceCode: SourceCode): Setter | undefined {
  const left = unwrapTypes(node.left);
  if (left.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = propertyName(left);
  const path = memberPath(left)?.path ?? [];
  if (name === undefined || !isAuthHeaderName(name) || !path.some((key) => key === 'defaults' || key === 'defaultHeaders')) return undefined;
  const label = sourceCode.getText(rootIdentifier(left) ?? left.object);
  return { name, client: { label, provider: label, credentials: [] } };
}

/**
 * Module-level state a handler writes into: a top-level `let`, a property of a module-level or
 * imported object, `process.env`, `globalThis`. Its name as written, or undefined for locals.
 */
export function moduleStateTarget(target: Node, sourceCode: SourceCode): string | undefined {
  const left = unwrapTypes(target);
  const base = left.type === AST_NODE_TYPES.MemberExpression ? memberPath(left)?.base : left;
  if (!base) return undefined;
  if (left.type === AST_NODE_TYPES.MemberExpression && isEnvObject(left.object)) return sourceCode.getText(left);
  if (base.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(sourceCode.getScope(base), base);
  const shared = variable ? variable.defs.length > 0 && isModuleLevel(variable) : /^(globalThis|global|window|self)$/.test(base.name);
  return shared ? sourceCode.getText(left) : undefined;
}

/** `fetch(url, { headers })`, `axios.post(url, body, { headers })`, `got(url, { headers })`: a relay of the token downstream. */
export function relayCall(call: TSESTree.CallExpression, sourceCode: SourceCode): { headers: TSESTree.Property[]; client: ServiceClient } | undefined {
  const root = rootIdentifier(call.callee);
  if (!root || !RELAY_CALLEES.includes(root.name)) return undefined;
  const headers = call.arguments.flatMap(authHeaderProperties);
  const label = sourceCode.getText(call.callee);
  return headers.length > 0 ? { headers, client: { label, provider: label, credentials: [] } } : undefined;
}

function receiverClient(receiver: Node, context: CreationContext): ServiceClient {
  const label = context.sourceCode.getText(receiver);
  const root = rootIdentifier(receiver);
  const known = root && clientBoundTo(root, context);
  const imported = root && context.imports.get(root.name);
  return { label, provider: known?.provider ?? imported?.module ?? label, credentials: [], ...(known?.envVar ? { envVar: known.envVar } : {}) };
}

function lastName(node: Node): string | undefined {
  const value = unwrapTypes(node);
  if (value.type === AST_NODE_TYPES.Identifier) return value.name;
  return value.type === AST_NODE_TYPES.MemberExpression ? propertyName(value) : undefined;
}
