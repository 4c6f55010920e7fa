import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error.js';

export const FORMATS = ['stylish', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export interface CheckArgs {
  help: boolean;
  paths: string[];
  format: Format;
  /** Warnings tolerated before the exit code turns 1; undefined: none tolerated. */
  maxWarnings?: number;
}

export interface MigrateArgs {
  help: boolean;
  paths: string[];
  dry: boolean;
  force: boolean;
  /** Codemod names as given (unvalidated); empty: all of them. */
  codemods: string[];
  /** `--option name=value`, repeatable: options the codemods read (`serviceEnv=ACME_API_KEY`). */
  options: Record<string, string>;
  json?: string;
}

const HELP = { help: { type: 'boolean', short: 'h' } } as const satisfies ParseArgsConfig['options'];

export function parseCheckArgs(args: string[]): CheckArgs {
  const { values, positionals } = parse('check', args, {
    ...HELP,
    format: { type: 'string', short: 'f', default: 'stylish' },
    'max-warnings': { type: 'string' },
  });
  const format = values.format;
  if (!isFormat(format)) throw new UsageError(`unknown format '${format}' (known: ${FORMATS.join(', ')})`, 'check');
  const maxWarnings = values['max-warnings'];
  if (maxWarnings !== undefined && !/^\d+$/.test(maxWarnings)) {
    throw new UsageError(`--max-warnings needs a whole number, got '${maxWarnings}'`, 'check');
  }
  return {
    help: values.help ?? false,
    paths: positionals,
    format,
    ...(maxWarnings === undefined ? {} : { maxWarnings: Number(maxWarnings) }),
  };
}

export function parseMigrateArgs(args: string[]): MigrateArgs {
  const { values, positionals } = parse('migrate', args, {
    ...HELP,
    dry: { type: 'boolean' },
    force: { type: 'boolean' },
    codemod: { type: 'string', multiple: true },
    option: { type: 'string', multiple: true },
    json: { type: 'string' },
  });
  return {
    help: values.help ?? false,
    paths: positionals,
    dry: values.dry ?? false,
    force: values.force ?? false,
    // `--codemod a,b` and `--codemod a --codemod b` both work.
    codemods: [...new Set((values.codemod ?? []).flatMap((value) => value.split(',')).map((name) => name.trim()).filter(Boolean))],
    options: codemodOptions(values.option ?? []),
    ...(values.json === undefined ? {} : { json: values.json }),
  };
}

function parse<const Options extends NonNullable<ParseArgsConfig['options']>>(command: string, args: string[], options: Options) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    // node:util reports unknown flags and missing values as TypeErrors with an ERR_PARSE_ARGS_* code;
    // its first sentence says what is wrong, the rest is advice about `--` that rarely applies.
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS_')) throw new UsageError((error as Error).message.split('. ')[0] ?? '', command);
    throw error;
  }
}

function codemodOptions(pairs: readonly string[]): Record<string, string> {
  const options: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UsageError(`--option needs name=value, got '${pair}'`, 'migrate');
    options[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return options;
}

function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}
