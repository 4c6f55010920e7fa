import { Node, SyntaxKind, type Identifier, type VariableStatement } from 'ts-morph';
import type { TextEdit } from '../../src/codemod/text-edits.js';
import type { FunctionLike } from '../../src/codemod/ts-nodes.js';

interface Candidate {
  statement: VariableStatement;
  name: Identifier;
}

/**
 * Removes the header-parsing locals (`const token = auth.split(" ")[1]`) that nothing reads once the
 * forwarded value is replaced: a local still read anywhere, such as by `jwt.verify(token)`, stays.
 * `replaced` are the ranges the codemod rewrites; a removal can free the local before it.
 */
export function unusedLocalRemovals(fn: FunctionLike, names: ReadonlySet<string>, replaced: readonly TextEdit[]): TextEdit[] {
  const candidates = [...names].map((name) => candidate(fn, name)).filter((found): found is Candidate => found !== undefined);
  const dead: { start: number; end: number }[] = [...replaced];
  const removed = new Set<Candidate>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const local of candidates) {
      if (removed.has(local) || isRead(local, dead)) continue;
      removed.add(local);
      dead.push({ start: local.statement.getStart(), end: local.statement.getEnd() });
      changed = true;
    }
  }
  return [...removed].map((local) => wholeLines(local.statement));
}

/** The single-name declaration of `name` in `fn`, without side effects in its initializer. */
function candidate(fn: FunctionLike, name: string): Candidate | undefined {
  const declarations = fn.getDescendantsOfKind(SyntaxKind.VariableDeclaration).filter((declaration) => boundNames(declaration.getNameNode()).some((bound) => bound.getText() === name));
  const [declaration] = declarations;
  if (declarations.length !== 1 || !declaration) return undefined;
  const statement = declaration.getVariableStatement();
  const bound = boundNames(declaration.getNameNode());
  const initializer = declaration.getInitializer();
  if (!statement || statement.getDeclarations().length !== 1 || bound.length !== 1 || !bound[0]) return undefined;
  // `await`, `new` and assignments may do more than parse a header: leave them to a person.
  if (initializer && (initializer.getDescendantsOfKind(SyntaxKind.AwaitExpression).length > 0 || Node.isAwaitExpression(initializer) || initializer.getDescendantsOfKind(SyntaxKind.NewExpression).length > 0 || initializer.getDescendantsOfKind(SyntaxKind.EqualsToken).length > 0)) return undefined;
  return { statement, name: bound[0] };
}

function boundNames(name: Node): Identifier[] {
  if (Node.isIdentifier(name)) return [name];
  return name.getDescendantsOfKind(SyntaxKind.BindingElement).map((element) => element.getNameNode()).filter((node): node is Identifier => Node.isIdentifier(node));
}

/** Is the local read outside the code that goes away? */
function isRead(local: Candidate, dead: readonly { start: number; end: number }[]): boolean {
  const symbol = local.name.getSymbol();
  const text = local.name.getText();
  return local.name
    .getSourceFile()
    .getDescendantsOfKind(SyntaxKind.Identifier)
    .some((identifier) => identifier !== local.name && identifier.getText() === text && !dead.some((range) => range.start <= identifier.getStart() && identifier.getEnd() <= range.end) && referenced(identifier) === symbol);
}

/** `{ token }` shorthand reads the variable, not the property. */
function referenced(identifier: Identifier) {
  const parent = identifier.getParent();
  if (Node.isShorthandPropertyAssignment(parent)) return parent.getValueSymbol();
  return identifier.getSymbol();
}

/** The statement with its indentation and line break, when it is alone on its lines. */
function wholeLines(statement: VariableStatement): TextEdit {
  const text = statement.getSourceFile().getFullText();
  let start = statement.getStart();
  let end = statement.getEnd();
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const rest = /^[ \t]*\r?\n/.exec(text.slice(end));
  if (/^[ \t]*$/.test(text.slice(lineStart, start)) && rest) {
    start = lineStart;
    end += rest[0].length;
  }
  return { start, end, text: '' };
}
