import { Node, SyntaxKind } from 'ts-morph';
import { lineIndent, type CodeStyle } from './code-style.js';
import type { TextEdit } from './text-edits.js';
import type { FunctionLike } from './ts-nodes.js';

/**
 * Edits that put `statements` first in `fn`'s body (after directives and `super()`), so the rest
 * of the body stays byte-identical. An expression-bodied arrow becomes a block that returns it.
 */
export function prependStatements(fn: FunctionLike, statements: readonly string[], style: CodeStyle): TextEdit[] {
  const body = fn.getBody();
  if (!body) return [];
  const text = fn.getSourceFile().getFullText();
  if (!Node.isBlock(body)) return [wrapExpressionBody(body, statements, style, text)];

  const open = body.getStart() + 1;
  const close = body.getEnd() - 1;
  const bodyStatements = body.getStatements();
  let prologue = 0;
  while (prologue < bodyStatements.length && isPrologue(bodyStatements[prologue] as Node)) prologue += 1;
  const after = bodyStatements[prologue - 1]?.getEnd() ?? open;
  const next = bodyStatements[prologue];
  const singleLine = !text.slice(open, close).includes('\n');
  // On one line, no newline ends a statement: each needs its semicolon, whatever the file's style.
  if (singleLine) return [{ start: after, end: after, text: ` ${statements.map((statement) => (statement.endsWith(';') ? statement : `${statement};`)).join(' ')}${next || prologue > 0 ? '' : ' '}` }];

  const lineEnd = text.indexOf('\n', after);
  const insertAt = lineEnd === -1 || lineEnd >= close ? close : lineEnd + 1;
  const indent = next ? lineIndent(text, next.getStart()) : lineIndent(text, body.getStart()) + style.indent;
  const lines = statements.map((statement) => `${indent}${statement}${style.newline}`).join('');
  if (insertAt === close) return [{ start: close, end: close, text: `${text.slice(close - 1, close) === '\n' ? '' : style.newline}${lines}${lineIndent(text, close)}` }];
  return [{ start: insertAt, end: insertAt, text: lines }];
}

/** Directives ('use server') and a leading `super(...)` call must stay first. */
function isPrologue(statement: Node): boolean {
  if (!Node.isExpressionStatement(statement)) return false;
  const expression = statement.getExpression();
  if (Node.isStringLiteral(expression)) return true;
  return Node.isCallExpression(expression) && expression.getExpression().getKind() === SyntaxKind.SuperKeyword;
}

function wrapExpressionBody(body: Node, statements: readonly string[], style: CodeStyle, text: string): TextEdit {
  const indent = lineIndent(text, body.getStart());
  const inner = indent + style.indent;
  const semicolon = style.semicolons ? ';' : '';
  const returned = reindent(body.getText(), style.indent, body);
  const lines = [...statements.map((statement) => `${inner}${statement}`), `${inner}return ${returned}${semicolon}`];
  return { start: body.getStart(), end: body.getEnd(), text: `{${style.newline}${lines.join(style.newline)}${style.newline}${indent}}` };
}

/** Adds one indent to continuation lines, unless a string or template spans lines (its content would change). */
export function reindent(code: string, unit: string, node: Node): string {
  if (!code.includes('\n')) return code;
  const multilineLiteral = node.getDescendants().some((child) => (Node.isTemplateExpression(child) || Node.isNoSubstitutionTemplateLiteral(child) || Node.isStringLiteral(child)) && child.getText().includes('\n'));
  if (multilineLiteral) return code;
  return code.replace(/\n(?=[^\r\n])/g, `\n${unit}`);
}
