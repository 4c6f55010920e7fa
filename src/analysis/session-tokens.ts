import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  AUTH_JS_MODULE, COOKIE_FUNCTIONS, COOKIE_GETTERS, ID_NAME, LAMBDA_HANDLER_EXPORTS, MINTED_TOKEN_CALL, NOT_MINTED_CALL, NOT_USER_TOKEN,
  RANDOM_ID_CALL, REQUEST_COOKIE_PROPERTIES, REQUEST_EVENT_TYPE, REQUEST_SESSION_PROPERTIES, SESSION_COOKIE_NAME, SESSION_GETTER_CALL,
  TOKEN_PAYLOAD_KEYS, USER_TOKEN_NAME,
} from '../catalog/session-sources.js';
import { calleeName, isFunction, propertyName, staticString, unwrapTypes, unwrapValue, type FunctionNode } from './ast.js';
import { bindingPath } from './binding-path.js';
import { envReadName } from './env-reads.js';
import { resolveCallee, type ModuleImport } from './imports.js';
import type { RequestFlow } from './request-flow.js';
import { memberPath, type RequestSources } from './request-sources.js';

type Node = TSESTree.Node;

export type TokenKind = 'authorization' | 'header-map' | 'request-event' | 'session' | 'cookie' | 'minted' | 'named' | 'key';

/** A user's or session's token in a value: which kind, and the code that reads it (never a value). */
export interface TokenSource {
  kind: TokenKind;
  /** As written: `req.headers.authorization`, `sessionToken`, `getShortLivedToken()`. */
  text: string;
}

export interface SessionTokenContext {
  sourceCode: Readonly<TSESLint.SourceCode>;
  imports: ReadonlyMap<string, ModuleImport>;
  requests: RequestSources;
  /** The issue-4 request model's local flow, for the request's Authorization value. */
  flow: RequestFlow;
  /** Functions that read an env var by name (`requireEnv('X')`). */
  envHelpers: readonly string[];
}

const DEFAULT_ENV_HELPERS = ['requireEnv', 'getEnv', 'mustGetEnv', 'readEnv', 'getRequiredEnv', 'requiredEnv', 'mustEnv'];
const STRING_METHODS = new Set(['trim', 'slice', 'substring', 'replace', 'replaceAll', 'split', 'toString', 'at']);
const COPY_CALLS = new Set(['fromEntries', 'assign', 'structuredClone', 'from', 'entries', 'toJSON', 'raw', 'getAll', 'parse', 'stringify']);
const MAX_DEPTH = 5;

const compact = (name: string): string => name.replace(/[-_]/g, '').toLowerCase();

/** `sessionToken`, `access_token`, `idToken`, `jwt`, `bearer`; not `publicAccessToken`, `tokenId`, `csrfToken`. */
export function isUserTokenName(name: string): boolean {
  const key = compact(name);
  return USER_TOKEN_NAME.test(key) && !NOT_USER_TOKEN.test(key);
}

/** Payload keys that hold a token: the user-token names, and `token`, `apiKey`, `authorization`, `cookie`… */
export function isTokenPayloadKey(name: string): boolean {
  return isUserTokenName(name) || TOKEN_PAYLOAD_KEYS.includes(compact(name));
}

/**
 * Does a value carry a user's or session's token? The request's Authorization value (through the
 * request model's flow), the whole header map or request event, the session or its cookies, a
 * minted token, a token-named identifier or property, or a token-named payload `key` — unless the
 * value is a service credential read from the environment.
 */
export class SessionTokens {
  private readonly envHelpers: Set<string>;

  constructor(private readonly context: SessionTokenContext) {
    this.envHelpers = new Set([...DEFAULT_ENV_HELPERS, ...context.envHelpers]);
  }

  classify(node: Node, key?: string): TokenSource | undefined {
    const value = unwrapValue(node);
    if (!carriesValue(value) || this.fromEnv(value, 0)) return undefined;
    const found = this.source(value, 0);
    if (found) return found;
    if (key !== undefined && isTokenPayloadKey(key) && !isIdOrRandom(value)) return { kind: 'key', text: key };
    return undefined;
  }

