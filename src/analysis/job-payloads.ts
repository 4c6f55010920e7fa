import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, isFunction, propertyName, unwrapTypes, unwrapValue, walk } from './ast.js';

type Node = TSESTree.Node;

/** A value inside a job payload, and where it sits. */
export interface PayloadEntry {
  value: Node;
  /** Keys from the payload root (`[]`: an array element); empty for the payload itself. */
  path: string[];
  /** What holds it: a property or spread of an object literal, or `payload.key = value`. */
  holder?: TSESTree.Property | TSESTree.SpreadElement | TSESTree.AssignmentExpression;
}

/**
 * Serialisation keeps every field: `JSON.stringify(x)`, `Buffer.from(x)`, `Buffer.from(…).toString("base64")`,
 * `new TextEncoder().encode(x)`, `superjson.stringify(x)`, `String(x)`. Returns what is serialised.
 */
function serialised(node: Node): Node | undefined {
  const value = unwrapValue(node);
  if (value.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = unwrapTypes(value.callee);
  const name = calleeName(callee);
  const [first] = value.arguments;
  if (name === 'toString' && callee.type === AST_NODE_TYPES.MemberExpression) return serialised(callee.object);
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) return undefined;
  if (name === 'stringify' || name === 'encode' || name === 'String' || name === 'structuredClone') return first;
  const object = callee.type === AST_NODE_TYPES.MemberExpression ? unwrapTypes(callee.object) : undefined;
  return name === 'from' && object?.type === AST_NODE_TYPES.Identifier && object.name === 'Buffer' ? first : undefined;
}

/**
 * Walks a payload: object literals (spreads included), arrays, serialisation, `?:`/`??`, and local
 * variables (their initialiser and `payload.key = value` writes). `visit` returns true when it
 * reports an entry, which is then not walked into.
 */
export function walkPayload(root: Node, sourceCode: Readonly<TSESLint.SourceCode>, visit: (entry: PayloadEntry) => boolean): void {
  const seen = new Set<Node>();
  const step = (entry: PayloadEntry): void => {
    const value = unwrapValue(entry.value);
    if (seen.has(value)) return;
    seen.add(value);
    if (value.type !== AST_NODE_TYPES.ObjectExpression && value.type !== AST_NODE_TYPES.ArrayExpression && visit(entry)) return;
    const inner = serialised(value);
    if (inner) return step({ ...entry, value: inner });
    switch (value.type) {
      case AST_NODE_TYPES.ObjectExpression:
        for (const property of value.properties) {
          if (property.type === AST_NODE_TYPES.SpreadElement) step({ value: property.argument, path: entry.path, holder: property });
          else if (!isFunction(property.value)) {
            const key = propertyName(property);
            if (key !== undefined) step({ value: property.value, path: [...entry.path, key], holder: property });
          }
        }
        return;
      case AST_NODE_TYPES.ArrayExpression:
        for (const element of value.elements) {
          if (element) step({ value: element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element, path: [...entry.path, '[]'] });
        }
        return;
      case AST_NODE_TYPES.ConditionalExpression:
        step({ ...entry, value: value.consequent });
        step({ ...entry, value: value.alternate });
        return;
      case AST_NODE_TYPES.LogicalExpression:
        step({ ...entry, value: value.left });
        step({ ...entry, value: value.right });
        return;
      case AST_NODE_TYPES.Identifier:
        for (const write of localWrites(value, sourceCode)) step({ value: write.value, path: [...entry.path, ...write.path], ...(write.holder ? { holder: write.holder } : {}) });
        return;
    }
  };
  step({ value: root, path: [] });
}

interface LocalWrite {
  value: Node;
  path: string[];
  holder?: TSESTree.AssignmentExpression;
}

/** What a local variable holds: its initialiser, reassignments, and `name.key = value` writes. Parameters hold nothing we can see. */
function localWrites(identifier: TSESTree.Identifier, sourceCode: Readonly<TSESLint.SourceCode>): LocalWrite[] {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  const definition = variable?.defs[0];
  if (!variable || definition?.type !== 'Variable' || definition.node.id.type !== AST_NODE_TYPES.Identifier) return [];
  const writes: LocalWrite[] = [];
  for (const reference of variable.references) {
    const node = reference.identifier;
    if (reference.isWrite()) {
      const parent = node.parent;
      if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init) writes.push({ value: parent.init, path: [] });
      else if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.operator === '=' && parent.left === node) writes.push({ value: parent.right, path: [] });
      continue;
    }
    const member = node.parent;
    const assignment = member?.parent;
    if (member?.type === AST_NODE_TYPES.MemberExpression && member.object === node && assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.left === member && assignment.operator === '=') {
      const key = propertyName(member);
      if (key !== undefined) writes.push({ value: assignment.right, path: [key], holder: assignment });
    }
  }
  return writes;
}

/**
 * The values at `path` in `node` (a sink's argument): object literal keys, `[]` for each array
 * element or each object an `array.map()` callback returns, through locals. Empty when the code
 * does not show them.
 */
export function valuesAt(node: Node, path: readonly string[], sourceCode: Readonly<TSESLint.SourceCode>, depth = 0): Node[] {
  const value = unwrapValue(node);
  if (path.length === 0) return [node];
  if (depth > 6) return [];
  const [key, ...rest] = path;
  if (value.type === AST_NODE_TYPES.Identifier) {
    return localWrites(value, sourceCode).flatMap((write) => (write.path.length === 0 ? valuesAt(write.value, path, sourceCode, depth + 1) : write.path[0] === key ? valuesAt(write.value, rest, sourceCode, depth + 1) : []));
  }
  if (key === '[]') {
    if (value.type === AST_NODE_TYPES.ArrayExpression) {
      return value.elements.flatMap((element) => (element && element.type !== AST_NODE_TYPES.SpreadElement ? valuesAt(element, rest, sourceCode, depth + 1) : []));
    }
    const mapped = mappedValues(value);
    return mapped.flatMap((returned) => valuesAt(returned, rest, sourceCode, depth + 1));
  }
  if (value.type !== AST_NODE_TYPES.ObjectExpression) return [];
  const property = value.properties.findLast((candidate): candidate is TSESTree.Property => candidate.type === AST_NODE_TYPES.Property && propertyName(candidate) === key);
  return property ? valuesAt(property.value, rest, sourceCode, depth + 1) : [];
}

/** `items.map((item) => ({ … }))`: what the callback returns for each element. */
function mappedValues(value: Node): Node[] {
  if (value.type !== AST_NODE_TYPES.CallExpression || calleeName(value.callee) !== 'map') return [];
  const callback = value.arguments[0] && unwrapTypes(value.arguments[0]);
  if (!callback || !isFunction(callback)) return [];
  if (callback.body.type !== AST_NODE_TYPES.BlockStatement) return [callback.body];
  const returned: Node[] = [];
  walk(callback.body, (node) => {
    if (isFunction(node)) return false;
    if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) returned.push(node.argument);
    return undefined;
  });
  return returned;
}
