import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { isSourceFile } from '../../src/cli/discover.js';
import { filesUnder } from '../../src/files-under.js';
import type { FollowUp } from '../../src/codemod/types.js';

/** Files a project writes env names in besides its code: env files, deployment manifests, CI, docs. */
const MENTIONING_FILE = /^\.env(\..+)?$|\.env$|\.(ya?ml|toml|json|tf|tfvars|hcl|md|mdx|txt|sh|ini|conf)$|^Dockerfile|\.dockerfile$|^Procfile$/i;
const LOCKFILE = /lock|\.min\./i;
const MAX_BYTES = 1_000_000;

/**
 * Where the old names are still written outside the code, as follow-ups (file and line, never the
 * line's text: an env file holds values). The codemod does not rename them: a `.env`, a manifest or
 * a secret store may be what the deployment really sets.
 */
export function mentionFollowUps(renames: ReadonlyMap<string, string>, roots: readonly string[], codemod: string): FollowUp[] {
  if (renames.size === 0) return [];
  const pattern = new RegExp(`(?<![A-Za-z0-9_])(${[...renames.keys()].join('|')})(?![A-Za-z0-9_])`, 'g');
  const followUps: FollowUp[] = [];
  for (const path of new Set(roots.flatMap((root) => mentioningFiles(root)))) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      continue;
    }
    text.split('\n').forEach((line, index) => {
      for (const name of new Set([...line.matchAll(pattern)].map((match) => match[1] ?? ''))) {
        followUps.push({
          path,
          line: index + 1,
          codemod,
          message: `\`${name}\` is still written here; the code now reads \`${renames.get(name)}\`: rename it here too, and wherever the deployment sets it`,
        });
      }
    });
  }
  return followUps.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
}

/** The project folder of `file`: the nearest folder with `.git` or `package.json`, never above `cwd`. */
export function projectRoot(file: string, cwd: string): string {
  for (let directory = dirname(file); isWithin(directory, cwd); directory = dirname(directory)) {
    if (statSync(join(directory, '.git'), { throwIfNoEntry: false }) || statSync(join(directory, 'package.json'), { throwIfNoEntry: false })) return directory;
    if (dirname(directory) === directory) break;
  }
  return cwd;
}

function isWithin(directory: string, cwd: string): boolean {
  const rel = relative(cwd, directory);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep));
}

function mentioningFiles(directory: string): string[] {
  return filesUnder(directory, (name, path) => MENTIONING_FILE.test(name) && !LOCKFILE.test(name) && !isSourceFile(name) && (statSync(path, { throwIfNoEntry: false })?.size ?? 0) <= MAX_BYTES);
}
