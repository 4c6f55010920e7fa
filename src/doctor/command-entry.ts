import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { splitCommand } from './command-line.js';

/** A file a command runs, as written (a path inside the container), and the script that led to it. */
export interface CommandTarget {
  path: string;
  /** `package.json script "worker"`, when the command went through one. */
  script?: string;
  /** The folder of that package.json, which the script's relative paths start from. */
  base?: string;
}

/** Programs that run a JS/TS file given as their first non-flag argument. */
const RUNNERS = new Set(['node', 'nodejs', 'tsx', 'ts-node', 'ts-node-dev', 'ts-node-esm', 'nodemon', 'babel-node', 'esno', 'vite-node', 'bun', 'deno', 'pm2-runtime']);
/** Wrappers that run the rest of the line: `exec`, init processes, `env`. */
const WRAPPERS = new Set(['exec', 'env', 'dumb-init', 'tini', 'nice', 'npx', 'time']);
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);
const PACKAGE_MANAGERS = new Set(['npm', 'yarn', 'pnpm', 'bun']);
/** Node (and runner) flags followed by a separate value. */
const FLAGS_WITH_VALUE = new Set(['-r', '--require', '--import', '--loader', '--experimental-loader', '-C', '--conditions', '--env-file', '--watch-path', '--tsconfig', '--project', '-P', '--name', '-i', '--instances']);
/** Flags after which there is no file: the code is inline. */
const INLINE_CODE = new Set(['-e', '--eval', '-p', '--print']);

const MAX_DEPTH = 5;

/**
 * The JS/TS files a start command runs: through `sh -c` lines (each `&&`/`;` part), wrappers
 * (`exec`, `tini --`, `npx`), runners (`node`, `tsx`, `bun`, `deno run`, `pm2-runtime`) and package
 * manager scripts (`npm start`, `npm run worker`, `yarn worker`, `pnpm worker`) looked up in the
 * package.json of `directory`. Parts that run something else (`prisma migrate deploy`) are skipped.
 */
export function commandTargets(argv: readonly string[], directory: string, depth = 0): CommandTarget[] {
  if (depth > MAX_DEPTH) return [];
  const words = argv.filter((word, index) => index > 0 || word !== '');
  let start = 0;
  // Leading `NAME=value` assignments and wrappers (with their own flags) do not start a program.
  while (start < words.length) {
    const word = words[start] ?? '';
    const program = basename(word);
    if (/^[A-Za-z_]\w*=/.test(word) || word === '--' || WRAPPERS.has(program) || (start > 0 && WRAPPERS.has(basename(words[start - 1] ?? '')) && word.startsWith('-'))) start += 1;
    else break;
  }
  const [first, ...rest] = words.slice(start);
  if (first === undefined) return [];
  const program = basename(first);
  if (SHELLS.has(program)) {
    const script = rest.find((_, index) => index > 0 && /^-\w*c\w*$/.test(rest[index - 1] ?? ''));
    return script === undefined ? [] : shellTargets(script, directory, depth);
  }
  if (PACKAGE_MANAGERS.has(program)) {
    const script = scriptName(program, rest);
    const targets = script === undefined ? [] : scriptTargets(script, directory, depth);
    // `bun run src/index.ts` runs a file when no script has that name.
    if (targets.length > 0 || program !== 'bun') return targets;
  }
  if (!RUNNERS.has(program)) return [];
  return runnerTarget(program, rest);
}

function shellTargets(script: string, directory: string, depth: number): CommandTarget[] {
  return script
    .split(/&&|\|\||[;|&\n]/)
    .flatMap((part) => commandTargets(splitCommand(part.trim()), directory, depth + 1));
}

/** `npm start`, `npm run x`, `npm run-script x`, `yarn x`, `yarn run x`, `pnpm x`, `pnpm run x`, `bun run x` → the script. */
function scriptName(manager: string, args: readonly string[]): string | undefined {
  const words = args.filter((word) => !word.startsWith('-'));
  const [command, name] = words;
  if (command === 'start' || command === 'test') return command;
  if (command === 'run' || command === 'run-script') return name;
  // yarn and pnpm run a script by its bare name; bun without `run` runs a file.
  if ((manager === 'yarn' || manager === 'pnpm') && command !== undefined && !['exec', 'dlx', 'install', 'add'].includes(command)) return command;
  return undefined;
}

/** The files a package.json script (found from `directory` upwards) runs; `npm start` without one runs server.js. */
export function scriptTargets(name: string, directory: string, depth = 0): CommandTarget[] {
  const manifest = packageJsonFrom(directory);
  const scripts = manifest?.scripts;
  const line = scripts?.[name] ?? (name === 'start' ? 'node server.js' : undefined);
  if (line === undefined || manifest === undefined) return [];
  const base = dirname(manifest.path);
  return shellTargets(line, base, depth).map((target) => ({ ...target, script: target.script ?? `package.json script "${name}"`, base: target.base ?? base }));
}

/** The first argument that is not a flag, a flag's value or a runner's subcommand is the file. */
function runnerTarget(program: string, args: readonly string[]): CommandTarget[] {
  for (let index = 0; index < args.length; index += 1) {
    const word = args[index] ?? '';
    if (INLINE_CODE.has(word)) return [];
    if (FLAGS_WITH_VALUE.has(word)) {
      index += 1;
      continue;
    }
    if (word.startsWith('-')) continue;
    // `bun run x`, `deno run x`, `pm2-runtime start x`, `tsx watch x`: subcommands before the file.
    if (!program.startsWith('node') && ['run', 'start', 'watch'].includes(word)) continue;
    // pm2 ecosystem files describe apps we cannot read here.
    if (/ecosystem\.config\./.test(word)) return [];
    return [{ path: word }];
  }
  return [];
}

interface PackageJson {
  path: string;
  scripts?: Record<string, string>;
}

function packageJsonFrom(directory: string): PackageJson | undefined {
  for (let current = directory; ; current = dirname(current)) {
    const path = join(current, 'package.json');
    if (existsSync(path)) {
      try {
        const parsed = JSON.parse(readFileSync(path, 'utf8')) as { scripts?: unknown };
        const scripts = typeof parsed.scripts === 'object' && parsed.scripts !== null ? (parsed.scripts as Record<string, string>) : undefined;
        return { path, ...(scripts ? { scripts } : {}) };
      } catch {
        return undefined;
      }
    }
    if (dirname(current) === current) return undefined;
  }
}
