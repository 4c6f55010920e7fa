import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { visitorKeys } from '@typescript-eslint/visitor-keys';

type Node = TSESTree.Node;

const TYPE_WRAPPERS = new Set<string>([
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSSatisfiesExpression,
  AST_NODE_TYPES.TSTypeAssertion,
  AST_NODE_TYPES.ChainExpression,
]);

/** Strips `as`, `!`, `satisfies`, `<T>x` and optional-chain wrappers, which change no value. */
export function unwrapTypes(node: Node): Node {
  let current = node;
  while (TYPE_WRAPPERS.has(current.type)) current = (current as TSESTree.TSAsExpression).expression;
  return current;
}

/** Like `unwrapTypes`, and also `await`. */
export function unwrapValue(node: Node): Node {
  let current = unwrapTypes(node);
  while (current.type === AST_NODE_TYPES.AwaitExpression) current = unwrapTypes(current.argument);
  return current;
}

/** The parent, skipping type wrappers and `await` around `node`. */
export function valueParent(node: Node): { parent: Node | undefined; child: Node } {
  let child: Node = node;
  let parent = node.parent;
  while (parent && (TYPE_WRAPPERS.has(parent.type) || parent.type === AST_NODE_TYPES.AwaitExpression)) {
    child = parent;
    parent = parent.parent;
  }
  return { parent, child };
}

/** A string known without running the code: `'x'`, `` `x` `` without expressions. */
export function staticString(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** Name of a property key or member property: `a.x`, `a['x']`, `{ x: 1 }`, `{ 'x': 1 }`. */
export function propertyName(node: TSESTree.MemberExpression | TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.MethodDefinition): string | undefined {
  const key = node.type === AST_NODE_TYPES.MemberExpression ? node.property : node.key;
  if (!node.computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (!node.computed && key.type === AST_NODE_TYPES.PrivateIdentifier) return undefined;
  return staticString(key);
}

const FUNCTION_TYPES = new Set<string>([
  AST_NODE_TYPES.FunctionDeclaration,
  AST_NODE_TYPES.FunctionExpression,
  AST_NODE_TYPES.ArrowFunctionExpression,
]);

export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

export function isFunction(node: Node): node is FunctionNode {
  return FUNCTION_TYPES.has(node.type);
}

/** Children that hold types, not values: a walk for values never needs them. */
const TYPE_KEYS = new Set(['typeAnnotation', 'typeArguments', 'typeParameters', 'returnType']);

/** Each node type's value children, from the parser's visitor keys (precomputed: walks are hot). */
const VALUE_KEYS = new Map<string, readonly string[]>(
  Object.entries(visitorKeys).map(([type, keys = []]) => [type, keys.filter((key) => !TYPE_KEYS.has(key))]),
);

/** Calls `visit` on every value node under `root`; `visit` returns false to skip a subtree. */
export function walk(root: Node, visit: (node: Node) => boolean | void): void {
  visitTree(root, visit, false);
}

/**
 * Like `walk`, but stays out of functions: what runs when `root` is evaluated. A root that is
 * itself a function (a BullMQ processor, a lazy getter) runs later, so nothing in it is visited.
 */
export function walkEvaluated(root: Node, visit: (node: Node) => boolean | void): void {
  visitTree(root, visit, true);
}

function visitTree(node: Node, visit: (node: Node) => boolean | void, skipFunctions: boolean): void {
  if ((skipFunctions && FUNCTION_TYPES.has(node.type)) || visit(node) === false) return;
  const keys = VALUE_KEYS.get(node.type);
  if (!keys) return;
  for (const key of keys) {
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) visitTree(item, visit, skipFunctions);
    } else if (isNode(value)) {
      visitTree(value, visit, skipFunctions);
    }
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** `a.b.c(...)` → `a`; `new a.B()` → `a`; `a` → `a`. */
export function rootIdentifier(node: Node): TSESTree.Identifier | undefined {
  let current = unwrapValue(node);
  for (;;) {
    if (current.type === AST_NODE_TYPES.Identifier) return current;
    if (current.type === AST_NODE_TYPES.MemberExpression) current = unwrapValue(current.object);
    else if (current.type === AST_NODE_TYPES.CallExpression || current.type === AST_NODE_TYPES.NewExpression) current = unwrapValue(current.callee);
    else return undefined;
  }
}

/** The last name of a callee: `new a.B()` → `B`, `createClient()` → `createClient`. */
export function calleeName(callee: Node): string | undefined {
  const node = unwrapTypes(callee);
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.MemberExpression) return propertyName(node);
  return undefined;
}
