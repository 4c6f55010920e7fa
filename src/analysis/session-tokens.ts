import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { ID_NAME, MINTED_TOKEN_CALL, NOT_MINTED_CALL, RANDOM_ID_CALL } from '../catalog/session-sources.js';
import { calleeName, isFunction, propertyName, unwrapTypes, unwrapValue } from './ast.js';
import { bindingPath } from './binding-path.js';
import { EnvCredentials } from './env-credentials.js';
import type { ModuleImport } from './imports.js';
import type { RequestFlow } from './request-flow.js';
import type { RequestSources } from './request-sources.js';
import { RequestSessions } from './request-sessions.js';
import { isTokenPayloadKey, isUserTokenName } from './token-names.js';

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

const STRING_METHODS = new Set(['trim', 'slice', 'substring', 'replace', 'replaceAll', 'split', 'toString', 'at']);
const MAX_DEPTH = 5;

/**
 * Does a value carry a user's or session's token? The request's Authorization value (through the
 * request model's flow), the whole header map or request event, the session or its cookies, a
 * minted token, a token-named identifier or property, or a token-named payload `key` — unless the
 * value is a service credential read from the environment.
 */
export class SessionTokens {
  private readonly env: EnvCredentials;
  private readonly sessions: RequestSessions;

  constructor(private readonly context: SessionTokenContext) {
    this.env = new EnvCredentials(context.sourceCode, context.envHelpers);
    this.sessions = new RequestSessions(context, (node) => this.text(node));
  }

  classify(node: Node, key?: string): TokenSource | undefined {
    const value = unwrapValue(node);
    if (!carriesValue(value) || this.env.isFromEnv(value)) return undefined;
    const found = this.source(value, 0);
    if (found) return found;
    if (key !== undefined && isTokenPayloadKey(key) && !isIdOrRandom(value)) return { kind: 'key', text: key };
    return undefined;
  }

  private source(node: Node, depth: number): TokenSource | undefined {
    const value = unwrapValue(node);
    if (depth > MAX_DEPTH || !carriesValue(value) || this.env.isFromEnv(value)) return undefined;
    const traced = this.context.flow.trace(value);
    if (traced) return { kind: 'authorization', text: traced.source.text };
    const direct = this.sessions.whole(value) ?? this.sessions.read(value) ?? this.named(value);
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
    if (!variable || variable.defs[0]?.type !== 'Variable') return this.sessions.eventParameter(identifier);
    for (const reference of variable.references) {
      if (!reference.isWrite()) continue;
      const bound = bindingPath(reference.identifier as TSESTree.Identifier);
      if (!bound?.value) continue;
      const found = bound.path.length === 0 ? this.source(bound.value, depth + 1) : this.sessions.destructured(bound.value, bound.path, identifier);
      if (found) return found;
    }
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

  private variable(identifier: TSESTree.Identifier): TSESLint.Scope.Variable | null {
    return ASTUtils.findVariable(this.context.sourceCode.getScope(identifier), identifier);
  }

  /** Code as written, on one line; long string literals are elided so a pasted secret never reaches a message. */
  private text(node: Node): string {
    const text = this.context.sourceCode.getText(node).replace(/\s+/g, ' ').replace(/(["'`])[^"'`]{20,}\1/g, '$1…$1');
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  }
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

