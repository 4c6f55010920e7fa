import { Node, SyntaxKind, type BindingElement, type SourceFile, type VariableStatement } from 'ts-morph';
import { isFunctionLike, nodeAtRange } from '../../src/codemod/ts-nodes.js';
import type { RuleReport } from '../../src/codemod/types.js';

/** `process.env.X`, with the wrappers that only hide a missing value: replaced whole by `requireEnv("X")`. */
export interface Replace {
  kind: 'replace';
  name: string;
  start: number;
  end: number;
}

/** `const { X } = process.env`: X becomes `const X = requireEnv("X")`. */
export interface Destructured {
  kind: 'destructured';
  name: string;
  element: BindingElement;
  statement: VariableStatement;
}

/** A read a person has to fix: the statement gets a marker. */
export interface Mark {
  kind: 'mark';
  statement: Node;
  message: string;
}

export type Located = Replace | Destructured | Mark;

/** What to do with one report of no-unchecked-credential-env. */
export function locate(sourceFile: SourceFile, report: RuleReport): Located | undefined {
  const node = nodeAtRange(sourceFile, report.range);
  const statement = node && enclosingStatement(node);
  const name = report.data.name;
  if (!node || !statement || name === undefined) return undefined;
  if (report.data.processEnv !== 'true') {
    return mark(statement, `\`${name}\` is not read from process.env here, so requireEnv would read another object: check it before use and throw an error that names it`);
  }
  if (runsAtModuleLoad(node)) {
    return mark(statement, `\`${name}\` is read when the module loads: read it with requireEnv inside the function that uses it (here it would throw on import, in every process that loads this module)`);
  }
  if (report.data.form === 'destructured') {
    // `{ KEY }` spans its name only: the element is the name's parent.
    const element = Node.isBindingElement(node) ? node : node.getParentIfKind(SyntaxKind.BindingElement);
    const declaration = element && simpleDeclaration(element);
    if (!element || !declaration) return mark(statement, `\`${name}\` is destructured where a declaration of its own cannot go: read it as \`requireEnv("${name}")\``);
    return { kind: 'destructured', name, element, statement: declaration };
  }
  if (report.data.form !== 'member' && report.data.form !== 'computed') return undefined;
  const whole = uncheckedExpression(node);
  return { kind: 'replace', name, start: whole.getStart(), end: whole.getEnd() };
}

function mark(statement: Node, message: string): Mark {
  return { kind: 'mark', statement, message };
}

/** `process.env.X!`, `(process.env.X as string)`, `process.env.X ?? ''`: the read and what only hides its absence. */
function uncheckedExpression(read: Node): Node {
  let current = read;
  for (let parent = current.getParent(); parent; parent = current.getParent()) {
    const hides =
      Node.isParenthesizedExpression(parent) ||
      Node.isNonNullExpression(parent) ||
      (Node.isAsExpression(parent) && parent.getTypeNode()?.getText() === 'string') ||
      (Node.isBinaryExpression(parent) && parent.getLeft() === current && ['??', '||'].includes(parent.getOperatorToken().getText()) && isEmpty(parent.getRight()));
    if (!hides) return current;
    current = parent;
  }
  return current;
}

/** `''`, `""`, `` `` ``, `undefined`, `null`. */
function isEmpty(node: Node): boolean {
  if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) return node.getLiteralValue() === '';
  return Node.isNullLiteral(node) || (Node.isIdentifier(node) && node.getText() === 'undefined');
}

/** `const { X, Y: y = '' } = process.env;` alone in its statement, with a plain name and no type annotation. */
function simpleDeclaration(element: BindingElement): VariableStatement | undefined {
  if (!Node.isIdentifier(element.getNameNode()) || element.getDotDotDotToken()) return undefined;
  const declaration = element.getParent().getParent();
  if (!Node.isVariableDeclaration(declaration) || declaration.getTypeNode()) return undefined;
  const list = declaration.getParent();
  const statement = list.getParent();
  return Node.isVariableDeclarationList(list) && Node.isVariableStatement(statement) && list.getDeclarations().length === 1 ? statement : undefined;
}

/** The statement, in a block or at the top of the file, that holds `node`: where a marker goes. */
function enclosingStatement(node: Node): Node | undefined {
  for (let current: Node | undefined = node; current; current = current.getParent()) {
    const parent = current.getParent();
    if (Node.isSourceFile(parent) || Node.isBlock(parent) || Node.isCaseClause(parent) || Node.isDefaultClause(parent) || Node.isModuleBlock(parent)) return current;
  }
  return undefined;
}

/** Evaluated when the module loads: not inside a function or an instance property's initializer. */
function runsAtModuleLoad(node: Node): boolean {
  for (let current = node.getParent(); current; current = current.getParent()) {
    if (isFunctionLike(current)) return false;
    if (Node.isPropertyDeclaration(current) && !current.isStatic()) return false;
  }
  return true;
}
