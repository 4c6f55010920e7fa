/** Replace `text.slice(start, end)` with `replacement`; an insertion has `start === end`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * Applies edits to `text`, leaving every untouched byte as it was. Insertions at the same offset
 * keep the order they were given in; overlapping replacements are a codemod bug and throw.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = edits.map((edit, index) => ({ edit, index })).sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.index - b.index);
  let result = '';
  let cursor = 0;
  for (const { edit } of ordered) {
    if (edit.start < cursor) throw new Error(`overlapping edits at offset ${edit.start}`);
    result += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return result + text.slice(cursor);
}
