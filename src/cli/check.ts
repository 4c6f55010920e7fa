import { ESLint } from 'eslint';
import type { CheckArgs } from './args.js';
import { commonRoot, discoverFiles } from './discover.js';
import { formatResults } from './format.js';
import { embeddedConfig } from './lint-config.js';

/** `scale-auth check`: lint with the embedded config; exit 1 on any finding or unparseable file. */
export async function check(args: CheckArgs, cwd: string): Promise<number> {
  const files = discoverFiles(args.paths, cwd, 'check');
  const eslint = new ESLint({
    cwd: commonRoot(cwd, files),
    overrideConfigFile: true,
    overrideConfig: embeddedConfig(),
    // We pass only files we chose; ESLint's "file ignored" warnings would just be noise.
    warnIgnored: false,
  });
  const results = files.length > 0 ? await eslint.lintFiles(files) : [];

  const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
  const warnings = results.reduce((sum, result) => sum + result.warningCount, 0);
  const tooManyWarnings = warnings > (args.maxWarnings ?? 0);
  const meta: ESLint.ResultsMeta =
    args.maxWarnings !== undefined && tooManyWarnings ? { maxWarningsExceeded: { maxWarnings: args.maxWarnings, foundWarnings: warnings } } : {};
  process.stdout.write(await formatResults(args.format, results, eslint, cwd, meta));
  // errorCount includes fatal parse errors.
  return errors > 0 || tooManyWarnings ? 1 : 0;
}
