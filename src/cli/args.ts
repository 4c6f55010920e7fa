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
  /** `--require-env-module`: where require-env imports `requireEnv` from, as written. */
  requireEnvModule?: string;
}

export const DOCTOR_FORMATS = ['text', 'json', 'sarif'] as const;
export type DoctorFormat = (typeof DOCTOR_FORMATS)[number];

export interface DoctorArgs {
  help: boolean;
  /** The project folder (default: the current one). */
  root?: string;
  format: DoctorFormat;
  /** Extra manifest globs, relative to the project folder. */
  manifests: string[];
  /** `--entry worker=src/jobs/worker.ts`, by deployable name (or id). */
  entries: { name: string; file: string }[];
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
    'require-env-module': { type: 'string' },
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
    ...(values['require-env-module'] === undefined ? {} : { requireEnvModule: values['require-env-module'] }),
  };
}

export function parseDoctorArgs(args: string[]): DoctorArgs {
  const { values, positionals } = parse('doctor', args, {
    ...HELP,
    format: { type: 'string', short: 'f', default: 'text' },
    manifests: { type: 'string', multiple: true },
    entry: { type: 'string', multiple: true },
  });
  const format = values.format;
  if (!(DOCTOR_FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format '${format}' (known: ${DOCTOR_FORMATS.join(', ')})`, 'doctor');
  if (positionals.length > 1) throw new UsageError(`doctor checks one project folder, got ${positionals.length}: ${positionals.join(' ')}`, 'doctor');
  const entries = (values.entry ?? []).map((value) => {
    const match = /^([^=]+)=(.+)$/.exec(value);
    if (!match?.[1] || !match[2]) throw new UsageError(`--entry needs <deployable>=<file>, got '${value}'`, 'doctor');
    return { name: match[1].trim(), file: match[2].trim() };
  });
  return {
    help: values.help ?? false,
    ...(positionals[0] === undefined ? {} : { root: positionals[0] }),
    format: format as DoctorFormat,
    manifests: values.manifests ?? [],
    entries,
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
