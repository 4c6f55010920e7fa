import { Node, SyntaxKind, type Identifier, type SourceFile, type ts } from 'ts-morph';
import { isInTypePosition, outermostFunction, type FunctionLike } from './ts-nodes.js';

/** Where a module-level binding is read, sorted by what a rewrite can do with each read. */
export interface BindingUses {
  /** Reads inside functions, grouped by the outermost function (the unit of execution). */
  byFunction: Map<FunctionLike, Identifier[]>;
  /** `typeof client` in a type. */
  typeQueries: Identifier[];
  /** `export { client }` (without `from`). */
  exportSpecifiers: Identifier[];
  /** Reads evaluated when the module loads, outside any function. */
  moduleScope: Identifier[];
  /** `client = …`: a reassigned binding cannot become a factory. */
  writes: Identifier[];
}

/** Every read of the binding that `declarationName` declares, in its own file. */
export function bindingUses(sourceFile: SourceFile, declarationName: Identifier): BindingUses {
  const symbol = declarationName.getSymbol()?.compilerSymbol;
  const uses: BindingUses = { byFunction: new Map(), typeQueries: [], exportSpecifiers: [], moduleScope: [], writes: [] };
  const name = declarationName.getText();
  for (const identifier of sourceFile.getDescendantsOfKind(SyntaxKind.Identifier)) {
    if (identifier === declarationName || identifier.getText() !== name) continue;
    const parent = identifier.getParent();
    if (Node.isExportSpecifier(parent)) {
      if (!parent.getExportDeclaration().getModuleSpecifier() && parent.getNameNode() === identifier) uses.exportSpecifiers.push(identifier);
      continue;
    }
    if (!symbol || referencedSymbol(identifier) !== symbol) continue;
    if (isInTypePosition(identifier)) uses.typeQueries.push(identifier);
    else if (isWrite(identifier)) uses.writes.push(identifier);
    else {
      const owner = outermostFunction(identifier);
      if (!owner || isInParameters(identifier, owner)) uses.moduleScope.push(identifier);
      else uses.byFunction.set(owner, [...(uses.byFunction.get(owner) ?? []), identifier]);
    }
  }
  return uses;
}

/** The symbol a read refers to; `{ client }` shorthand properties name the variable's symbol. */
function referencedSymbol(identifier: Identifier): ts.Symbol | undefined {
  const parent = identifier.getParent();
  if (Node.isShorthandPropertyAssignment(parent)) {
    return identifier.getProject().getTypeChecker().compilerObject.getShorthandAssignmentValueSymbol(parent.compilerNode);
  }
  return identifier.getSymbol()?.compilerSymbol;
}

function isWrite(identifier: Identifier): boolean {
  const parent = identifier.getParent();
  if (Node.isBinaryExpression(parent) && parent.getLeft() === identifier) return parent.getOperatorToken().getKind() >= SyntaxKind.FirstAssignment && parent.getOperatorToken().getKind() <= SyntaxKind.LastAssignment;
  return (Node.isPrefixUnaryExpression(parent) || Node.isPostfixUnaryExpression(parent)) && [SyntaxKind.PlusPlusToken, SyntaxKind.MinusMinusToken].includes(parent.getOperatorToken());
}

/** A default parameter value is evaluated before the body, where a creation could go. */
function isInParameters(identifier: Identifier, owner: FunctionLike): boolean {
  return owner.getParameters().some((parameter) => parameter.getStart() <= identifier.getStart() && identifier.getEnd() <= parameter.getEnd());
}