  private source(node: Node, depth: number): TokenSource | undefined {
    const value = unwrapValue(node);
    if (depth > MAX_DEPTH || !carriesValue(value) || this.fromEnv(value, 0)) return undefined;
    const traced = this.context.flow.trace(value);
    if (traced) return { kind: 'authorization', text: traced.source.text };
    const direct = this.wholeRequest(value) ?? this.sessionRead(value) ?? this.named(value);
    if (direct) return direct;
    switch (value.type) {
      case AST_NODE_TYPES.Identifier:
        return this.local(value, depth);
      case AST_NODE_TYPES.TemplateLiteral:
        return this.first(value.expressions, depth);
      case AST_NODE_TYPES.LogicalExpression:
        return this.first([value.left, value.right], depth);
      case AST_NODE_TYPES.ConditionalExpression:
        return this.first([value.consequent, value.alternate], depth);
      case AST_NODE_TYPES.BinaryExpression:
        return value.operator === '+' ? this.first([value.left, value.right], depth) : undefined;
      case AST_NODE_TYPES.CallExpression: {
        const callee = unwrapTypes(value.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression && STRING_METHODS.has(propertyName(callee) ?? '')) return this.source(callee.object, depth + 1);
        return callee.type === AST_NODE_TYPES.Identifier && callee.name === 'String' && value.arguments[0] ? this.source(value.arguments[0], depth + 1) : undefined;
      }
      default:
        return undefined;
    }
  }

  private first(nodes: readonly Node[], depth: number): TokenSource | undefined {
    for (const node of nodes) {
      const found = this.source(node, depth + 1);
      if (found) return found;
    }
    return undefined;
  }

  /** A local's value (every write), or what it was destructured from: `const { data: { session } } = await supabase.auth.getSession()`. */
  private local(identifier: TSESTree.Identifier, depth: number): TokenSource | undefined {
    const variable = this.variable(identifier);
    if (!variable || variable.defs[0]?.type !== 'Variable') return this.eventParameter(identifier);
    for (const reference of variable.references) {
      if (!reference.isWrite()) continue;
      const bound = bindingPath(reference.identifier as TSESTree.Identifier);
      if (!bound?.value) continue;
      const found = bound.path.length === 0 ? this.source(bound.value, depth + 1) : this.destructured(bound.value, bound.path, identifier);
      if (found) return found;
    }
    return undefined;
  }

  private destructured(from: Node, path: readonly string[], identifier: TSESTree.Identifier): TokenSource | undefined {
    const text = identifier.name;
    if (this.isSessionGetter(from) && path.some((key) => key === 'session' || isTokenPayloadKey(key))) return { kind: 'session', text };
    const value = unwrapValue(from);
    if (this.context.requests.isRequestObject(value)) {
      if (REQUEST_SESSION_PROPERTIES.includes(path[0] ?? '') && (path.length === 1 || path.slice(1).some(isTokenPayloadKey))) return { kind: 'session', text };
      if (REQUEST_COOKIE_PROPERTIES.includes(path[0] ?? '') && (path.length === 1 || SESSION_COOKIE_NAME.test(path[1] ?? ''))) return { kind: 'cookie', text };
    }
    return undefined;
  }

