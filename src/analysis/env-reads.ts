import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { propertyName, staticString, unwrapTypes, walkEvaluated } from './ast.js';

type Node = TSESTree.Node;

/** `process.env`, `import.meta.env`, `Bun.env`: the objects whose properties are env vars. */
export function isEnvObject(node: Node): boolean {
  const target = unwrapTypes(node);
  if (target.type !== AST_NODE_TYPES.MemberExpression || propertyName(target) !== 'env') return false;
  const object = unwrapTypes(target.object);
  if (object.type === AST_NODE_TYPES.Identifier) return object.name === 'process' || object.name === 'Bun';
  return object.type === AST_NODE_TYPES.MetaProperty && object.meta.name === 'import' && object.property.name === 'meta';
}

/**
 * The env var name `node` reads, if it is a direct read with a constant name:
 * `process.env.X`, `process.env['X']`, `import.meta.env.X`, `Bun.env.X`, `Deno.env.get('X')`.
 */
export function envReadName(node: Node): string | undefined {
  const target = unwrapTypes(node);
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    return isEnvObject(target.object) ? propertyName(target) : undefined;
  }
  if (target.type === AST_NODE_TYPES.CallExpression && target.arguments.length === 1) {
    const callee = unwrapTypes(target.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(callee) !== 'get') return undefined;
    const env = unwrapTypes(callee.object);
    if (env.type !== AST_NODE_TYPES.MemberExpression || propertyName(env) !== 'env') return undefined;
    const deno = unwrapTypes(env.object);
    if (deno.type === AST_NODE_TYPES.Identifier && deno.name === 'Deno') return staticString(target.arguments[0]);
  }
  return undefined;
}

/** Every constant-named env read evaluated by `root` (not inside nested functions), in source order. */
export function envReadsIn(root: Node): { node: Node; name: string }[] {
  const reads: { node: Node; name: string }[] = [];
  walkEvaluated(root, (node) => {
    if (node.type !== AST_NODE_TYPES.MemberExpression && node.type !== AST_NODE_TYPES.CallExpression) return;
    const name = envReadName(node);
    if (name === undefined) return;
    reads.push({ node, name });
    return false;
  });
  return reads;
}
