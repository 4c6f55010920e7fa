import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { propertyName } from './ast.js';

type Node = TSESTree.Node;

/**
 * How a name is bound inside a declaration, a parameter or an assignment:
 * `const { headers: { authorization: auth } } = req` binds `auth` at ['headers', 'authorization']
 * of `req`; `const [, token] = parts` at ['1']; a plain `const x = y` at [].
 */
export interface BindingPath {
  /** The whole pattern (or the identifier itself when nothing is destructured). */
  root: Node;
  path: string[];
  /** What the pattern is taken from: an initialiser or an assignment's right side; undefined for parameters and loops. */
  value?: Node;
}

export function bindingPath(identifier: TSESTree.Identifier): BindingPath | undefined {
  const path: string[] = [];
  let node: Node = identifier;
  for (let parent = node.parent; parent; node = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.AssignmentPattern && parent.left === node) continue;
    if (parent.type === AST_NODE_TYPES.Property && parent.parent.type === AST_NODE_TYPES.ObjectPattern && parent.value === node) {
      const key = propertyName(parent);
      if (key === undefined) return undefined;
      path.unshift(key);
      parent = parent.parent;
      continue;
    }
    if (parent.type === AST_NODE_TYPES.ArrayPattern) {
      path.unshift(String(parent.elements.indexOf(node as TSESTree.DestructuringPattern)));
      continue;
    }
    // `...rest` holds unknown keys: no path to follow.
    if (parent.type === AST_NODE_TYPES.RestElement) return undefined;
    break;
  }
  const holder = node.parent;
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id === node) return { root: node, path, ...(holder.init ? { value: holder.init } : {}) };
  if (holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.left === node) return { root: node, path, value: holder.right };
  return { root: node, path };
}
