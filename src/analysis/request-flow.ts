import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunction, propertyName, unwrapTypes, unwrapValue, walk, type FunctionNode } from './ast.js';
import { bindingPath } from './binding-path.js';
import { isModuleLevel } from './module-scope.js';
import type { RequestAuthSource, RequestSources } from './request-sources.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;

/** A value that carries a request's credential, and how it got there. */
export interface RequestValueTrace {
  source: RequestAuthSource;
  /** Variables declared in functions that the value went through, nearest to the traced expression first. */
  locals: Variable[];
  /** The same-file helper whose return value it is: `bearer` in `const token = bearer(req)`. */
  helper?: string;
}

/** String operations that keep (part of) the value: `replace("Bearer ", "")`, `split(" ")[1]`, `slice(7)`. */
const STRING_METHODS = new Set(['replace', 'replaceAll', 'split', 'slice', 'substring', 'substr', 'trim', 'trimStart', 'trimEnd', 'trimLeft', 'trimRight', 'toString', 'at', 'match', 'pop', 'shift']);

/**
 * Local flow, cheap and without types: does an expression's value come from a request source?
 * Followed: `const`/`let` locals and their reassignments, destructuring, string operations, template
 * literals and `+`, `??`/`||`/`&&`, ternaries, optional chaining, `as`/`!`/`await`, and one level of
 * same-file helper (`function bearer(req) { return … }`). Not followed: parameters (other than the
 * framework's own), module-level variables, object properties, class fields, other files.
 */
export class RequestFlow {
  private readonly variables = [new Map<Variable, RequestValueTrace | null>(), new Map<Variable, RequestValueTrace | null>()];
  private readonly helpers = new Map<Node, RequestValueTrace | null>();

  constructor(
    private readonly sources: RequestSources,
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
  ) {}

  trace(node: Node): RequestValueTrace | undefined {
    return this.value(node, true);
  }

  private value(node: Node, followHelpers: boolean): RequestValueTrace | undefined {
    const direct = this.sources.read(node);
    if (direct) return { source: direct, locals: [] };
    const value = unwrapValue(node);
    switch (value.type) {
      case AST_NODE_TYPES.Identifier:
        return this.variable(value, followHelpers);
      case AST_NODE_TYPES.MemberExpression:
        // An element of a split or a match: `parts[1]`, `auth.split(" ")[1]`.
        return value.computed && unwrapTypes(value.property).type === AST_NODE_TYPES.Literal ? this.value(value.object, followHelpers) : undefined;
      case AST_NODE_TYPES.CallExpression:
        return this.call(value, followHelpers);
      case AST_NODE_TYPES.TemplateLiteral:
        return this.first(value.expressions, followHelpers);
      case AST_NODE_TYPES.BinaryExpression:
        return value.operator === '+' ? this.first([value.left, value.right], followHelpers) : undefined;
      case AST_NODE_TYPES.LogicalExpression:
        return this.first(value.operator === '&&' ? [value.right] : [value.left, value.right], followHelpers);
      case AST_NODE_TYPES.ConditionalExpression:
        return this.first([value.consequent, value.alternate], followHelpers);
      default:
        return undefined;
    }
  }

  private first(nodes: readonly Node[], followHelpers: boolean): RequestValueTrace | undefined {
    for (const node of nodes) {
      const found = this.value(node, followHelpers);
      if (found) return found;
    }
    return undefined;
  }

  private call(call: TSESTree.CallExpression, followHelpers: boolean): RequestValueTrace | undefined {
    const callee = unwrapTypes(call.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = propertyName(callee);
      return method !== undefined && STRING_METHODS.has(method) ? this.value(callee.object, followHelpers) : undefined;
    }
    if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
    if (callee.name === 'String' && call.arguments[0]) return this.value(call.arguments[0], followHelpers);
    return followHelpers ? this.helper(callee) : undefined;
  }

  /** A local's value: every write to it (declaration, reassignment, destructuring) is looked at. */
  private variable(identifier: TSESTree.Identifier, followHelpers: boolean): RequestValueTrace | undefined {
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(identifier), identifier);
    // Module-level state is not local flow (the rule reports writes into it on their own).
    if (!variable || isModuleLevel(variable)) return undefined;
    const memo = this.variables[followHelpers ? 1 : 0] as Map<Variable, RequestValueTrace | null>;
    if (memo.has(variable)) return memo.get(variable) ?? undefined;
    memo.set(variable, null);
    let found: RequestValueTrace | undefined;
    for (const reference of variable.references) {
      if (!reference.isWrite()) continue;
      const bound = bindingPath(reference.identifier as TSESTree.Identifier);
      if (!bound?.value) continue;
      found = this.bound(bound.value, bound.path, followHelpers);
      if (found) break;
    }
    const result = found && { ...found, locals: [variable, ...found.locals] };
    memo.set(variable, result ?? null);
    return result;
  }

  /** The value at `path` inside `from`: a source read by destructuring, or an element of a traced value. */
  private bound(from: Node, path: readonly string[], followHelpers: boolean): RequestValueTrace | undefined {
    if (path.length === 0) return this.value(from, followHelpers);
    const source = this.sources.readPath(from, path, from);
    if (source) return { source: { ...source, text: `${source.text}.${path.join('.')}` }, locals: [] };
    return path.every((key) => /^\d+$/.test(key)) ? this.value(from, followHelpers) : undefined;
  }

  /** One level into a same-file helper: what its `return` statements give back. */
  private helper(callee: TSESTree.Identifier): RequestValueTrace | undefined {
    const fn = helperFunction(callee, this.sourceCode);
    if (!fn) return undefined;
    if (!this.helpers.has(fn)) {
      this.helpers.set(fn, null);
      const found = this.first(returnedValues(fn), false);
      this.helpers.set(fn, found ? { source: found.source, locals: [], helper: callee.name } : null);
    }
    return this.helpers.get(fn) ?? undefined;
  }
}

function helperFunction(callee: TSESTree.Identifier, sourceCode: Readonly<TSESLint.SourceCode>): FunctionNode | undefined {
  const definition = ASTUtils.findVariable(sourceCode.getScope(callee), callee)?.defs[0];
  if (definition?.type === 'FunctionName' && isFunction(definition.node)) return definition.node;
  if (definition?.type === 'Variable' && definition.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.init) {
    const init = unwrapTypes(definition.node.init);
    return isFunction(init) ? init : undefined;
  }
  return undefined;
}

/** The expressions a function returns (its body, for an arrow with an expression body). */
function returnedValues(fn: FunctionNode): Node[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const found: Node[] = [];
  walk(fn.body, (node) => {
    if (isFunction(node)) return false;
    if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) found.push(node.argument);
    return undefined;
  });
  return found;
}
