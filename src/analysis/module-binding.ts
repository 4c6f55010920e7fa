import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { propertyName, valueParent } from './ast.js';

type Node = TSESTree.Node;

/** Where a module-scope value is kept, so it outlives the statement that made it. */
export interface ModuleBinding {
  /** `client`, `module.exports`, `clients.openai`, `default export`, `Service.client`. */
  name: string;
  /** The declarator when the value is a variable's initialiser (directly or inside a literal). */
  declarator?: TSESTree.VariableDeclarator;
  /** Declared with `export`, assigned to `module.exports`/`exports.x`, or `export default`. */
  exported: boolean;
}

/**
 * The binding that keeps `node`'s value: a variable, `export default`, `module.exports`, an
 * assignment, a property of a kept object literal or array, a class static property, either side
 * of `a ?? b` or a ternary, the end of a method chain on it. `undefined` when the value is only
 * passed along (`app.use(session())`).
 */
export function moduleBinding(node: Node, sourceCode: Readonly<TSESLint.SourceCode>): ModuleBinding | undefined {
  const { parent, child } = valueParent(node);
  if (!parent) return undefined;
  switch (parent.type) {
    case AST_NODE_TYPES.VariableDeclarator:
      if (parent.init !== child) return undefined;
      return {
        name: parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : sourceCode.getText(parent.id),
        declarator: parent,
        exported: parent.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration,
      };
    case AST_NODE_TYPES.ExportDefaultDeclaration:
      return { name: 'default export', exported: true };
    case AST_NODE_TYPES.AssignmentExpression: {
      if (parent.right !== child) return undefined;
      const name = sourceCode.getText(parent.left);
      return { name, exported: /^(module\.)?exports\b/.test(name) };
    }
    case AST_NODE_TYPES.Property: {
      if (parent.value !== child || parent.parent.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
      const owner = moduleBinding(parent.parent, sourceCode);
      return owner && { ...owner, name: `${owner.name}.${propertyName(parent) ?? '[key]'}` };
    }
    case AST_NODE_TYPES.ArrayExpression: {
      const owner = moduleBinding(parent, sourceCode);
      return owner && { ...owner, name: `${owner.name}[]` };
    }
    case AST_NODE_TYPES.LogicalExpression:
    case AST_NODE_TYPES.ConditionalExpression:
      if (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test === child) return undefined;
      return moduleBinding(parent, sourceCode);
    case AST_NODE_TYPES.MemberExpression: {
      // `new ChatOpenAI().bindTools(tools)`, `new Pinecone().index('docs')`: the end of a chain on the
      // value keeps (or wraps) it, so the chain's binding is this value's binding too.
      if (parent.object !== child) return undefined;
      let top: Node = parent;
      while (
        (top.parent?.type === AST_NODE_TYPES.MemberExpression && top.parent.object === top) ||
        (top.parent?.type === AST_NODE_TYPES.CallExpression && top.parent.callee === top)
      ) {
        top = top.parent;
      }
      return moduleBinding(top, sourceCode);
    }
    case AST_NODE_TYPES.PropertyDefinition: {
      if (!parent.static || parent.value !== child) return undefined;
      const owner = parent.parent.parent;
      const className = owner && 'id' in owner && owner.id?.type === AST_NODE_TYPES.Identifier ? owner.id.name : 'class';
      return { name: `${className}.${propertyName(parent) ?? 'property'}`, exported: false };
    }
    default:
      return undefined;
  }
}
