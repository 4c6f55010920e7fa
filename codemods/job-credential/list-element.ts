import { Node } from 'ts-morph';
import type { TextEdit } from '../../src/codemod/text-edits.js';

/**
 * Removes one property of an object literal, or one element of an object pattern, with its comma.
 * A property on a line of its own goes with its line; the last one leaves `{}`.
 */
export function removeElement(element: Node): TextEdit | undefined {
  const list = element.getParent();
  const elements: Node[] = Node.isObjectLiteralExpression(list) ? list.getProperties() : Node.isObjectBindingPattern(list) ? list.getElements() : [];
  const index = elements.indexOf(element);
  if (!list || index < 0) return undefined;
  const text = element.getSourceFile().getFullText();
  const start = element.getStart();
  const end = element.getEnd();
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const rest = /^[ \t]*,?[ \t]*(\/\/[^\n]*)?\r?\n/.exec(text.slice(end));
  if (elements.length > 1 && rest && /^[ \t]*$/.test(text.slice(lineStart, start))) return { start: lineStart, end: end + rest[0].length, text: '' };
  const next = elements[index + 1];
  const previous = elements[index - 1];
  if (next) return { start, end: next.getStart(), text: '' };
  if (previous) return { start: previous.getEnd(), end, text: '' };
  return { start: list.getStart() + 1, end: list.getEnd() - 1, text: '' };
}

/** Removes a statement, with its line when it has one of its own. */
export function removeStatement(statement: Node): TextEdit {
  const text = statement.getSourceFile().getFullText();
  const start = statement.getStart();
  const end = statement.getEnd();
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const rest = /^[ \t]*\r?\n/.exec(text.slice(end));
  return /^[ \t]*$/.test(text.slice(lineStart, start)) && rest ? { start: lineStart, end: end + rest[0].length, text: '' } : { start, end, text: '' };
}
