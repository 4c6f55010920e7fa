/** A shell word: unquoted characters, backslash escapes and quoted parts, run together (`B="x y"`). */
const WORD = /(?:[^\s"'\\]+|\\.|"(?:[^"\\]|\\.)*"|'[^']*')+/gs;

/** Words of a command line as a POSIX shell splits them: `sh -c "node dist/a.js"` → [sh, -c, node dist/a.js]. */
export function splitCommand(line: string): string[] {
  return [...line.matchAll(WORD)].map((match) => unquote(match[0]));
}

function unquote(word: string): string {
  return word.replace(/"((?:[^"\\]|\\.)*)"|'([^']*)'|\\(.)/gs, (_all, double: string | undefined, single: string | undefined, escaped: string | undefined) =>
    double !== undefined ? double.replace(/\\(.)/gs, '$1') : (single ?? escaped ?? ''));
}
