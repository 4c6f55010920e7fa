import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, isFunction, propertyName, staticString, type FunctionNode } from './ast.js';

type Node = TSESTree.Node;

/**
 * Is `node` evaluated when the module loads? True for top-level statements, exports, module-level
 * literals, class static properties and static blocks, top-level `await`; false inside functions,
 * instance property initialisers (they run per instance) and ambient `declare` code.
 */
export function isEvaluatedAtModuleScope(node: Node): boolean {
  let child: Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (isFunction(parent)) return false;
    switch (parent.type) {
      case AST_NODE_TYPES.PropertyDefinition:
      case AST_NODE_TYPES.AccessorProperty:
        if (!parent.static && child === parent.value) return false;
        if (parent.declare) return false;
        break;
      case AST_NODE_TYPES.TSModuleDeclaration:
        if (parent.declare) return false;
        break;
      case AST_NODE_TYPES.VariableDeclaration:
        if (parent.declare) return false;
        break;
      case AST_NODE_TYPES.TSDeclareFunction:
      case AST_NODE_TYPES.TSTypeAnnotation:
      case AST_NODE_TYPES.TSTypeQuery:
        return false;
      case AST_NODE_TYPES.Program:
        return true;
    }
  }
  return false;
}

/** Declared (or imported) at the top of the file: one binding shared by every call in the process. */
export function isModuleLevel(variable: { scope: { block: Node } }): boolean {
  return variable.scope.block.type === AST_NODE_TYPES.Program;
}

/** The function right below module scope that contains `node`: the per-execution boundary. */
export function outermostFunction(node: Node): FunctionNode | undefined {
  let found: FunctionNode | undefined;
  for (let current: Node | undefined = node.parent; current; current = current.parent) {
    if (isFunction(current)) found = current;
  }
  return found;
}

/** A short human name for a function: `runTask`, `Agent.run`, `app.post('/chat') handler`. */
export function describeFunction(fn: FunctionNode): string {
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  switch (parent.type) {
    case AST_NODE_TYPES.VariableDeclarator:
      if (parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
      break;
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.Property:
    case AST_NODE_TYPES.PropertyDefinition: {
      const name = propertyName(parent) ?? 'method';
      const owner = parent.parent.parent;
      const className =
        owner && (owner.type === AST_NODE_TYPES.ClassDeclaration || owner.type === AST_NODE_TYPES.ClassExpression) ? owner.id?.name : undefined;
      return className ? `${className}.${name}` : name;
    }
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression: {
      const callee = calleeName(parent.callee) ?? 'callback';
      const label = staticString(parent.arguments[0]);
      return `the ${callee}(${label === undefined ? '' : `'${label}'`}) callback`;
    }
    case AST_NODE_TYPES.ExportDefaultDeclaration:
      return 'the default export';
    case AST_NODE_TYPES.AssignmentExpression:
      if (parent.left.type === AST_NODE_TYPES.MemberExpression) return propertyName(parent.left) ?? 'a function';
      if (parent.left.type === AST_NODE_TYPES.Identifier) return parent.left.name;
      break;
  }
  return 'an anonymous function';
}
