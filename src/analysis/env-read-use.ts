import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { propertyName, staticString } from './ast.js';
import { isAuthHeaderName, isHeadersKey } from './credentials.js';
import type { EnvRead } from './env-reads.js';

type Node = TSESTree.Node;

/**
 * What happens to a read's value when the variable is unset, as far as the code shows:
 * - `auth-header`: it goes straight into an `Authorization` / `x-api-key` header;
 * - `defeated-fallback`: `?? ''`, `|| ''`, a `= ''` default, `String(…)` or a template turn
 *   `undefined` into a string, so an SDK's own fallback to its env var never runs;
 * - `plain`: passed on as it is (`undefined` when unset).
 */
export type EnvReadUse = 'auth-header' | 'defeated-fallback' | 'plain';

const PASS_THROUGH = new Set<string>([
  AST_NODE_TYPES.TSAsExpression, AST_NODE_TYPES.TSNonNullExpression, AST_NODE_TYPES.TSSatisfiesExpression,
  AST_NODE_TYPES.TSTypeAssertion, AST_NODE_TYPES.ChainExpression, AST_NODE_TYPES.AwaitExpression,
  AST_NODE_TYPES.BinaryExpression, AST_NODE_TYPES.ConditionalExpression,
]);

export function envReadUse(read: EnvRead): EnvReadUse {
  if (read.node.type === AST_NODE_TYPES.Property) {
    const value = read.node.value;
    return value.type === AST_NODE_TYPES.AssignmentPattern && staticString(value.right) !== undefined ? 'defeated-fallback' : 'plain';
  }
  if (read.form === 'import') return 'plain';
  let defeated = false;
  let child: Node = read.node;
  // A few steps up are enough: `{ Authorization: `Bearer ${process.env.X ?? ''}` }`.
  for (let parent = child.parent, steps = 0; parent && steps < 8; child = parent, parent = parent.parent, steps++) {
    if (PASS_THROUGH.has(parent.type)) continue;
    if (parent.type === AST_NODE_TYPES.LogicalExpression) {
      if (parent.left === child && parent.operator !== '&&' && staticString(parent.right) !== undefined) defeated = true;
      continue;
    }
    if (parent.type === AST_NODE_TYPES.TemplateLiteral) {
      defeated = true;
      continue;
    }
    if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee.type === AST_NODE_TYPES.Identifier && parent.callee.name === 'String') {
      defeated = true;
      continue;
    }
    if (isAuthHeaderSlot(parent, child)) return 'auth-header';
    break;
  }
  return defeated ? 'defeated-fallback' : 'plain';
}

/** `{ Authorization: v }`, `headers.set('x-api-key', v)`, `headers.Authorization = v`. */
function isAuthHeaderSlot(parent: Node, child: Node): boolean {
  if (parent.type === AST_NODE_TYPES.Property) {
    const key = propertyName(parent) ?? '';
    // `apiKey` is also a header name (`apikey`): as an option key it is an SDK's, with its own fallback.
    return parent.value === child && isAuthHeaderName(key) && (/^(proxy-)?authorization$/i.test(key) || isHeadersObject(parent.parent));
  }
  if (parent.type === AST_NODE_TYPES.CallExpression) {
    const callee = parent.callee;
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
    return (method === 'set' || method === 'append' || method === 'setHeader') && parent.arguments[1] === child && isAuthHeaderName(staticString(parent.arguments[0]) ?? '');
  }
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === child && parent.left.type === AST_NODE_TYPES.MemberExpression) {
    return isAuthHeaderName(propertyName(parent.left) ?? '');
  }
  return false;
}

/** `{ headers: { … } }`, `new Headers({ … })`. */
function isHeadersObject(object: Node): boolean {
  const parent = object.parent;
  if (parent?.type === AST_NODE_TYPES.Property) return parent.value === object && isHeadersKey(propertyName(parent) ?? '');
  return parent?.type === AST_NODE_TYPES.NewExpression && parent.callee.type === AST_NODE_TYPES.Identifier && parent.callee.name === 'Headers';
}
