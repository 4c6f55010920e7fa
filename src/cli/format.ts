import type { ESLint } from 'eslint';
import type { Format } from './args.js';
import { toSarif } from './sarif.js';

/** Lint results as text in the chosen format. */
export async function formatResults(format: Format, results: ESLint.LintResult[], eslint: ESLint, cwd: string, meta: ESLint.ResultsMeta): Promise<string> {
  if (format === 'sarif') return `${JSON.stringify(toSarif(results, cwd), null, 2)}\n`;
  // ESLint puts each flagged file's whole text in `source`, which may hold a literal key: never print it.
  const printable = results.map(({ source: _source, ...result }) => result);
  return (await eslint.loadFormatter(format)).format(printable, meta);
}
