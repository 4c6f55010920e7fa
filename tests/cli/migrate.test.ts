import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { APP, commitAll, git, removeProject, runCli, tempProject } from './run-cli.js';

const BROKEN = 'export const = ;\n';

/** The client handed to another module-scope object: the codemod cannot make that per-call. */
const SHARED_APP = APP.replace('\nexport async function', '\nexport const registry = { llm: openai };\n\nexport async function');

const projects: string[] = [];
/** A temporary git repository with `files` committed. */
function repo(files: Record<string, string>): string {
  const root = tempProject(files);
  projects.push(root);
  commitAll(root);
  return root;
}
afterEach(() => projects.splice(0).forEach(removeProject));

const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');
const status = (root: string) => git(['status', '--porcelain'], root).trim();

describe('scale-auth migrate', () => {
  it('--dry prints a unified diff and writes nothing', () => {
    const root = repo({ 'src/llm.ts': APP });
    const run = runCli(['migrate', '--dry'], root);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('--- a/src/llm.ts\n+++ b/src/llm.ts\n@@ ');
    expect(run.stdout).toContain('-const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });');
    expect(run.stdout).toContain('+  const openai = createOpenAI();');
    expect(run.stdout).toContain('1 file scanned: 1 would change, 0 unchanged, 0 errors, 0 follow-ups (dry run: nothing written)');
    expect(read(root, 'src/llm.ts')).toBe(APP);
    expect(status(root)).toBe('');
  });

  it('writes the migration, which then lints clean and parses; a second run changes nothing', () => {
    const root = repo({ 'src/llm.ts': APP });
    const mode = statSync(join(root, 'src/llm.ts')).mode;
    const run = runCli(['migrate'], root);
    expect(run.stdout).toContain('1 file scanned: 1 changed, 0 unchanged, 0 errors, 0 follow-ups');
    // stderr is not a terminal here: no progress line.
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(read(root, 'src/llm.ts')).toContain('function createOpenAI()');
    expect(statSync(join(root, 'src/llm.ts')).mode).toBe(mode);
    expect(status(root)).toBe('M src/llm.ts');

    const lint = runCli(['check', '--format', 'json'], root);
    expect(JSON.parse(lint.stdout)[0].messages).toEqual([]);
    expect(lint.status).toBe(0);

    git(['commit', '-qam', 'migrated'], root);
    const again = runCli(['migrate'], root);
    expect(again.stdout).toContain('0 changed, 1 unchanged');
    expect(status(root)).toBe('');
  });

  it.each([
    ['a modified file', (root: string) => writeFileSync(join(root, 'src/llm.ts'), `${APP}// edited\n`)],
    ['an untracked file', (root: string) => writeFileSync(join(root, 'notes.txt'), 'draft\n')],
  ])('refuses a dirty work tree (%s) and writes under --force', (_case, dirty) => {
    const root = repo({ 'src/llm.ts': APP });
    dirty(root);
    const before = read(root, 'src/llm.ts');
    const refused = runCli(['migrate', 'src'], root);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('uncommitted changes');
    expect(refused.stderr).toMatch(/commit or stash.*--force/is);
    expect(read(root, 'src/llm.ts')).toBe(before);

    const forced = runCli(['migrate', 'src', '--force'], root);
    expect(forced.status).toBe(0);
    expect(read(root, 'src/llm.ts')).toContain('createOpenAI()');
  });

  it('writes outside any git repository', () => {
    const root = tempProject({ 'llm.ts': APP });
    projects.push(root);
    const run = runCli(['migrate', 'llm.ts'], root);
    expect(run.status).toBe(0);
    expect(read(root, 'llm.ts')).toContain('createOpenAI()');
  });

  it('reports a file that does not parse, leaves it byte-identical and migrates the rest', () => {
    const root = repo({ 'src/broken.ts': BROKEN, 'src/llm.ts': APP });
    const run = runCli(['migrate'], root);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('2 files scanned: 1 changed, 0 unchanged, 1 error, 0 follow-ups');
    expect(run.stdout).toMatch(/^ {2}src\/broken\.ts {2}Parsing error: .*\(1:\d+\)$/m);
    expect(read(root, 'src/broken.ts')).toBe(BROKEN);
    expect(status(root)).toBe('M src/llm.ts');
  });

  it('writes a --json report with files, follow-ups and a summary, and exits 1 on follow-ups', () => {
    const root = repo({ 'src/broken.ts': BROKEN, 'src/llm.ts': SHARED_APP, 'src/util.ts': 'export const one = 1;\n' });
    const run = runCli(['migrate', '--dry', '--json', 'report.json'], root);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^ {2}src\/llm\.ts:\d+ {2}`openai` is still read when the module loads/m);
    const report = JSON.parse(read(root, 'report.json'));
    expect(report).toEqual({
      files: [
        { path: 'src/broken.ts', status: 'error', error: expect.stringContaining('Parsing error') },
        { path: 'src/llm.ts', status: 'changed' },
        { path: 'src/util.ts', status: 'unchanged' },
      ],
      followUps: [{ path: 'src/llm.ts', line: expect.any(Number), codemod: 'client-factory', message: expect.stringContaining('`openai`') }],
      summary: { scanned: 3, changed: 1, unchanged: 1, errors: 1, followUps: 1, dryRun: true },
    });
    expect(read(root, 'src/llm.ts')).toBe(SHARED_APP);
  });

  it('runs only the codemods named, and exits 2 on an unknown one, listing the known ones', () => {
    const root = repo({ 'src/llm.ts': APP });
    expect(runCli(['migrate', '--dry', '--codemod', 'client-factory'], root).status).toBe(0);
    const run = runCli(['migrate', '--codemod', 'client-factory,env-nme'], root);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown codemod: env-nme (known: client-factory');
    expect(read(root, 'src/llm.ts')).toBe(APP);
  });

  it.each([
    [['migrate', 'missing'], 'no such file or directory: missing'],
    [['migrate', '--dry-run'], "Unknown option '--dry-run'"],
    [['migrate', '--json'], "Option '--json <value>' argument missing"],
  ])('exits 2 on a usage error: %j', (args, message) => {
    const root = repo({ 'src/llm.ts': APP });
    const run = runCli(args, root);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(read(root, 'src/llm.ts')).toBe(APP);
  });
});
