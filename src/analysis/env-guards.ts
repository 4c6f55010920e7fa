import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, isFunction, staticString, unwrapTypes, unwrapValue, walk } from './ast.js';

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;

/** What a check is about: an env var by name (`process.env.X`) or a local holding a read (`key`). */
export type Subject = { env: string } | { variable: Variable };

/** A statement that stops execution when a subject is missing: `if (!x) throw …`, `assert(x)`. */
interface StatementGuard {
  statement: Node;
  subjects: Subject[];
}

/** `fail()`, `throwMissing()`, `process.exit(1)`: calls that do not come back, by name. */
const EXITING_CALL = /^(fail|throw|raise|panic|abort|exit|die|bail)/i;
/** `assert(x)`, `invariant(x)`, `assertIsDefined(x)`, `assert.ok(x)`. */
const ASSERT_CALL = /^(assert|invariant)/i;

/**
 * Where a credential read is known to be present: after a statement that fails when it is missing,
 * or inside a branch that runs only when it is present (`if (x) …`, `x ? … : …`, `x && …`).
 * `envNameOf` tells which env var a node reads (undefined when it is not a read).
 */
export class EnvGuards {
  private readonly guards: StatementGuard[] = [];

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly envNameOf: (node: Node) => string | undefined,
  ) {
    // Built only for files with a credential read, so one walk here is cheaper than listeners on every file.
    walk(sourceCode.ast, (statement) => {
      const subjects =
        statement.type === AST_NODE_TYPES.IfStatement ? this.exitSubjects(statement) : statement.type === AST_NODE_TYPES.ExpressionStatement ? this.assertSubjects(statement) : [];
      if (subjects.length > 0) this.guards.push({ statement, subjects });
    });
  }

  /** Is `use` (a read or a reference to a local holding one) guarded for any of `subjects`? */
  isGuarded(use: Node, subjects: readonly Subject[]): boolean {
    if (this.guards.some((guard) => overlaps(guard.subjects, subjects) && dominates(guard.statement, use))) return true;
    for (let child = use, parent = use.parent; parent; child = parent, parent = parent.parent) {
      if (this.guardsBranch(parent, child, subjects)) return true;
    }
    return false;
  }

  private guardsBranch(parent: Node, child: Node, subjects: readonly Subject[]): boolean {
    switch (parent.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        if (child === parent.consequent) return overlaps(this.present(parent.test), subjects);
        return child === parent.alternate && overlaps(this.missing(parent.test), subjects);
      case AST_NODE_TYPES.LogicalExpression:
        if (child !== parent.right) return false;
        if (parent.operator === '&&') return overlaps(this.present(parent.left), subjects);
        return parent.operator === '||' && overlaps(this.missing(parent.left), subjects);
      default:
        return false;
    }
  }

  /** `if (!x) throw …` / `if (x === undefined) return …` / `if (!x) { log(); process.exit(1); }`. */
  private exitSubjects(statement: TSESTree.IfStatement): Subject[] {
    return exits(statement.consequent) ? this.missing(statement.test) : [];
  }

  private assertSubjects(statement: TSESTree.ExpressionStatement): Subject[] {
    const call = unwrapValue(statement.expression);
    if (call.type !== AST_NODE_TYPES.CallExpression || !call.arguments[0]) return [];
    const callee = unwrapTypes(call.callee);
    const isAssert =
      (callee.type === AST_NODE_TYPES.Identifier && ASSERT_CALL.test(callee.name)) ||
      (callee.type === AST_NODE_TYPES.MemberExpression && unwrapTypes(callee.object).type === AST_NODE_TYPES.Identifier && ASSERT_CALL.test((unwrapTypes(callee.object) as TSESTree.Identifier).name));
    return isAssert ? this.present(call.arguments[0]) : [];
  }

  /** Subjects that are certainly present when `test` is truthy. */
  private present(test: Node): Subject[] {
    const own = this.subjectOf(test);
    if (own) return [own];
    const value = unwrapTypes(test);
    switch (value.type) {
      case AST_NODE_TYPES.UnaryExpression:
        return value.operator === '!' ? this.missing(value.argument) : [];
      case AST_NODE_TYPES.LogicalExpression:
        return value.operator === '&&' ? [...this.present(value.left), ...this.present(value.right)] : [];
      case AST_NODE_TYPES.BinaryExpression:
        return this.compared(value, ['!==', '!='], ['===', '==']);
      case AST_NODE_TYPES.CallExpression:
        // `Boolean(x)`, `x.trim()`, `x?.startsWith('sk-')`: truthy only when x is there.
        if (calleeName(value.callee) === 'Boolean' && value.arguments[0]) return this.present(value.arguments[0]);
        return value.callee.type === AST_NODE_TYPES.MemberExpression ? this.present(value.callee.object) : [];
      case AST_NODE_TYPES.MemberExpression:
        return this.present(value.object);
      default:
        return [];
    }
  }

  /** Subjects that are certainly missing when `test` is falsy, i.e. `test` is true when any is missing. */
  private missing(test: Node): Subject[] {
    const value = unwrapTypes(test);
    switch (value.type) {
      case AST_NODE_TYPES.UnaryExpression:
        return value.operator === '!' ? this.present(value.argument) : [];
      case AST_NODE_TYPES.LogicalExpression:
        return value.operator === '||' ? [...this.missing(value.left), ...this.missing(value.right)] : [];
      case AST_NODE_TYPES.BinaryExpression:
        return this.compared(value, ['===', '=='], ['!==', '!=']);
      default:
        return [];
    }
  }

  /**
   * The subject of a comparison that answers the caller's question: `x <op> undefined` and
   * `typeof x <op> 'undefined'` with `op` in `emptyOps`, `typeof x <op> 'string'` with `op` in `stringOps`.
   */
  private compared(binary: TSESTree.BinaryExpression, emptyOps: string[], stringOps: string[]): Subject[] {
    const [left, right] = [unwrapTypes(binary.left), unwrapTypes(binary.right as Node)];
    for (const [side, other] of [[left, right], [right, left]] as const) {
      if (emptyOps.includes(binary.operator) && isEmptyValue(other)) return this.present(side);
      const type = staticString(other);
      const isTypeof = side.type === AST_NODE_TYPES.UnaryExpression && side.operator === 'typeof';
      if (isTypeof && ((type === 'string' && stringOps.includes(binary.operator)) || (type === 'undefined' && emptyOps.includes(binary.operator)))) {
        const subject = this.subjectOf(side.argument);
        return subject ? [subject] : [];
      }
    }
    return [];
  }

  private subjectOf(node: Node): Subject | undefined {
    const value = unwrapValue(node);
    const env = this.envNameOf(value);
    if (env !== undefined) return { env };
    if (value.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = ASTUtils.findVariable(this.sourceCode.getScope(value), value);
    return variable ? { variable } : undefined;
  }
}

