import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { MCP_TOKEN_PATH, REQUEST_AUTH_HEADERS, REQUEST_FRAMEWORKS } from '../catalog/request-frameworks.js';
import { propertyName, staticString, unwrapTypes, unwrapValue } from './ast.js';
import { bindingPath } from './binding-path.js';
import { isEnvObject } from './env-reads.js';
import { resolveCallee, type ModuleImport } from './imports.js';

type Node = TSESTree.Node;

/** Where a request's credential is read: the code that reads it, and which kind it is. */
export interface RequestAuthSource {
  node: Node;
  /** As written, for messages: `req.headers.authorization`, `c.req.header("Authorization")`. Never a value. */
  text: string;
  /** `header`: the Authorization header; `mcp-token`: an MCP server's verified inbound token. */
  kind: 'header' | 'mcp-token';
}

export interface RequestSourceContext {
  sourceCode: Readonly<TSESLint.SourceCode>;
  imports: ReadonlyMap<string, ModuleImport>;
}

const HEADER_MAPS = new Set(REQUEST_FRAMEWORKS.flatMap((framework) => framework.headerMaps));
const HEADER_GETTERS = new Set(REQUEST_FRAMEWORKS.flatMap((framework) => framework.headerGetters));
const REQUEST_PROPERTIES = new Set(['request', ...REQUEST_FRAMEWORKS.flatMap((framework) => framework.requestProperties ?? [])]);
const HEADER_FUNCTIONS = REQUEST_FRAMEWORKS.flatMap((framework) => framework.headerFunctions ?? []);
const HEADER_DECORATORS = REQUEST_FRAMEWORKS.flatMap((framework) => framework.headerDecorators ?? []);

/** Header names compare case-insensitively (RFC 9110), so `Authorization` and `authorization` are one header. */
export function isRequestAuthHeader(name: string | undefined): boolean {
  return name !== undefined && REQUEST_AUTH_HEADERS.includes(name.toLowerCase());
}

/**
 * The request model: recognises, by shape and without types, the expressions that read an incoming
 * request's Authorization value (or an MCP server's inbound token) in the frameworks of the catalog.
 * The request object is a handler's parameter, or reached from one (`c.req`, `ctx.request`).
 */
export class RequestSources {
  constructor(private readonly context: RequestSourceContext) {}

  /** The source `node` reads directly: `req.headers.authorization`, `req.get("Authorization")`, a `@Headers("authorization")` parameter. */
  read(node: Node): RequestAuthSource | undefined {
    const value = unwrapValue(node);
    if (value.type === AST_NODE_TYPES.MemberExpression) {
      const access = memberPath(value);
      return access && this.readPath(access.base, access.path, value);
    }
    if (value.type === AST_NODE_TYPES.CallExpression) return this.readCall(value);
    if (value.type === AST_NODE_TYPES.Identifier) return this.decoratedParameter(value);
    return undefined;
  }

  /** The source read by taking `path` out of `base`: `const { headers: { authorization } } = req`. */
  readPath(base: Node, path: readonly string[], at: Node): RequestAuthSource | undefined {
    if (isEnvObject(base)) return undefined;
    if (endsWith(path, MCP_TOKEN_PATH)) return this.source(at, 'mcp-token');
    if (!isRequestAuthHeader(path.at(-1))) return undefined;
    const holder = path.slice(0, -1);
    const isMap = holder.length === 0 ? this.isHeaderMap(base) : HEADER_MAPS.has(holder.at(-1) ?? '') && !isLiteralBound(base, this.context.sourceCode);
    return isMap ? this.source(at, 'header') : undefined;
  }

  /** A request's header map: `req.headers`, `ctx.request.header`, `await headers()`, `@Headers() h`, `const { headers } = req`. */
  isHeaderMap(node: Node, depth = 0): boolean {
    const value = unwrapValue(node);
    if (depth > 4) return false;
    if (value.type === AST_NODE_TYPES.MemberExpression) {
      const name = propertyName(value);
      return name !== undefined && HEADER_MAPS.has(name) && !isEnvObject(value.object) && !isLiteralBound(value.object, this.context.sourceCode);
    }
    if (value.type === AST_NODE_TYPES.CallExpression) {
      const resolved = resolveCallee(value.callee, this.context.imports, this.context.sourceCode);
      if (resolved && HEADER_FUNCTIONS.some((fn) => fn.module === resolved.module && fn.name === resolved.exportName)) return true;
      // Hono: `c.req.header()` without a name returns every header.
      const callee = unwrapTypes(value.callee);
      return value.arguments.length === 0 && callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'header' && this.isRequestObject(callee.object, depth + 1);
    }
    if (value.type !== AST_NODE_TYPES.Identifier) return false;
    if (this.decorator(value)?.arguments.length === 0) return true;
    return this.boundFrom(value, depth, (path, from) => (path.length === 0 ? from !== undefined && this.isHeaderMap(from, depth + 1) : HEADER_MAPS.has(path.at(-1) ?? '')));
  }

