import { Node, SyntaxKind, type ArrowFunction, type ConstructorDeclaration, type FunctionDeclaration, type FunctionExpression, type GetAccessorDeclaration, type MethodDeclaration, type SetAccessorDeclaration, type SourceFile } from 'ts-morph';

export type FunctionLike = FunctionDeclaration | FunctionExpression | ArrowFunction | MethodDeclaration | ConstructorDeclaration | GetAccessorDeclaration | SetAccessorDeclaration;

/** The node spanning exactly `range` (an ESLint report's range), or undefined. */
export function nodeAtRange(sourceFile: SourceFile, [start, end]: readonly [number, number]): Node | undefined {
  for (let node: Node | undefined = sourceFile.getDescendantAtPos(start); node; node = node.getParent()) {
    if (node.getStart() === start && node.getEnd() === end) return node;
    if (node.getStart() < start || node.getEnd() > end) return undefined;
  }
  return undefined;
}

/** Strips what does not change a value: parentheses, `!`, `as T`, `satisfies T`, `<T>x`. */
export function unwrapExpression(node: Node): Node {
  let current = node;
  while (
    Node.isParenthesizedExpression(current) ||
    Node.isNonNullExpression(current) ||
    Node.isAsExpression(current) ||
    Node.isSatisfiesExpression(current) ||
    Node.isTypeAssertion(current)
  ) {
    current = current.getExpression();
  }
  return current;
}

/** The expression a value sits in once wrappers that do not change it are climbed. */
export function outerExpression(node: Node): Node {
  let current = node;
  for (let parent = current.getParent(); parent && unwrapExpression(parent) === current; parent = current.getParent()) current = parent;
  return current;
}

export function isFunctionLike(node: Node): node is FunctionLike {
  return (
    Node.isFunctionDeclaration(node) ||
    Node.isFunctionExpression(node) ||
    Node.isArrowFunction(node) ||
    Node.isMethodDeclaration(node) ||
    Node.isConstructorDeclaration(node) ||
    Node.isGetAccessorDeclaration(node) ||
    Node.isSetAccessorDeclaration(node)
  );
}

/** The outermost function around `node`: the unit of execution that should own a fresh client. */
export function outermostFunction(node: Node): FunctionLike | undefined {
  let found: FunctionLike | undefined;
  for (let current = node.getParent(); current; current = current.getParent()) if (isFunctionLike(current)) found = current;
  return found;
}

/** True for identifiers in type positions (`typeof client` in a type, type references). */
export function isInTypePosition(node: Node): boolean {
  return node.getFirstAncestor((ancestor) => Node.isTypeNode(ancestor) || Node.isTypeQuery(ancestor)) !== undefined;
}

/** `process.env.NAME` or `process.env["NAME"]`: NAME. */
export function processEnvName(node: Node): string | undefined {
  const expression = unwrapExpression(node);
  let object: Node;
  let name: string | undefined;
  if (Node.isPropertyAccessExpression(expression)) {
    object = expression.getExpression();
    name = expression.getName();
  } else if (Node.isElementAccessExpression(expression)) {
    object = expression.getExpression();
    const argument = expression.getArgumentExpression();
    name = argument && Node.isStringLiteral(argument) ? argument.getLiteralValue() : undefined;
  } else {
    return undefined;
  }
  const env = unwrapExpression(object);
  const isProcessEnv = Node.isPropertyAccessExpression(env) && env.getName() === 'env' && env.getExpression().getText() === 'process';
  return isProcessEnv ? name : undefined;
}

export function topLevelStatement(node: Node): Node | undefined {
  for (let current: Node | undefined = node; current; current = current.getParent()) {
    if (current.getParent()?.getKind() === SyntaxKind.SourceFile) return current;
  }
  return undefined;
}

/** The statement, in a block or at the top of the file, that holds `node`: where a marker goes. */
export function enclosingStatement(node: Node): Node | undefined {
  for (let current: Node | undefined = node; current; current = current.getParent()) {
    const parent = current.getParent();
    if (Node.isStatement(current) && (Node.isBlock(parent) || Node.isSourceFile(parent) || Node.isCaseClause(parent) || Node.isDefaultClause(parent))) return current;
  }
  return undefined;
}

/** `{ apiKey }`: the shorthand property or binding, not the name it shares its range with. */
export function widestAtRange(sourceFile: SourceFile, range: readonly [number, number]): Node | undefined {
  const node = nodeAtRange(sourceFile, range);
  const parent = node?.getParent();
  return parent && (Node.isShorthandPropertyAssignment(parent) || Node.isBindingElement(parent)) && parent.getStart() === range[0] && parent.getEnd() === range[1] ? parent : node;
}
