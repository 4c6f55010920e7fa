import { basename, dirname, resolve } from 'node:path';
import { parse } from 'smol-toml';
import { splitCommand } from '../command-line.js';
import { record, strings, text } from '../data.js';
import type { Deployable, ManifestRead, Place } from '../types.js';

/**
 * `fly.toml`: `[env]` for every process, one deployable per `[processes]` entry (or the app). Fly
 * secrets are set with `fly secrets set`, never in the file: they are an opaque source.
 */
export function readFly(source: string, file: string): ManifestRead {
  let config: Record<string, unknown>;
  try {
    config = parse(source) as Record<string, unknown>;
  } catch (error) {
    const { line, message } = error as { line?: number; message: string };
    // smol-toml appends a code frame, which could show a value: keep its first line.
    return { deployables: [], skipped: [{ file, ...(line ? { line } : {}), reason: `TOML error: ${message.split('\n')[0] ?? ''}`, severity: 'error' }] };
  }
  const lines = source.split(/\r?\n/);
  const at = (table: string, key?: string): Place => ({ file, line: lineOf(lines, table, key) });
  const app = text(config.app) ?? basename(dirname(file));
  const env = record(config.env) ?? {};
  const injected = Object.keys(env).map((name) => ({ name, at: at('env', name), via: '[env]' }));
  const build = record(config.build);
  const root = dirname(file);
  const dockerfile = text(build?.dockerfile);
  const image = text(build?.image);
  const experimental = record(config.experimental);
  const entrypoint = strings(experimental?.entrypoint);
  const cmd = strings(experimental?.cmd);
  const base = {
    injected,
    opaque: [{ description: 'fly secrets (`fly secrets set`)', at: at('') }],
    start: {
      ...(entrypoint ? { entrypoint: { argv: entrypoint, at: at('experimental', 'entrypoint') } } : {}),
      ...(cmd ? { command: { argv: cmd, at: at('experimental', 'cmd') } } : {}),
      dockerfile: resolve(root, dockerfile ?? 'Dockerfile'),
      ...(image ? { image } : {}),
      root,
    },
  };
  const processes = Object.entries(record(config.processes) ?? {});
  if (processes.length === 0) return { deployables: [{ id: `fly/${app}`, name: app, at: at(''), ...base }], skipped: [] };
  const deployables: Deployable[] = processes.map(([name, command]) => ({
    id: `fly/${app}/${name}`,
    name,
    at: at('processes', name),
    ...base,
    start: { ...base.start, ...(text(command) ? { command: { argv: splitCommand(text(command) ?? ''), at: at('processes', name) } } : {}) },
  }));
  return { deployables, skipped: [] };
}

/** The line of `key = …` in `[table]` (or the table's header; line 1 for the top level). */
function lineOf(lines: readonly string[], table: string, key?: string): number {
  let inTable = table === '';
  let header = 1;
  for (const [index, line] of lines.entries()) {
    const section = /^\s*\[+\s*([\w.-]+)\s*\]+/.exec(line)?.[1];
    if (section !== undefined) {
      inTable = section === table;
      if (inTable) header = index + 1;
      continue;
    }
    if (inTable && key !== undefined && new RegExp(`^\\s*["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*=`).test(line)) return index + 1;
  }
  return header;
}
