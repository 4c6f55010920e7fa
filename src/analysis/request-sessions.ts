import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  AUTH_JS_MODULE, COOKIE_FUNCTIONS, COOKIE_GETTERS, LAMBDA_HANDLER_EXPORTS, REQUEST_COOKIE_PROPERTIES, REQUEST_EVENT_TYPE, REQUEST_SESSION_PROPERTIES,
  SESSION_COOKIE_NAME, SESSION_GETTER_CALL,
} from '../catalog/session-sources.js';
import { calleeName, isFunction, propertyName, staticString, unwrapTypes, unwrapValue, type FunctionNode } from './ast.js';
import { constInit } from './const-init.js';
import { resolveCallee, type ModuleImport } from './imports.js';
import { memberPath, type RequestSources } from './request-sources.js';
import type { TokenSource } from './session-tokens.js';
import { isTokenPayloadKey } from './token-names.js';

type Node = TSESTree.Node;

const COPY_CALLS = new Set(['fromEntries', 'assign', 'structuredClone', 'from', 'entries', 'toJSON', 'raw', 'getAll', 'parse', 'stringify']);

export interface RequestSessionContext {
  sourceCode: Readonly<TSESLint.SourceCode>;
  imports: ReadonlyMap<string, ModuleImport>;
  requests: RequestSources;
}

/**
 * What a request carries besides its Authorization value, read whole or in part: the header map,
 * a Lambda event, the session, its cookies. Built on the request model of `request-sources.ts`.
 */
export class RequestSessions {
  constructor(
    private readonly context: RequestSessionContext,
    private readonly text: (node: Node) => string,
  ) {}

