import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const CLI = join(import.meta.dirname, '..', '..', 'bin', 'scale-auth.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (`npm test` builds dist/ first) as a user would, in `cwd`. */
export function runCli(args: string[], cwd: string): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export { removeProject, tempProject } from '../temp-project.js';

/** Runs git in `cwd`, failing the test when git fails. */
export function git(args: string[], cwd: string): string {
  const result = spawnSync('git', ['-c', 'user.name=scale-auth test', '-c', 'user.email=test@example.invalid', ...args], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** `root` as a git repository with everything committed. */
export function commitAll(root: string): void {
  git(['init', '-q'], root);
  git(['add', '-A'], root);
  git(['commit', '-qm', 'fixture'], root);
}

/** The fixture app: a module-scope OpenAI client used by one function. */
export const APP = [
  'import OpenAI from "openai";',
  '',
  'const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });',
  '',
  'export async function answer(q: string) {',
  '  return openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: q }] });',
  '}',
  '',
].join('\n');

/** The same app written the way the rules want it: the client is created per call. */
export const CLEAN_APP = [
  'import OpenAI from "openai";',
  '',
  'export async function answer(q: string) {',
  '  const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });',
  '  return openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: q }] });',
  '}',
  '',
].join('\n');
