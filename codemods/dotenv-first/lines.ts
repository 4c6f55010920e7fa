import { Node, ts } from 'ts-morph';
import type { FileEdits } from '../../src/codemod/file-edits.js';

/** A statement's place in the text, with the comments that belong to it. */
export interface StatementLines {
  /** What to remove: whole lines when the statement is alone on them. */
  start: number;
  end: number;
  wholeLines: boolean;
  /** Its own comment lines above it, ending with the newline before the code. */
  leading: string;
  code: string;
  /** A comment after the code on its last line (` // load .env`), or ''. */
  trailing: string;
}

/** Comments that apply to the next line only: they must stay directly above their statement. */
const NEXT_LINE_DIRECTIVE = /eslint-disable-next-line|@ts-ignore|@ts-expect-error|prettier-ignore|biome-ignore/;

/**
 * Where the comments that belong to `statement` start: the comment lines directly above it (no
 * blank line between). Comments that open the file describe the file and stay on top, except
 * next-line directives.
 */
export function ownCommentsStart(statement: Node): number {
  const text = statement.getSourceFile().getFullText();
  const comments = ts.getLeadingCommentRanges(text, statement.getPos()) ?? [];
  let start = statement.getStart();
  let index = comments.length;
  for (; index > 0; index -= 1) {
    const comment = comments[index - 1] as ts.CommentRange;
    const ownLine = /^[ \t]*$/.test(text.slice(lineStart(text, comment.pos), comment.pos));
    if (!ownLine || /\n[ \t]*\r?\n/.test(text.slice(comment.end, start))) break;
    start = lineStart(text, comment.pos);
  }
  const opensFile = index === 0 && statement.getSourceFile().getStatements()[0] === statement;
  if (!opensFile) return start;
  const directives = comments.slice(index);
  while (directives.length > 0 && !NEXT_LINE_DIRECTIVE.test(text.slice(directives[0]?.pos, directives[0]?.end))) directives.shift();
  return directives[0] ? lineStart(text, directives[0].pos) : statement.getStart();
}

export function statementLines(statement: Node): StatementLines {
  const text = statement.getSourceFile().getFullText();
  const commentsStart = ownCommentsStart(statement);
  const code = statement.getText();
  const lineEnd = text.indexOf('\n', statement.getEnd());
  const end = lineEnd === -1 ? text.length : lineEnd + 1;
  const rest = text.slice(statement.getEnd(), end).trimEnd();
  const alone = /^[ \t]*$/.test(text.slice(lineStart(text, commentsStart), commentsStart)) && /^\s*(\/\/.*|\/\*.*\*\/\s*)?$/.test(rest);
  if (!alone) return { start: statement.getStart(), end: statement.getEnd(), wholeLines: false, leading: '', code, trailing: '' };
  const start = lineStart(text, commentsStart);
  return { start, end, wholeLines: true, leading: text.slice(start, statement.getStart()), code, trailing: rest };
}

/**
 * Where statements put first go: above `anchor` and the comments that belong to it, so a file's
 * opening comments, its shebang and its directives stay on top.
 */
export function insertionOffset(anchor: Node): number {
  const text = anchor.getSourceFile().getFullText();
  const start = ownCommentsStart(anchor);
  return /^[ \t]*$/.test(text.slice(lineStart(text, start), start)) ? lineStart(text, start) : start;
}

/** `"use strict"`, `'use client'`: directives that must stay the first statements. */
export function isDirective(statement: Node): boolean {
  return Node.isExpressionStatement(statement) && Node.isStringLiteral(statement.getExpression());
}

/**
 * Removes statements' lines. A removed block between blank lines takes one of them along, and one
 * that ends the file takes the blank lines above it, so no stray blank lines are left behind.
 */
export function removeLines(edits: FileEdits, removed: readonly StatementLines[]): void {
  const text = edits.sourceFile.getFullText();
  const blocks = merge(removed.filter((lines) => lines.wholeLines)).map(({ start, end }) => {
    const before = text.slice(0, start);
    if (/^\s*$/.test(text.slice(end))) return { start: start - (/(?<=\n)(?:[ \t]*\r?\n)+$/.exec(before)?.[0].length ?? 0), end };
    const blankBefore = /(^|\n)[ \t]*\r?\n$|^$/.test(before);
    return { start, end: end + (blankBefore ? (/^[ \t]*\r?\n/.exec(text.slice(end))?.[0].length ?? 0) : 0) };
  });
  for (const { start, end } of merge([...blocks, ...removed.filter((lines) => !lines.wholeLines)])) edits.replace(start, end, '');
}

/** Sorted ranges, with the ones that touch or overlap joined. */
function merge(ranges: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  const merged: { start: number; end: number }[] = [];
  for (const { start, end } of [...ranges].sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && last.end >= start) last.end = Math.max(last.end, end);
    else merged.push({ start, end });
  }
  return merged;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}
