import { isAuthHeaderName, isCredentialKey } from '../analysis/credentials.js';

/** Well-known key shapes: OpenAI/Anthropic `sk-…`, Stripe, GitHub, Slack, AWS access keys, Google API keys. */
const KEY_SHAPES = /\b(?:sk-(?:proj-|ant-)?[\w-]{16,}|(?:sk|rk)_(?:live|test)_\w{16,}|gh[pousr]_\w{20,}|github_pat_\w{20,}|xox[abpr]-[\w-]{10,}|AKIA[0-9A-Z]{16}|AIza[\w-]{30,})/g;

/** A string literal given to a credential-like key: `apiKey: "…"`, `token = '…'`, `"x-api-key": "…"`. */
const ASSIGNED_LITERAL = /(["']?)([\w$-]+)\1(\s*[:=]\s*)(["'`])((?:(?!\4)[^\\\n]|\\.)+)\4/g;

/**
 * Hides credential values in text meant for a terminal or a log (diffs of the user's own code):
 * the code is shown, the secret is not. Files on disk are never redacted.
 */
export function redactSecrets(text: string): string {
  return text
    .replace(ASSIGNED_LITERAL, (match, keyQuote: string, key: string, separator: string, quote: string, value: string) =>
      isCredentialKey(key) || isAuthHeaderName(key) ? `${keyQuote}${key}${keyQuote}${separator}${quote}${redacted(value)}${quote}` : match,
    )
    .replace(KEY_SHAPES, '<redacted>');
}

/** Keeps a `Bearer ` scheme and template placeholders readable; hides the rest. */
function redacted(value: string): string {
  if (value.includes('${')) return value;
  const scheme = /^(Bearer|Basic|Token)\s+/i.exec(value)?.[0] ?? '';
  return `${scheme}<redacted>`;
}
