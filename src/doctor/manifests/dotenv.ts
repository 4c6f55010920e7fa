import type { Place } from '../types.js';

/** `KEY=value`, `export KEY=value`, `KEY: value`: the key is all we keep. */
const ASSIGNMENT = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*[=:]/;

/**
 * The names a dotenv-style file sets (`.env`, `.env.example`, compose `env_file`), each with its
 * line. Values are never kept; comments, blank and garbage lines are skipped; multi-line quoted
 * values do not produce names from their inner lines.
 */
export function dotenvNames(text: string, file: string): { name: string; at: Place }[] {
  const names: { name: string; at: Place }[] = [];
  let openQuote: string | undefined;
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (openQuote) {
      if (line.includes(openQuote)) openQuote = undefined;
      continue;
    }
    const match = ASSIGNMENT.exec(line);
    if (!match?.[1]) continue;
    names.push({ name: match[1], at: { file, line: index + 1 } });
    const value = line.slice(match[0].length).trim();
    const quote = value[0];
    // A quoted value that does not close on its line goes on until the quote closes.
    if ((quote === '"' || quote === "'" || quote === '`') && value.indexOf(quote, 1) === -1) openQuote = quote;
  }
  return names;
}
