/** `KEY=…`, `export KEY=…`, `KEY: …` (dotenv's YAML-ish form); the value is never looked at. */
const ASSIGNMENT = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*[=:]/;

/**
 * The variable names an env file declares, in order, without duplicates. Any content is tolerated:
 * comments, blank lines, quotes, multi-line values and garbage lines are skipped. Values are never
 * kept, so nothing read here can leak a secret.
 */
export function envFileKeys(text: string): string[] {
  const keys = new Set<string>();
  let quote: string | undefined;
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (quote !== undefined) {
      // Inside a multi-line quoted value: its lines are not assignments.
      if (line.includes(quote)) quote = undefined;
      continue;
    }
    const match = ASSIGNMENT.exec(line);
    if (!match?.[1] || line.trimStart().startsWith('#')) continue;
    keys.add(match[1]);
    quote = openQuote(line.slice(match[0].length));
  }
  return [...keys];
}

/** The quote a value opens and does not close on its line (`KEY="-----BEGIN…`). */
function openQuote(value: string): string | undefined {
  const trimmed = value.trimStart();
  const quote = trimmed[0];
  if (quote !== '"' && quote !== "'" && quote !== '`') return undefined;
  return trimmed.indexOf(quote, 1) === -1 ? quote : undefined;
}
