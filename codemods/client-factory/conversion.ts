import { Node, SyntaxKind, type ExportAssignment, type Expression, type Identifier, type SourceFile, type VariableStatement } from 'ts-morph';
import { pascalCase, unusedName } from '../../src/codemod/naming.js';
import { nodeAtRange, outerExpression, unwrapExpression } from '../../src/codemod/ts-nodes.js';
import type { RuleReport } from '../../src/codemod/types.js';

/** A module-scope value that becomes a factory called where it is used. */
export interface Conversion {
  statement: VariableStatement | ExportAssignment;
  /** The declared name; undefined for `export default new X()`. */
  nameNode?: Identifier;
  factory: string;
  exportKind: 'named' | 'default' | 'none';
  init: Expression;
  /** Credential env vars the rule named (read explicitly, or by the SDK itself). */
  envNames: string[];
  /** The initializer awaits (top-level await), so the factory is async. */
  isAsync: boolean;
}

/** A spot the codemod leaves for a person: the statement to mark and what to do there. */
export interface Unconvertible {
  statement: Node;
  message: string;
}

export type Located = { conversion: Conversion } | { unconvertible: Unconvertible } | undefined;

/** Where a report's value is kept, and whether it can become a factory. */
export function locate(sourceFile: SourceFile, report: RuleReport, taken: Set<string>): Located {
  const reported = nodeAtRange(sourceFile, report.range);
  if (!reported) return undefined;
  const value = keptValue(reported);
  const holder = value.getParent();
  const statement = holder?.getFirstAncestor((ancestor) => ancestor.getParent() === sourceFile) ?? holder;
  const isTopLevel = statement?.getParent() === sourceFile;
  // Moving a key written in the source into a factory would only copy it: it has to leave the code first.
  if (report.data.hardcoded === 'true' && isTopLevel) {
    return unconvertible(statement, 'the credential is written in the source: move it to an environment variable and read it here, then run the codemod again');
  }
  const base = { envNames: report.data.envVar ? report.data.envVar.split(',') : [], isAsync: awaitsAtLoad(value) };

  if (Node.isExportAssignment(holder) && !holder.isExportEquals()) {
    const factory = unusedName([`create${pascalCase(constructedName(value) ?? 'client')}`], taken);
    taken.add(factory);
    return { conversion: { ...base, statement: holder, factory, exportKind: 'default', init: value as Expression } };
  }
  if (Node.isVariableDeclaration(holder) && holder.getInitializer() === value && isTopLevel) {
    const variableStatement = holder.getVariableStatement();
    const nameNode = holder.getNameNode();
    if (!variableStatement || !Node.isIdentifier(nameNode)) return unconvertible(statement, 'destructured at load time: create the client inside the functions that use it');
    if (variableStatement.getDeclarations().length > 1) return unconvertible(statement, `split this declaration, then run the codemod again to turn \`${nameNode.getText()}\` into a factory`);
    if (variableStatement.hasModifier(SyntaxKind.DeclareKeyword)) return undefined;
    const binding = nameNode.getText();
    const prefix = report.messageId === 'capturedToken' ? 'read' : 'create';
    const constructed = constructedName(value);
    const candidates = [...(constructed ? [`${prefix}${pascalCase(constructed)}`] : []), `${prefix}${pascalCase(binding)}`];
    const factory = unusedName(candidates, taken);
    taken.add(factory);
    const exportKind = variableStatement.hasExportKeyword() ? (variableStatement.hasDefaultKeyword() ? 'default' : 'named') : 'none';
    return { conversion: { ...base, statement: variableStatement, nameNode, factory, exportKind, init: value as Expression } };
  }
  if (!statement || !isTopLevel) return undefined;
  return unconvertible(statement, 'built once at load time: create it inside the functions that use it');
}

function unconvertible(statement: Node | undefined, message: string): Located {
  return statement ? { unconvertible: { statement, message } } : undefined;
}

/**
 * Climbs from the reported node to the value a binding keeps: through wrappers, `await`, member
 * call chains (`new ChatOpenAI().bindTools(tools)`), `Headers`/`Object.freeze`, literals holding it.
 */
function keptValue(node: Node): Node {
  let value = outerExpression(node);
  for (;;) {
    const parent = value.getParent();
    const call = parent?.getParent();
    if (Node.isAwaitExpression(parent) || (Node.isPropertyAssignment(parent) && parent.getInitializer() === value) || Node.isArrayLiteralExpression(parent)) {
      value = outerExpression(Node.isPropertyAssignment(parent) ? parent.getParentOrThrow() : parent);
    } else if (Node.isPropertyAccessExpression(parent) && parent.getExpression() === value && Node.isCallExpression(call) && call.getExpression() === parent) {
      value = outerExpression(call);
    } else if ((Node.isNewExpression(parent) || Node.isCallExpression(parent)) && parent.getArguments()[0] === value && /(^|\.)(Headers|freeze)$/.test(parent.getExpression().getText())) {
      value = outerExpression(parent);
    } else if ((Node.isConditionalExpression(parent) && parent.getCondition() !== value) || (Node.isBinaryExpression(parent) && ['??', '||'].includes(parent.getOperatorToken().getText()))) {
      value = outerExpression(parent);
    } else {
      return value;
    }
  }
}

/** `new CrewClient(…)` → CrewClient, `new ai.OpenAI()` → OpenAI; undefined for calls and literals. */
function constructedName(value: Node): string | undefined {
  let current = unwrapExpression(value);
  if (Node.isAwaitExpression(current)) current = unwrapExpression(current.getExpression());
  while (Node.isCallExpression(current) && Node.isPropertyAccessExpression(current.getExpression())) {
    current = unwrapExpression((current.getExpression() as import('ts-morph').PropertyAccessExpression).getExpression());
  }
  if (!Node.isNewExpression(current)) return undefined;
  const callee = current.getExpression();
  if (Node.isIdentifier(callee)) return callee.getText();
  return Node.isPropertyAccessExpression(callee) ? callee.getName() : undefined;
}

/** An `await` evaluated by the initializer itself, not inside a function it defines. */
function awaitsAtLoad(value: Node): boolean {
  if (Node.isAwaitExpression(value.getParent())) return true;
  let found = false;
  value.forEachDescendant((child, traversal) => {
    if (Node.isFunctionLikeDeclaration(child) || Node.isArrowFunction(child) || Node.isFunctionExpression(child)) traversal.skip();
    else if (Node.isAwaitExpression(child)) {
      found = true;
      traversal.stop();
    }
  });
  return found || Node.isAwaitExpression(value);
}
