import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { propertyName, unwrapTypes } from './ast.js';
import type { EnvRead } from './env-reads.js';

type Node = TSESTree.Node;

/**
 * Does `read` mean `process.env[name]`, directly or through an alias (`const env = process.env`,
 * `const { env } = process`)? `import.meta.env`, `Bun.env`, `Deno.env` and SvelteKit's `env` are
 * other objects: a rewrite to a helper that reads `process.env` would change what they read.
 */
export function readsProcessEnv(read: EnvRead, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (read.form === 'member' || read.form === 'computed') return isProcessEnv((read.node as TSESTree.MemberExpression).object, sourceCode);
  if (read.form !== 'destructured') return false;
  const holder = read.node.parent?.parent;
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init) return isProcessEnv(holder.init, sourceCode);
  return holder?.type === AST_NODE_TYPES.AssignmentExpression && isProcessEnv(holder.right, sourceCode);
}

function isProcessEnv(node: Node, sourceCode: Readonly<TSESLint.SourceCode>, depth = 0): boolean {
  const object = unwrapTypes(node);
  if (object.type === AST_NODE_TYPES.MemberExpression) {
    const root = unwrapTypes(object.object);
    return propertyName(object) === 'env' && root.type === AST_NODE_TYPES.Identifier && root.name === 'process';
  }
  if (object.type !== AST_NODE_TYPES.Identifier || depth > 2) return false;
  const definition = ASTUtils.findVariable(sourceCode.getScope(object), object)?.defs[0]?.node;
  if (definition?.type !== AST_NODE_TYPES.VariableDeclarator || !definition.init) return false;
  if (definition.id.type === AST_NODE_TYPES.Identifier) return isProcessEnv(definition.init, sourceCode, depth + 1);
  // `const { env } = process`
  const init = unwrapTypes(definition.init);
  return definition.id.type === AST_NODE_TYPES.ObjectPattern && init.type === AST_NODE_TYPES.Identifier && init.name === 'process';
}
