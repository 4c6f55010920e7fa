import { Node } from 'ts-morph';
import type { TextEdit } from '../../src/codemod/text-edits.js';

/** The properties of an object literal or the elements of an object pattern. */
export function listElements(list: Node | undefined): Node[] {
  return Node.isObjectLiteralExpression(list) ? list.getProperties() : Node.isObjectBindingPattern(list) ? list.getElements() : [];
}

/**
 * Removes some elements of one list with their commas: one on a line of its own goes with its line,
 * the others up to the next element (the last ones from the end of the last kept element); removing
 * all of them leaves `{}`. Overlapping ranges are merged, so any subset can go at once.
 */
export function removalEdits(list: Node, removed: ReadonlySet<Node>): TextEdit[] {
  const elements = listElements(list);
  if (elements.every((element) => removed.has(element))) return [{ start: list.getStart() + 1, end: list.getEnd() - 1, text: '' }];
  const text = list.getSourceFile().getFullText();
  const lastKept = elements.findLastIndex((element) => !removed.has(element));
  const ranges: [number, number][] = [];
  elements.forEach((element, index) => {
    if (!removed.has(element)) return;
    const start = element.getStart();
    const end = element.getEnd();
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const rest = /^[ \t]*,?[ \t]*(\/\/[^\n]*)?\r?\n/.exec(text.slice(end));
    if (rest && /^[ \t]*$/.test(text.slice(lineStart, start))) ranges.push([lineStart, end + rest[0].length]);
    else if (index < lastKept) ranges.push([start, (elements[index + 1] as Node).getStart()]);
    else ranges.push([(elements[lastKept] as Node).getEnd(), end]);
  });
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const previous = merged.at(-1);
    if (previous && range[0] <= previous[1]) previous[1] = Math.max(previous[1], range[1]);
    else merged.push([...range]);
  }
  return merged.map(([start, end]) => ({ start, end, text: '' }));
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