  /** The request's header map, cookies or session as a whole, or a Lambda event, possibly copied (`Object.fromEntries(request.headers)`). */
  private wholeRequest(node: Node): TokenSource | undefined {
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
  private sessionRead(node: Node): TokenSource | undefined {
    const value = unwrapValue(node);
    const { requests } = this.context;
    const text = this.text(node);
    if (value.type === AST_NODE_TYPES.MemberExpression) {
      if (propertyName(value) === 'value') return this.sessionRead(value.object);
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

  /** A token-named identifier or property, or the result of a token-minting call. */
  private named(node: Node): TokenSource | undefined {
    const value = unwrapValue(node);
    const text = this.text(node);
    if (value.type === AST_NODE_TYPES.Identifier) return isUserTokenName(value.name) ? { kind: 'named', text } : undefined;
    if (value.type === AST_NODE_TYPES.MemberExpression) {
      const name = propertyName(value);
      return name !== undefined && isUserTokenName(name) ? { kind: 'named', text } : undefined;
    }
    if (value.type === AST_NODE_TYPES.CallExpression) {
      const name = calleeName(value.callee);
      return name !== undefined && MINTED_TOKEN_CALL.test(name) && !NOT_MINTED_CALL.test(name) ? { kind: 'minted', text: `${this.text(value.callee)}()` } : undefined;
    }
    return undefined;
  }

  /** A service credential from the environment: `process.env.X`, `requireEnv("X")`, `env.API_KEY`, or a local or constant holding one. */
  private fromEnv(node: Node, depth: number): boolean {
    const value = unwrapValue(node);
    if (depth > MAX_DEPTH) return false;
    if (envReadName(value) !== undefined) return true;
    switch (value.type) {
      case AST_NODE_TYPES.CallExpression: {
        const name = calleeName(value.callee);
        return name !== undefined && this.envHelpers.has(name) && staticString(value.arguments[0]) !== undefined;
      }
      case AST_NODE_TYPES.MemberExpression: {
        const name = propertyName(value);
        if (name !== undefined && /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(name)) return true;
        const object = unwrapValue(value.object);
        const init = object.type === AST_NODE_TYPES.Identifier ? this.initOf(object) : undefined;
        const literal = init && unwrapTypes(init);
        if (literal?.type !== AST_NODE_TYPES.ObjectExpression) return false;
        const property = literal.properties.find((candidate): candidate is TSESTree.Property => candidate.type === AST_NODE_TYPES.Property && propertyName(candidate) === name);
        return property !== undefined && this.fromEnv(property.value, depth + 1);
      }
      case AST_NODE_TYPES.TemplateLiteral:
        return value.expressions.length > 0 && value.expressions.every((expression) => this.fromEnv(expression, depth + 1));
      case AST_NODE_TYPES.LogicalExpression:
        return this.fromEnv(value.left, depth + 1) && (unwrapTypes(value.right).type === AST_NODE_TYPES.Literal || this.fromEnv(value.right, depth + 1));
      case AST_NODE_TYPES.ConditionalExpression:
        return this.fromEnv(value.consequent, depth + 1) && this.fromEnv(value.alternate, depth + 1);
      case AST_NODE_TYPES.Identifier: {
        const init = this.initOf(value);
        return init !== undefined && this.fromEnv(init, depth + 1);
      }
      default:
        return false;
    }
  }

  /** The first parameter of a Lambda handler (exported `handler`, or typed as an API Gateway/ALB event): the whole request. */
  private eventParameter(identifier: TSESTree.Identifier): TokenSource | undefined {
    const definition = this.variable(identifier)?.defs[0];
    if (definition?.type !== 'Parameter' || !isFunction(definition.node)) return undefined;
    const fn = definition.node;
    const parameter = definition.name as TSESTree.Identifier;
    if (fn.params[0] !== parameter) return undefined;
    const type = parameter.typeAnnotation?.typeAnnotation;
    const typeName = type?.type === AST_NODE_TYPES.TSTypeReference ? (type.typeName.type === AST_NODE_TYPES.Identifier ? type.typeName.name : type.typeName.type === AST_NODE_TYPES.TSQualifiedName ? type.typeName.right.name : undefined) : undefined;
    const isEvent = (typeName !== undefined && REQUEST_EVENT_TYPE.test(typeName)) || LAMBDA_HANDLER_EXPORTS.includes(exportedName(fn) ?? '');
    return isEvent ? { kind: 'request-event', text: identifier.name } : undefined;
  }

  private isSessionGetter(node: Node): boolean {
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
    const init = this.initOf(value);
    return init !== undefined && this.isCookieStore(init);
  }

  private isImportedAs(callee: Node, entries: readonly { module: string; name: string }[]): boolean {
    const resolved = resolveCallee(callee, this.context.imports, this.context.sourceCode);
    return resolved !== undefined && entries.some((entry) => entry.module === resolved.module && entry.name === resolved.exportName);
  }

  /** The initialiser of a `const` (or a `let` never written again), at any scope. */
  private initOf(identifier: TSESTree.Identifier): Node | undefined {
    const variable = this.variable(identifier);
    const definition = variable?.defs[0];
    if (definition?.type !== 'Variable' || definition.node.id.type !== AST_NODE_TYPES.Identifier || !definition.node.init) return undefined;
    return variable?.references.filter((reference) => reference.isWrite()).length === 1 ? definition.node.init : undefined;
  }

  private variable(identifier: TSESTree.Identifier): TSESLint.Scope.Variable | null {
    return ASTUtils.findVariable(this.context.sourceCode.getScope(identifier), identifier);
  }

  /** Code as written, on one line; long string literals are elided so a pasted secret never reaches a message. */
  private text(node: Node): string {
    const text = this.context.sourceCode.getText(node).replace(/\s+/g, ' ').replace(/(["'`])[^"'`]{20,}\1/g, '$1…$1');
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  }
}

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

/** Not a value worth a look: literals, `undefined`, `null`, functions, numbers. */
function carriesValue(value: Node): boolean {
  if (value.type === AST_NODE_TYPES.Literal || isFunction(value)) return false;
  if (value.type === AST_NODE_TYPES.TemplateLiteral) return value.expressions.length > 0;
  return !(value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined');
}

/** `token: job.tokenId`, `token: crypto.randomUUID()`: an id, not a credential. */
function isIdOrRandom(value: Node): boolean {
  if (value.type === AST_NODE_TYPES.Identifier) return ID_NAME.test(value.name);
  if (value.type === AST_NODE_TYPES.MemberExpression) return ID_NAME.test(propertyName(value) ?? '');
  if (value.type === AST_NODE_TYPES.CallExpression) return RANDOM_ID_CALL.test(calleeName(value.callee) ?? '');
  return false;
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
