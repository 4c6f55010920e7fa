import { Node, SyntaxKind, type SourceFile } from 'ts-morph';
import { nodeAtRange, widestAtRange } from '../../src/codemod/ts-nodes.js';
import type { RuleReport } from '../../src/codemod/types.js';


/** What the producer side of a report allows: removing the property, spread or `payload.key = …` statement, or only a marker. */
export type ProducerPlan =
  | { kind: 'remove'; target: Node; spread: boolean }
  | { kind: 'mark'; message: string };

/** The enqueue call a report belongs to (`data.sink` is its range). */
export function sinkCall(sourceFile: SourceFile, report: RuleReport): Node | undefined {
  const [start, end] = (report.data.sink ?? '').split(':').map(Number);
  return start === undefined || end === undefined ? undefined : nodeAtRange(sourceFile, [start, end]);
}

/**
 * A property, spread or `payload.key = value` that only this enqueue call reads can go; the whole
 * payload, an array element or an object other code also reads cannot.
 */
export function planProducer(sourceFile: SourceFile, report: RuleReport, sink: Node): ProducerPlan {
  const reported = widestAtRange(sourceFile, report.range);
  const { data } = report;
  if (Node.isPropertyAssignment(reported) || Node.isShorthandPropertyAssignment(reported) || Node.isSpreadAssignment(reported)) {
    const owner = reported.getParentIfKind(SyntaxKind.ObjectLiteralExpression);
    const shared = owner && sharedLocal(owner, sink);
    if (owner && !shared) return { kind: 'remove', target: reported, spread: Node.isSpreadAssignment(reported) };
    if (shared) return { kind: 'mark', message: `\`${shared}\` is also used outside this ${data.family} call: take \`${data.source}\` out of the job payload only, and send ids instead` };
  }
  if (Node.isBinaryExpression(reported) && Node.isExpressionStatement(reported.getParent())) {
    const target = reported.getLeft();
    const object = Node.isPropertyAccessExpression(target) ? target.getExpression() : undefined;
    const shared = object && Node.isIdentifier(object) ? sharedVariable(object, sink) : 'the payload';
    if (!shared) return { kind: 'remove', target: reported.getParentOrThrow(), spread: false };
  }
  return {
    kind: 'mark',
    message: data.kind === 'request-event' || data.kind === 'header-map'
      ? `put only the ids the ${data.family} worker needs into the job, not \`${data.source}\`; give the worker a service credential`
      : `the ${data.family} job carries \`${data.source}\` as a whole: send the user id instead, and let the worker use a service credential`,
  };
}

/** The local a payload object literal initialises, when code other than `sink` reads it. */
function sharedLocal(literal: Node, sink: Node): string | undefined {
  if (within(literal, sink)) return undefined;
  let current: Node = literal;
  while (Node.isPropertyAssignment(current.getParent()) || Node.isObjectLiteralExpression(current.getParent()) || Node.isAsExpression(current.getParent()) || Node.isSatisfiesExpression(current.getParent())) current = current.getParentOrThrow();
  const declaration = current.getParent();
  const name = Node.isVariableDeclaration(declaration) && declaration.getInitializer() === current ? declaration.getNameNode() : undefined;
  return name && Node.isIdentifier(name) ? sharedVariable(name, sink) : 'the payload';
}

/**
 * The variable's name when it is read anywhere but inside `sink` (writes `name.key = …` do not
 * count); undefined when `sink` is its only reader.
 */
function sharedVariable(identifier: Node, sink: Node): string | undefined {
  const symbol = identifier.getSymbol();
  const name = identifier.getText();
  const declaration = symbol?.getDeclarations()[0];
  const declared = declaration && Node.isVariableDeclaration(declaration) ? declaration.getNameNode() : undefined;
  for (const use of identifier.getSourceFile().getDescendantsOfKind(SyntaxKind.Identifier)) {
    if (use.getText() !== name || use === declared || use.getSymbol() !== symbol || within(use, sink)) continue;
    const access = use.getParent();
    const assignment = access?.getParent();
    const assigned = Node.isPropertyAccessExpression(access) && access.getExpression() === use && Node.isBinaryExpression(assignment) && assignment.getLeft() === access && assignment.getOperatorToken().getKind() === SyntaxKind.EqualsToken;
    if (!assigned) return name;
  }
  return undefined;
}

function within(node: Node, container: Node): boolean {
  return container.getStart() <= node.getStart() && node.getEnd() <= container.getEnd();
}
