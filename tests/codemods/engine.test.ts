import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/codemod/engine.js';
import { tempProject } from '../temp-project.js';

const temporary: string[] = [];
afterEach(() => temporary.splice(0).forEach((directory) => rmSync(directory, { recursive: true, force: true })));

/** A project on disk from `{ relativePath: text }`; returns its root and absolute paths. */
function project(files: Record<string, string>): { cwd: string; paths: Record<string, string> } {
  const cwd = tempProject(files, 'scale-auth-engine');
  temporary.push(cwd);
  return { cwd, paths: Object.fromEntries(Object.keys(files).map((path) => [path, join(cwd, path)])) };
}

const CLIENT = 'import OpenAI from "openai";\nexport const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n';
const ROUTE = 'import { openai } from "./openai";\nexport async function ask(input: string) {\n  return openai.responses.create({ model: "gpt-4o-mini", input });\n}\n';

describe('migrate', () => {
  it('reports a file that does not parse with the parser message, and still migrates the rest', () => {
    const { cwd, paths } = project({ 'src/openai.ts': CLIENT, 'src/route.ts': ROUTE, 'src/broken.ts': 'export const = ;\n' });
    const result = migrate({ cwd, files: Object.values(paths) });
    const byPath = new Map(result.files.map((file) => [file.path, file]));
    expect(byPath.get(paths['src/broken.ts'] ?? '')).toMatchObject({ status: 'error', error: expect.stringMatching(/\(1:\d+\)$/) });
    expect(byPath.get(paths['src/openai.ts'] ?? '')?.status).toBe('changed');
    expect(byPath.get(paths['src/route.ts'] ?? '')?.after).toContain('const openai = createOpenAI();');
  });

  it('only changes files in scope: an importer outside `files` keeps the export, marked', () => {
    const { cwd, paths } = project({ 'src/openai.ts': CLIENT, 'src/route.ts': ROUTE });
    const result = migrate({ cwd, files: [paths['src/openai.ts'] ?? ''] });
    expect(result.files).toHaveLength(1);
    // The importer is unknown to the run, so nothing forces the export to stay: it becomes the factory.
    expect(result.files[0]?.after).toContain('export function createOpenAI()');
  });

  it('lists follow-ups with file and line, and reports progress for every file', () => {
    const { cwd, paths } = project({ 'src/openai.ts': CLIENT, 'src/health.ts': 'import { openai } from "./openai";\nexport const base = openai.baseURL;\n' });
    const progress: number[] = [];
    const result = migrate({ cwd, files: Object.values(paths), codemods: ['client-factory'], onProgress: (done) => progress.push(done) });
    // One scan of every file serves all codemods.
    expect(progress).toEqual([1, 2]);
    expect(result.followUps).toEqual([{ path: paths['src/health.ts'], line: 3, codemod: 'client-factory', message: expect.stringContaining('`openai` is still read when the module loads') }]);
  });

  it('rejects an unknown codemod by name, listing the known ones', () => {
    expect(() => migrate({ cwd: tmpdir(), files: [], codemods: ['client-factroy'] })).toThrow(/Unknown codemod: client-factroy \(known: client-factory/);
  });

  it('honours eslint-disable comments, as check does', () => {
    const disabled = CLIENT.replace('export const', '// eslint-disable-next-line scale-auth/no-module-scope-client -- composition root\nexport const');
    const { cwd, paths } = project({ 'src/openai.ts': disabled });
    expect(migrate({ cwd, files: Object.values(paths) }).files[0]?.status).toBe('unchanged');
  });

  it('leaves files without reports unchanged', () => {
    const { cwd, paths } = project({ 'src/util.ts': 'export const add = (a: number, b: number) => a + b;\n' });
    expect(migrate({ cwd, files: Object.values(paths) }).files).toEqual([{ path: paths['src/util.ts'], status: 'unchanged' }]);
  });
});
