import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, propertyName } from './ast.js';
import type { CredentialSinks, Sink } from './credential-sinks.js';
import { isEmptyValue, type EnvGuards, type Subject } from './env-guards.js';
import type { EnvRead } from './env-reads.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;

/** An unchecked credential read that reaches a sink, and how it got there. */
export interface UncheckedFlow {
  sink: Sink;
  /** Passed through `?? ''`, `|| ''` or an empty default on the way. */
  emptyFallback: boolean;
  /** Passed through a non-null assertion `!` on the way. */
  nonNull: boolean;
}

interface State {
  path: readonly string[];
  subjects: readonly Subject[];
  emptyFallback: boolean;
  nonNull: boolean;
}

/** Calls that hand on (an encoding of) their argument: `String(key)`, `btoa(`${id}:${secret}`)`. */
const PASS_THROUGH = new Set(['String', 'btoa', 'from', 'encodeURIComponent']);
/** How far a read is followed through locals and option objects. */
const MAX_HOPS = 4;
const MAX_PATH = 3;

/**
 * Follows a credential env read forward to a sink: through type wrappers, `!`, empty fallbacks,
 * templates and concatenation, local variables (`const key = …`, destructuring, parameter defaults),
 * and object literals kept in locals (`const config = { key }` … `config.key`). It stops, unreported,
 * at a check: a guard on the read or on a local holding it, or a fallback that is not empty
 * (`?? fail()`, `?? 'local-default'`, `?? process.env.OTHER`, which is followed on its own).
 */
export class CredentialFlow {
  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly sinks: CredentialSinks,
    private readonly guards: EnvGuards,
  ) {}

  from(read: EnvRead): UncheckedFlow | undefined {
    const start: State = { path: [], subjects: [{ env: read.name }], emptyFallback: false, nonNull: false };
    if (read.form !== 'destructured') return this.climb(read.node, start, new Set());
    // `const { KEY: key = '' } = process.env`: the local holds the read; a non-empty default is a fallback.
    const property = read.node as TSESTree.Property;
    const local = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
    if (property.value.type === AST_NODE_TYPES.AssignmentPattern && !isEmptyValue(property.value.right)) return undefined;
    const state = { ...start, emptyFallback: property.value.type === AST_NODE_TYPES.AssignmentPattern };
    return local.type === AST_NODE_TYPES.Identifier ? this.throughIdentifier(local, state, new Set()) : undefined;
  }

  private climb(start: Node, initial: State, visited: Set<Variable>): UncheckedFlow | undefined {
    if (this.guards.isGuarded(start, initial.subjects)) return undefined;
    let state = initial;
    let current = start;
    for (;;) {
      const sink = this.sinks.at(current, state.path);
      if (sink) return { sink, emptyFallback: state.emptyFallback, nonNull: state.nonNull };
      const parent = current.parent;
      if (!parent) return undefined;
      switch (parent.type) {
        case AST_NODE_TYPES.TSNonNullExpression:
          state = { ...state, nonNull: true };
          break;
        case AST_NODE_TYPES.TSAsExpression:
        case AST_NODE_TYPES.TSSatisfiesExpression:
        case AST_NODE_TYPES.TSTypeAssertion:
        case AST_NODE_TYPES.ChainExpression:
        case AST_NODE_TYPES.AwaitExpression:
        case AST_NODE_TYPES.TemplateLiteral:
          break;
        case AST_NODE_TYPES.LogicalExpression:
          if (parent.operator === '&&' ? parent.left === current : parent.left === current && !isEmptyValue(parent.right)) return undefined;
          if (parent.left === current) state = { ...state, emptyFallback: true };
          break;
        case AST_NODE_TYPES.BinaryExpression:
          if (parent.operator !== '+') return undefined;
          break;
        case AST_NODE_TYPES.ConditionalExpression:
          if (parent.test === current) return undefined;
          break;
        case AST_NODE_TYPES.CallExpression:
          if (parent.callee === current || !PASS_THROUGH.has(calleeName(parent.callee) ?? '')) return undefined;
          break;
        case AST_NODE_TYPES.MemberExpression: {
          if (parent.object !== current) return undefined;
          const [next, ...rest] = state.path;
          if (next !== undefined) {
            if (propertyName(parent) !== next) return undefined;
            state = { ...state, path: rest };
            break;
          }
          // `key.trim()`, `key.toString()`: the credential itself; `key.length` is not.
          const call = parent.parent;
          if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== parent) return undefined;
          current = call;
          continue;
        }
        case AST_NODE_TYPES.Property: {
          const key = propertyName(parent);
          if (parent.value !== current || parent.parent.type !== AST_NODE_TYPES.ObjectExpression || key === undefined || state.path.length >= MAX_PATH) return undefined;
          state = { ...state, path: [key, ...state.path] };
          current = parent.parent;
          continue;
        }
        case AST_NODE_TYPES.VariableDeclarator:
          return parent.init === current ? this.throughPattern(parent.id, state, visited) : undefined;
        case AST_NODE_TYPES.AssignmentPattern:
          // `function create(key = process.env.KEY)`
          return parent.right === current ? this.throughPattern(parent.left, state, visited) : undefined;
        case AST_NODE_TYPES.AssignmentExpression:
          return parent.right === current && parent.operator === '=' ? this.throughPattern(parent.left, state, visited) : undefined;
        default:
          return undefined;
      }
      current = parent;
    }
  }

  /** Into a binding: a local (followed to its reads) or, for an object kept in a local, a destructured key. */
  private throughPattern(pattern: Node, state: State, visited: Set<Variable>): UncheckedFlow | undefined {
    if (pattern.type === AST_NODE_TYPES.Identifier) return this.throughIdentifier(pattern, state, visited);
    const [next, ...rest] = state.path;
    if (pattern.type !== AST_NODE_TYPES.ObjectPattern || next === undefined) return undefined;
    for (const property of pattern.properties) {
      if (property.type !== AST_NODE_TYPES.Property || propertyName(property) !== next) continue;
      const local = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
      return this.throughPattern(local, { ...state, path: rest }, visited);
    }
    return undefined;
  }

  private throughIdentifier(identifier: TSESTree.Identifier, state: State, visited: Set<Variable>): UncheckedFlow | undefined {
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(identifier), identifier);
    if (!variable || visited.has(variable) || visited.size >= MAX_HOPS) return undefined;
    visited.add(variable);
    const subjects = [...state.subjects, { variable }];
    for (const reference of variable.references) {
      if (reference.init || !reference.isRead()) continue;
      const found = this.climb(reference.identifier, { ...state, subjects }, visited);
      if (found) return found;
    }
    return undefined;
  }
}
