import type { SourceFile } from 'ts-morph';
import { detectStyle, type CodeStyle } from './code-style.js';
import { prependStatements } from './prepend-statements.js';
import { applyEdits, type TextEdit } from './text-edits.js';
import type { FunctionLike } from './ts-nodes.js';

/**
 * The pending rewrite of one file. Edits are offsets into the text the file had when the codemod
 * started; statements for the same function are gathered so each body is opened only once.
 */
export class FileEdits {
  readonly style: CodeStyle;
  private readonly edits: TextEdit[] = [];
  private readonly prepends = new Map<FunctionLike, string[]>();
  private readonly appended: string[] = [];

  constructor(readonly sourceFile: SourceFile) {
    this.style = detectStyle(sourceFile.getFullText());
  }

  get typescript(): boolean {
    return /\.[cm]?tsx?$/.test(this.sourceFile.getFilePath());
  }

  replace(start: number, end: number, text: string): void {
    this.edits.push({ start, end, text });
  }

  insert(offset: number, text: string): void {
    this.edits.push({ start: offset, end: offset, text });
  }

  /** Puts `statement` first in `fn`'s body, once. */
  prepend(fn: FunctionLike, statement: string): void {
    const statements = this.prepends.get(fn) ?? [];
    if (!statements.includes(statement)) statements.push(statement);
    this.prepends.set(fn, statements);
  }

  /** Adds a block at the end of the file, once (helpers). */
  append(block: string): void {
    if (!this.appended.includes(block)) this.appended.push(block);
  }

  /** Ends a statement the way the file does. */
  statement(code: string): string {
    return this.style.semicolons ? `${code};` : code;
  }

  get changed(): boolean {
    return this.edits.length > 0 || this.prepends.size > 0 || this.appended.length > 0;
  }

  /** The new text; throws when two edits overlap (a codemod bug, never a half-written file). */
  apply(): string {
    const text = this.sourceFile.getFullText();
    const all = [...this.edits];
    for (const [fn, statements] of this.prepends) all.push(...prependStatements(fn, statements, this.style));
    if (this.appended.length > 0) {
      const { newline } = this.style;
      const separator = text.endsWith(newline) ? newline : newline + newline;
      all.push({ start: text.length, end: text.length, text: separator + this.appended.join(newline + newline) + newline });
    }
    return applyEdits(text, all);
  }
}