  /** The request's header map, cookies or session as a whole, or a Lambda event, possibly copied (`Object.fromEntries(request.headers)`). */
  whole(node: Node): TokenSource | undefined {
    const value = copied(node);
    const { requests } = this.context;
    const text = this.text(node);
    if (value.type === AST_NODE_TYPES.MemberExpression) {
      const name = propertyName(value);
      if (name === undefined || !requests.isRequestObject(value.object)) return undefined;
      if (REQUEST_SESSION_PROPERTIES.includes(name)) return { kind: 'session', text };
      if (REQUEST_COOKIE_PROPERTIES.includes(name)) return { kind: 'cookie', text };
      return requests.isHeaderMap(value) ? { kind: 'header-map', text } : undefined;
    }
    if (value.type === AST_NODE_TYPES.CallExpression) {
      if (this.isImportedAs(value.callee, COOKIE_FUNCTIONS)) return { kind: 'cookie', text };
      if (this.isSessionGetter(value)) return { kind: 'session', text };
      return requests.isHeaderMap(value) ? { kind: 'header-map', text } : undefined;
    }
    if (value.type === AST_NODE_TYPES.Identifier) {
      if (requests.isHeaderMap(value)) return { kind: 'header-map', text };
      return this.eventParameter(value);
    }
    return undefined;
  }
  /** A token kept in the session or a session cookie: `req.session.accessToken`, `req.cookies.sid`, `cookies().get("session")?.value`, `req.headers.cookie`. */
  read(node: Node): TokenSource | undefined {
    const value = unwrapValue(node);
    const { requests } = this.context;
    const text = this.text(node);
    if (value.type === AST_NODE_TYPES.MemberExpression) {
      if (propertyName(value) === 'value') return this.read(value.object);
      const access = memberPath(value);
      if (!access) return undefined;
      const [first, ...rest] = access.path;
      if (first === undefined) return undefined;
      const baseIsRequest = requests.isRequestObject(access.base);
      if (baseIsRequest && REQUEST_SESSION_PROPERTIES.includes(first) && rest.some(isTokenPayloadKey)) return { kind: 'session', text };
      if (baseIsRequest && REQUEST_COOKIE_PROPERTIES.includes(first) && rest.length === 1 && SESSION_COOKIE_NAME.test(rest[0] ?? '')) return { kind: 'cookie', text };
      const header = access.path.at(-1) ?? '';
      const holder = access.path.length === 1 ? access.base : unwrapTypes(value.object);
      return header.toLowerCase() === 'cookie' && requests.isHeaderMap(holder) ? { kind: 'cookie', text } : undefined;
    }
    if (value.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const name = staticString(value.arguments.at(-1));
    if (this.isImportedAs(value.callee, COOKIE_GETTERS)) return name === undefined || SESSION_COOKIE_NAME.test(name) ? { kind: 'cookie', text } : undefined;
    const callee = unwrapTypes(value.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || name === undefined) return undefined;
    const method = propertyName(callee);
    if (name.toLowerCase() === 'cookie' && ((method === 'get' && requests.isHeaderMap(callee.object)) || ((method === 'get' || method === 'header') && requests.isRequestObject(callee.object)))) return { kind: 'cookie', text };
    if ((method === 'get' || method === 'cookie') && SESSION_COOKIE_NAME.test(name) && this.isCookieStore(callee.object)) return { kind: 'cookie', text };
    return undefined;
  }
  destructured(from: Node, path: readonly string[], identifier: TSESTree.Identifier): TokenSource | undefined {
    const text = identifier.name;
    if (this.isSessionGetter(from) && path.some((key) => key === 'session' || isTokenPayloadKey(key))) return { kind: 'session', text };
    const value = unwrapValue(from);
    if (this.context.requests.isRequestObject(value)) {
      if (REQUEST_SESSION_PROPERTIES.includes(path[0] ?? '') && (path.length === 1 || path.slice(1).some(isTokenPayloadKey))) return { kind: 'session', text };
      if (REQUEST_COOKIE_PROPERTIES.includes(path[0] ?? '') && (path.length === 1 || SESSION_COOKIE_NAME.test(path[1] ?? ''))) return { kind: 'cookie', text };
    }
    return undefined;
  }
  /** The first parameter of a Lambda handler (exported `handler`, or typed as an API Gateway/ALB event): the whole request. */
  eventParameter(identifier: TSESTree.Identifier): TokenSource | undefined {
    const definition = ASTUtils.findVariable(this.context.sourceCode.getScope(identifier), identifier)?.defs[0];
    if (definition?.type !== 'Parameter' || !isFunction(definition.node)) return undefined;
    const fn = definition.node;
    const parameter = definition.name as TSESTree.Identifier;
    if (fn.params[0] !== parameter) return undefined;
    const type = parameter.typeAnnotation?.typeAnnotation;
    const typeName = type?.type === AST_NODE_TYPES.TSTypeReference ? (type.typeName.type === AST_NODE_TYPES.Identifier ? type.typeName.name : type.typeName.type === AST_NODE_TYPES.TSQualifiedName ? type.typeName.right.name : undefined) : undefined;
    const isEvent = (typeName !== undefined && REQUEST_EVENT_TYPE.test(typeName)) || LAMBDA_HANDLER_EXPORTS.includes(exportedName(fn) ?? '');
    return isEvent ? { kind: 'request-event', text: identifier.name } : undefined;
  }
  isSessionGetter(node: Node): boolean {
    const value = unwrapValue(node);
    if (value.type !== AST_NODE_TYPES.CallExpression) return false;
    if (SESSION_GETTER_CALL.test(calleeName(value.callee) ?? '')) return true;
    const resolved = resolveCallee(value.callee, this.context.imports, this.context.sourceCode);
    return resolved?.exportName === 'auth' && AUTH_JS_MODULE.test(resolved.module);
  }
  /** A cookie store: `cookies()` of next/headers (awaited or in a local), a request's `cookies`, Hono's `c.req`. */
  private isCookieStore(node: Node): boolean {
    const value = unwrapValue(node);
    if (value.type === AST_NODE_TYPES.CallExpression) return this.isImportedAs(value.callee, COOKIE_FUNCTIONS);
    if (value.type === AST_NODE_TYPES.MemberExpression) {
      const name = propertyName(value) ?? '';
      return (REQUEST_COOKIE_PROPERTIES.includes(name) && this.context.requests.isRequestObject(value.object)) || (name === 'req' && this.context.requests.isRequestObject(value));
    }
    if (value.type !== AST_NODE_TYPES.Identifier) return false;
    const init = constInit(value, this.context.sourceCode);
    return init !== undefined && this.isCookieStore(init);
  }
  private isImportedAs(callee: Node, entries: readonly { module: string; name: string }[]): boolean {
    const resolved = resolveCallee(callee, this.context.imports, this.context.sourceCode);
    return resolved !== undefined && entries.some((entry) => entry.module === resolved.module && entry.name === resolved.exportName);
  }}

/** A copy of a whole object keeps what it copies: `Object.fromEntries(headers)`, `new Headers(h)`, `{ ...h }` is the walker's. */
function copied(node: Node): Node {
  let value = unwrapValue(node);
  for (let step = 0; step < 4; step += 1) {
    if (value.type === AST_NODE_TYPES.NewExpression && ['Headers', 'Map'].includes(calleeName(value.callee) ?? '') && value.arguments[0]) {
      value = unwrapValue(value.arguments[0]);
    } else if (value.type === AST_NODE_TYPES.CallExpression && COPY_CALLS.has(calleeName(value.callee) ?? '')) {
      const callee = unwrapTypes(value.callee);
      const argument = value.arguments.at(-1);
      // `headers.entries()` copies its object; `Object.fromEntries(x)` and `structuredClone(x)` their argument.
      if (callee.type === AST_NODE_TYPES.MemberExpression && value.arguments.length === 0) value = unwrapValue(callee.object);
      else if (argument && argument.type !== AST_NODE_TYPES.SpreadElement) value = unwrapValue(argument);
      else return value;
    } else {
      return value;
    }
  }
  return value;
}

/** `export const handler = …`, `export async function handler`, `exports.handler = …`. */
function exportedName(fn: FunctionNode): string | undefined {
  const parent = fn.parent;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return parent?.type === AST_NODE_TYPES.ExportNamedDeclaration ? fn.id?.name : undefined;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
    return parent.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration ? parent.id.name : undefined;
  }
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left.type === AST_NODE_TYPES.MemberExpression) {
    const target = memberPath(parent.left);
    const isExports = target && target.base.type === AST_NODE_TYPES.Identifier && (target.base.name === 'exports' || (target.base.name === 'module' && target.path[0] === 'exports'));
    return isExports ? target.path.at(-1) : undefined;
  }
  return undefined;
}
