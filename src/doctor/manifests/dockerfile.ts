import { splitCommand } from '../command-line.js';
import type { Argv, Injection } from '../types.js';

/** What an image built from a Dockerfile stage starts with and is given. */
export interface ImageConfig {
  entrypoint?: Argv;
  command?: Argv;
  workingDir?: string;
  env: Injection[];
}

interface Stage extends ImageConfig {
  name?: string;
  /** The earlier stage this one is built `FROM`, whose settings it inherits. */
  parent?: Stage;
}

/**
 * The final stage of a Dockerfile (or the `target` one), with what it inherits from earlier stages:
 * CMD, ENTRYPOINT, WORKDIR and the names set by ENV. Line continuations and comments are handled;
 * values are dropped.
 */
export function readDockerfile(source: string, file: string, target?: string): ImageConfig {
  const stages: Stage[] = [];
  let stage: Stage = { env: [] };
  for (const { keyword, rest, line } of instructions(source)) {
    const at = { file, line };
    switch (keyword) {
      case 'FROM': {
        const [, base, , alias] = /^(?:--\S+\s+)*(\S+)(\s+AS\s+(\S+))?/i.exec(rest) ?? [];
        const parent = stages.find((earlier) => earlier.name !== undefined && earlier.name.toLowerCase() === base?.toLowerCase());
        stage = { env: [], ...(alias ? { name: alias } : {}), ...(parent ? { parent } : {}) };
        stages.push(stage);
        break;
      }
      case 'ENV':
        stage.env.push(...envNames(rest).map((name) => ({ name, at, via: 'Dockerfile ENV' })));
        break;
      case 'WORKDIR':
        stage.workingDir = rest.trim();
        break;
      case 'CMD':
        stage.command = { argv: argv(rest), at };
        break;
      case 'ENTRYPOINT':
        stage.entrypoint = { argv: argv(rest), at };
        // A new ENTRYPOINT resets an inherited CMD, as Docker does.
        if (!stage.command) stage.command = { argv: [], at };
        break;
    }
  }
  const chosen = (target && stages.find((candidate) => candidate.name === target)) || stages.at(-1) || stage;
  return flatten(chosen);
}

function flatten(stage: Stage): ImageConfig {
  const inherited: ImageConfig = stage.parent ? flatten(stage.parent) : { env: [] };
  const entrypoint = stage.entrypoint ?? inherited.entrypoint;
  const command = stage.command ?? inherited.command;
  const workingDir = stage.workingDir ?? inherited.workingDir;
  return {
    ...(entrypoint ? { entrypoint } : {}),
    ...(command && command.argv.length > 0 ? { command } : {}),
    ...(workingDir ? { workingDir } : {}),
    env: [...inherited.env, ...stage.env],
  };
}

/** Instructions with their first line; `\` continuations joined, comments and blank lines skipped. */
function instructions(source: string): { keyword: string; rest: string; line: number }[] {
  const found: { keyword: string; rest: string; line: number }[] = [];
  let pending: { text: string; line: number } | undefined;
  for (const [index, raw] of source.split(/\r?\n/).entries()) {
    if (pending === undefined && (/^\s*#/.test(raw) || raw.trim() === '')) continue;
    if (pending !== undefined && /^\s*#/.test(raw)) continue;
    const continued = /\\\s*$/.test(raw);
    const piece = continued ? raw.replace(/\\\s*$/, ' ') : raw;
    pending = pending ? { text: `${pending.text}${piece}`, line: pending.line } : { text: piece, line: index + 1 };
    if (continued) continue;
    const match = /^\s*(\w+)\s*(.*)$/s.exec(pending.text);
    if (match?.[1]) found.push({ keyword: match[1].toUpperCase(), rest: match[2] ?? '', line: pending.line });
    pending = undefined;
  }
  return found;
}

/** Exec form `["node", "a.js"]`, or shell form `node a.js`, which Docker runs through `/bin/sh -c`. */
function argv(rest: string): string[] {
  const trimmed = rest.trim();
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      // Not valid JSON: Docker then runs it as a shell command too.
    }
  }
  return ['/bin/sh', '-c', trimmed];
}

/** `ENV A=1 B="x y"` and the legacy `ENV A 1`: the names only. */
function envNames(rest: string): string[] {
  const words = splitCommand(rest);
  if (words.length > 0 && !words[0]?.includes('=')) return words[0] ? [words[0]] : [];
  return words.map((word) => word.split('=')[0] ?? '').filter(Boolean);
}
