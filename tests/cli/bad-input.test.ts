import { spawn } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, symlinkSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/codemod/engine.js';
import { APP, commitAll, removeProject, runCli, tempProject } from './run-cli.js';

const CLI = join(import.meta.dirname, '..', '..', 'bin', 'scale-auth.js');
const projects: string[] = [];
afterEach(() => projects.splice(0).forEach(removeProject));

function project(files: Record<string, string>): string {
  const root = tempProject(files);
  projects.push(root);
  return root;
}

const MINIFIED = 'import OpenAI from"openai";const o=new OpenAI({apiKey:process.env.OPENAI_API_KEY});export async function a(q:string){return o.responses.create({model:"m",input:q})}';
/** A megabyte of generated data with a client reading a token: the kind of file that is huge but cheap to parse. */
const HUGE = `export const API_TOKEN_TABLE = [\n${Array.from({ length: 100_000 }, (_, index) => `  ${index * 7919},`).join('\n')}\n];\n`;

describe('bad input', () => {
  it('migrates what it can and reports the rest with a clear message, writing nothing else', () => {
    const root = project({
      'src/empty.ts': '',
      'src/bom.ts': `\uFEFF${APP}`,
      'src/crlf.ts': APP.replace(/\n/g, '\r\n'),
      'src/minified.ts': MINIFIED,
      'src/huge.ts': HUGE,
      'src/broken.ts': 'export const = ;\n',
    });
    writeFileSync(join(root, 'src/latin1.ts'), Buffer.concat([Buffer.from('// caf'), Buffer.from([0xe9]), Buffer.from(`\n${APP}`)]));
    symlinkSync('..', join(root, 'src/loop'));
    commitAll(root);
    const latin1 = readFileSync(join(root, 'src/latin1.ts'));

    const run = runCli(['migrate'], root);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/src\/broken\.ts\s+Parsing error: .+\(1:\d+\)/);
    expect(run.stdout).toMatch(/src\/latin1\.ts\s+not valid UTF-8: left untouched/);
    expect(run.stdout).toContain('7 files scanned: 3 changed, 2 unchanged, 2 errors');

    const bom = readFileSync(join(root, 'src/bom.ts'), 'utf8');
    expect(bom.startsWith('\uFEFF')).toBe(true);
    expect(bom).toContain('const openai = createOpenAI();');
    const crlf = readFileSync(join(root, 'src/crlf.ts'), 'utf8');
    expect(crlf).toContain('createOpenAI');
    expect(crlf.replace(/\r\n/g, '')).not.toContain('\n');
    expect(readFileSync(join(root, 'src/minified.ts'), 'utf8')).toContain('function createOpenAI()');
    expect(readFileSync(join(root, 'src/latin1.ts')).equals(latin1)).toBe(true);
    expect(readFileSync(join(root, 'src/broken.ts'), 'utf8')).toBe('export const = ;\n');
    expect(readFileSync(join(root, 'src/huge.ts'), 'utf8')).toBe(HUGE);
    expect(runCli(['check', 'src/bom.ts', 'src/crlf.ts', 'src/minified.ts'], root).status).toBe(0);
  });

  it('names a file it cannot read and goes on with the others', () => {
    const root = project({ 'src/llm.ts': APP, 'src/locked.ts': APP });
    const locked = join(root, 'src/locked.ts');
    // As root nothing is unreadable by mode bits; a folder where a file was expected fails alike.
    chmodSync(locked, 0o000);
    const paths = [join(root, 'src/llm.ts'), process.getuid?.() === 0 ? join(root, 'src') : locked];
    const result = migrate({ cwd: root, files: paths });
    expect(result.files[0]?.status).toBe('changed');
    expect(result.files[1]).toMatchObject({ status: 'error', error: expect.stringMatching(/^cannot read: (EACCES|EISDIR)/) });
    chmodSync(locked, 0o644);
  });
});

describe('interruption', () => {
  it('a migrate killed with SIGINT mid-way leaves every file whole, old or new, and no temp files', async () => {
    const files = Object.fromEntries(Array.from({ length: 250 }, (_, index) => [`src/llm-${index}.ts`, APP.replace(/openai/g, `openai${index}`)]));
    const root = project(files);
    commitAll(root);
    const expected = migrate({ cwd: root, files: Object.keys(files).map((path) => join(root, path)) });
    const after = new Map(expected.files.map((file) => [file.path, file.after ?? '']));

    const child = spawn(process.execPath, [CLI, 'migrate'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // The first rename into src/ means writing has begun: interrupt right there.
    const watcher = watch(join(root, 'src'), () => {
      watcher.close();
      child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));

    const states = Object.entries(files).map(([path, before]) => {
      const text = readFileSync(join(root, path), 'utf8');
      expect([before, after.get(join(root, path))], path).toContain(text);
      return text === before ? 'old' : 'new';
    });
    expect(readdirSync(join(root, 'src')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(states).toContain('new');
    expect(code).toBe(130);
    expect(states).toContain('old');
    expect(stderr).toContain('interrupted');
  });
});