/** `''`, `""`, `` `` ``, `undefined`, `null`, `void 0`: what a missing credential becomes, or is compared with. */
export function isEmptyValue(node: Node): boolean {
  const value = unwrapTypes(node);
  if (value.type === AST_NODE_TYPES.Literal) return value.value === '' || value.value === null;
  if (value.type === AST_NODE_TYPES.TemplateLiteral) return value.expressions.length === 0 && value.quasis.every((quasi) => quasi.value.raw === '');
  if (value.type === AST_NODE_TYPES.Identifier) return value.name === 'undefined';
  return value.type === AST_NODE_TYPES.UnaryExpression && value.operator === 'void';
}

function overlaps(a: readonly Subject[], b: readonly Subject[]): boolean {
  return a.some((x) => b.some((y) => ('env' in x && 'env' in y ? x.env === y.env : 'variable' in x && 'variable' in y && x.variable === y.variable)));
}

/** Does `statement` leave the block (throw, return, exit) on every path through it? */
function exits(statement: Node): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.BreakStatement:
    case AST_NODE_TYPES.ContinueStatement:
      return true;
    case AST_NODE_TYPES.BlockStatement:
      return statement.body.some(exits);
    case AST_NODE_TYPES.ExpressionStatement: {
      const call = unwrapValue(statement.expression);
      if (call.type !== AST_NODE_TYPES.CallExpression) return false;
      const name = calleeName(call.callee);
      return name !== undefined && EXITING_CALL.test(name);
    }
    default:
      return false;
  }
}

/**
 * Does a guard statement run before `use`? It does when it comes first in a block around `use`;
 * a module-level guard also covers code inside functions, which run after the module has loaded.
 */
function dominates(statement: Node, use: Node): boolean {
  const container = statement.parent;
  if (!container || !contains(container, use) || contains(statement, use)) return false;
  if (statement.range[1] <= use.range[0]) return true;
  return container.type === AST_NODE_TYPES.Program && insideFunction(use);
}

function contains(outer: Node, inner: Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

function insideFunction(node: Node): boolean {
  for (let current = node.parent; current; current = current.parent) if (isFunction(current)) return true;
  return false;
}
