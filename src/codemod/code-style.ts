/** How a file writes code, so generated lines look like their neighbours. */
export interface CodeStyle {
  /** One level of indentation: a tab or a run of spaces. */
  indent: string;
  quote: '"' | "'";
  semicolons: boolean;
  newline: '\n' | '\r\n';
}

/** Infers the style from the file's own lines; defaults to two spaces, double quotes, semicolons. */
export function detectStyle(text: string): CodeStyle {
  return { indent: detectIndent(text), quote: detectQuote(text), semicolons: detectSemicolons(text), newline: text.includes('\r\n') ? '\r\n' : '\n' };
}

function detectIndent(text: string): string {
  const widths = new Map<number, number>();
  let tabs = 0;
  for (const match of text.matchAll(/^([ \t]+)\S/gm)) {
    const leading = match[1] ?? '';
    if (leading.startsWith('\t')) tabs += 1;
    else if (!/^ +\*/.test(match[0])) widths.set(leading.length, (widths.get(leading.length) ?? 0) + 1);
  }
  const spaced = [...widths.values()].reduce((sum, count) => sum + count, 0);
  if (tabs > spaced) return '\t';
  const smallest = Math.min(...[...widths.keys()].filter((width) => width > 0 && width <= 8));
  return Number.isFinite(smallest) ? ' '.repeat(smallest) : '  ';
}

/** The quote of module specifiers, which nearly every file has; otherwise of string literals. */
function detectQuote(text: string): '"' | "'" {
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\brequire\(\s*|^import\s*)(["'])/gm)].map((match) => match[1]);
  const quotes = specifiers.length > 0 ? specifiers : [...text.matchAll(/(["'])[^"'\n]*\1/g)].map((match) => match[1]);
  const single = quotes.filter((quote) => quote === "'").length;
  return single > quotes.length - single ? "'" : '"';
}

/** Statements ending in `;` outnumber statement-like lines without one. */
function detectSemicolons(text: string): boolean {
  const endings = [...text.matchAll(/^\s*(?:import|export|const|let|var|return|throw)\b.*?([;,{(\[=>]?)\s*$/gm)].map((match) => match[1]);
  const withSemicolon = endings.filter((ending) => ending === ';').length;
  const without = endings.filter((ending) => ending === '').length;
  return withSemicolon >= without;
}

/** `text` as a string literal in the file's quote style. */
export function quoted(text: string, style: CodeStyle): string {
  const escaped = text.replace(/\\/g, '\\\\').split(style.quote).join(`\\${style.quote}`);
  return `${style.quote}${escaped}${style.quote}`;
}

/** Leading whitespace of the line that contains `offset`. */
export function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}

/** Where the line that contains `offset` ends: before its line break, after any trailing comment. */
export function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  if (newline === -1) return text.length;
  return text[newline - 1] === '\r' ? newline - 1 : newline;
}
