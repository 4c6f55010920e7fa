import { ts } from 'ts-morph';

const SCRIPT_KINDS: Record<string, ts.ScriptKind> = { ts: ts.ScriptKind.TS, mts: ts.ScriptKind.TS, cts: ts.ScriptKind.TS, tsx: ts.ScriptKind.TSX, jsx: ts.ScriptKind.JSX };

/**
 * A syntax error in a file no rule needs to look at, found by TypeScript's scanner-level parse
 * alone (no ESTree conversion, no scope analysis): enough to report the file as unparseable.
 */
export function quickSyntaxError(path: string, text: string): string | undefined {
  const extension = /\.(\w+)$/.exec(path)?.[1] ?? 'js';
  const sourceFile = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, SCRIPT_KINDS[extension] ?? ts.ScriptKind.JS);
  // `parseDiagnostics` is internal but stable across TypeScript versions; the public route needs a Program.
  const [first] = (sourceFile as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  if (!first) return undefined;
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(first.start);
  return `Parsing error: ${ts.flattenDiagnosticMessageText(first.messageText, '\n')} (${line + 1}:${character + 1})`;
}
