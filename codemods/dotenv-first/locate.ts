import { Node, type CallExpression, type SourceFile } from 'ts-morph';
import { nodeAtRange, topLevelStatement } from '../../src/codemod/ts-nodes.js';
import type { RuleReport } from '../../src/codemod/types.js';
import { isPortableImport, isPortableRequire, readBindings, requiredModule, type TopLevelBinding } from './bindings.js';

/** A late `config()` call in an ES module: removed, and `.env` loaded by an import that runs first. */
export interface LateCall {
  kind: 'call';
  statement: Node;
  call: CallExpression;
  /** The dotenv package the call comes from: `dotenv`, `@dotenvx/dotenvx`… */
  module: string;
  /** The imports it reads (its dotenv import, Node modules its options use): copied or removed with it. */
  imports: TopLevelBinding[];
}

/** A statement that moves to the top as written, after the statements it needs (CommonJS `require`s). */
export interface Move {
  kind: 'move';
  statement: Node;
  needs: Node[];
}

/** A spot left for a person. */
export interface Mark {
  kind: 'mark';
  statement: Node;
  message: string;
}

export type Located = LateCall | Move | Mark;

export function locate(sourceFile: SourceFile, report: RuleReport, bindings: ReadonlyMap<string, TopLevelBinding>): Located | undefined {
  const node = nodeAtRange(sourceFile, report.range);
  const statement = node && topLevelStatement(node);
  if (!node || !statement) return undefined;
  if (report.messageId === 'dotenvConfigImportNotFirst') return { kind: 'move', statement, needs: [] };
  if (!Node.isCallExpression(node)) return undefined;
  const call = `\`${report.data.call ?? node.getExpression().getText()}\``;
  const reads = readBindings(node, bindings);

  if (report.messageId === 'configAfterRequires') {
    const isWhole = Node.isExpressionStatement(statement) || (Node.isVariableStatement(statement) && statement.getDeclarations().length === 1);
    if (!isWhole) return mark(statement, `${call} shares this statement with other code: call it on its own line above the \`require\`s`);
    const stuck = reads.find((binding) => !isPortableRequire(binding.statement));
    if (stuck) return mark(statement, `${call} needs \`${stuck.local.getText()}\`, set up after the \`require\`s: call it first, before them`);
    return { kind: 'move', statement, needs: reads.map((binding) => binding.statement) };
  }

  if (!Node.isExpressionStatement(statement) || statement.getExpression() !== node) {
    return mark(statement, `${call} runs after every import and its result is used here: load .env in a module imported first (\`import "dotenv/config"\`, or a load-env module with the options) and read process.env here`);
  }
  const module = calleeModule(node, bindings);
  if (!module) return mark(statement, `cannot tell which package ${call} comes from: replace it with \`import "dotenv/config"\` as the first import`);
  const stuck = reads.find((binding) => !isPortableImport(binding));
  if (stuck) return mark(statement, `the options of ${call} read \`${stuck.local.getText()}\` from this module: move the call into a module imported first`);
  return { kind: 'call', statement, call: node, module, imports: reads };
}

function mark(statement: Node, message: string): Mark {
  return { kind: 'mark', statement, message };
}

/** `dotenv.config()`, `config()`, `require('dotenv').config()`: the package they come from. */
function calleeModule(call: CallExpression, bindings: ReadonlyMap<string, TopLevelBinding>): string | undefined {
  const callee = call.getExpression();
  const root = Node.isPropertyAccessExpression(callee) ? callee.getExpression() : callee;
  const required = requiredModule(root);
  if (required !== undefined) return required;
  const declaration = Node.isIdentifier(root) ? bindings.get(root.getText())?.statement : undefined;
  return declaration && Node.isImportDeclaration(declaration) ? declaration.getModuleSpecifierValue() : undefined;
}