  /** A request object: a handler's parameter, `c.req`, `ctx.request`, or a local bound to one. */
  isRequestObject(node: Node, depth = 0): boolean {
    const value = unwrapValue(node);
    if (depth > 4) return false;
    if (value.type === AST_NODE_TYPES.MemberExpression) {
      const name = propertyName(value);
      return name !== undefined && REQUEST_PROPERTIES.has(name) && this.isRequestObject(value.object, depth + 1);
    }
    if (value.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = this.variable(value);
    if (variable?.defs.some((def) => def.type === 'Parameter' && !isDestructured(def.name))) return true;
    return this.boundFrom(value, depth, (path, from) => (path.length === 0 ? from !== undefined && this.isRequestObject(from, depth + 1) : REQUEST_PROPERTIES.has(path.at(-1) ?? '')));
  }

  private readCall(call: TSESTree.CallExpression): RequestAuthSource | undefined {
    const callee = unwrapTypes(call.callee);
    const [first] = call.arguments;
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !first || !isRequestAuthHeader(staticString(first))) return undefined;
    const method = propertyName(callee);
    // Fetch `Headers.get(name)`, or a framework's own getter on the request (`req.get`, `ctx.get`, `c.req.header`).
    if (method === 'get' && this.isHeaderMap(callee.object)) return this.source(call, 'header');
    if (method !== undefined && HEADER_GETTERS.has(method) && this.isRequestObject(callee.object)) return this.source(call, 'header');
    return undefined;
  }

  /** A NestJS parameter injected with `@Headers("authorization")`. */
  private decoratedParameter(identifier: TSESTree.Identifier): RequestAuthSource | undefined {
    const parameter = this.variable(identifier)?.defs.find((def) => def.type === 'Parameter')?.name;
    if (parameter?.type !== AST_NODE_TYPES.Identifier) return undefined;
    const decorator = this.decorator(parameter);
    if (!decorator || !isRequestAuthHeader(staticString(decorator.arguments[0]))) return undefined;
    return { node: parameter, text: `${this.context.sourceCode.getText(decorator.parent)} ${parameter.name}`, kind: 'header' };
  }

  /** The `@Headers(...)` call on the parameter `identifier` refers to (or is), when imported from the framework. */
  private decorator(identifier: TSESTree.Identifier): TSESTree.CallExpression | undefined {
    const parameter = this.variable(identifier)?.defs.find((def) => def.type === 'Parameter')?.name ?? identifier;
    for (const decorator of (parameter as TSESTree.Identifier).decorators ?? []) {
      const call = decorator.expression;
      if (call.type !== AST_NODE_TYPES.CallExpression) continue;
      const resolved = resolveCallee(call.callee, this.context.imports, this.context.sourceCode);
      if (resolved && HEADER_DECORATORS.some((entry) => entry.module === resolved.module && entry.name === resolved.exportName)) return call;
    }
    return undefined;
  }

  /** Applies `test` to how a local is bound: the key path it was destructured at, and what from. */
  private boundFrom(identifier: TSESTree.Identifier, depth: number, test: (path: string[], from: Node | undefined) => boolean): boolean {
    const definition = this.variable(identifier)?.defs[0];
    if (!definition || (definition.type !== 'Variable' && definition.type !== 'Parameter')) return false;
    const bound = bindingPath(definition.name as TSESTree.Identifier);
    if (!bound || depth > 4) return false;
    // `({ headers }) => …`, `({ req }) => …`: destructured from a handler's argument.
    if (definition.type === 'Parameter') return bound.path.length > 0 && test(bound.path, undefined);
    return test(bound.path, bound.value);
  }

  private variable(identifier: TSESTree.Identifier): TSESLint.Scope.Variable | null {
    return ASTUtils.findVariable(this.context.sourceCode.getScope(identifier), identifier);
  }

  private source(node: Node, kind: RequestAuthSource['kind']): RequestAuthSource {
    return { node, text: this.context.sourceCode.getText(node).replace(/\s+/g, ' '), kind };
  }
}

/** `a.b['c'].d` → { base: a, path: ['b', 'c', 'd'] }; stops at a dynamic key. */
export function memberPath(node: TSESTree.MemberExpression): { base: Node; path: string[] } | undefined {
  const path: string[] = [];
  let current: Node = node;
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    const key = propertyName(current) ?? numericKey(current);
    if (key === undefined) return undefined;
    path.unshift(key);
    current = unwrapTypes(current.object);
  }
  return { base: current, path };
}

function numericKey(member: TSESTree.MemberExpression): string | undefined {
  return member.computed && member.property.type === AST_NODE_TYPES.Literal && typeof member.property.value === 'number' ? String(member.property.value) : undefined;
}

function endsWith(path: readonly string[], suffix: readonly string[]): boolean {
  return path.length >= suffix.length && suffix.every((key, index) => path[path.length - suffix.length + index] === key);
}

function isDestructured(name: Node): boolean {
  return name.parent?.type === AST_NODE_TYPES.Property || name.parent?.type === AST_NODE_TYPES.ArrayPattern;
}

/** `const options = { headers: {…} }`: a literal the code built itself is not a request. */
function isLiteralBound(node: Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const base = unwrapTypes(node);
  if (base.type === AST_NODE_TYPES.ObjectExpression) return true;
  if (base.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = ASTUtils.findVariable(sourceCode.getScope(base), base)?.defs[0]?.node;
  return definition?.type === AST_NODE_TYPES.VariableDeclarator && definition.init !== null && unwrapTypes(definition.init).type === AST_NODE_TYPES.ObjectExpression;
}
