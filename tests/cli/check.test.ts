import { afterEach, describe, expect, it } from 'vitest';
import { APP, CLEAN_APP, removeProject, runCli, tempProject } from './run-cli.js';

// A made-up key written in the source: no output format may repeat it.
const LITERAL_KEY = 'sk-fake-scale-auth-cli-0000';

interface JsonResult {
  filePath: string;
  errorCount: number;
  messages: { ruleId: string | null; fatal?: boolean; line: number; column: number }[];
}

const projects: string[] = [];
function project(files: Record<string, string>): string {
  const root = tempProject(files);
  projects.push(root);
  return root;
}
afterEach(() => projects.splice(0).forEach(removeProject));

describe('scale-auth check', () => {
  it('exits 0 with no output on a clean project', () => {
    const run = runCli(['check'], project({ 'src/llm.ts': CLEAN_APP }));
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('');
    expect(run.status).toBe(0);
  });

  it('exits 1 and prints stylish findings on a module-scope client', () => {
    const run = runCli(['check'], project({ 'src/llm.ts': APP }));
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/src\/llm\.ts\n\s+3:16\s+error\s+`openai`.*scale-auth\/no-module-scope-client/);
    expect(run.stdout).toContain('1 problem');
  });

  it("needs no ESLint config of the user's, and never loads theirs", () => {
    const root = project({
      'src/llm.ts': APP,
      'eslint.config.js': 'throw new Error("the user config must not be loaded");\n',
      'package.json': '{ "type": "module" }\n',
    });
    const run = runCli(['check', 'src'], root);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
  });

  it('parses TS, TSX, JSX and CommonJS with the embedded parsers', () => {
    const jsx = APP.replace('(q: string)', '(q)').replace('export async function answer(q) {', 'export const View = () => <p>hi</p>;\nexport async function answer(q) {');
    const run = runCli(['check', '--format', 'json'], project({
      'a.ts': APP,
      'b.tsx': `${APP}export const View = () => <p>hi</p>;\n`,
      'c.jsx': jsx,
      'd.cjs': 'const OpenAI = require("openai");\nconst client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\nmodule.exports = async () => client.models.list();\n',
    }));
    const results = JSON.parse(run.stdout) as JsonResult[];
    expect(results.map((result) => result.filePath.split('/').pop())).toEqual(['a.ts', 'b.tsx', 'c.jsx', 'd.cjs']);
    for (const result of results) expect(result.messages.map((message) => message.ruleId)).toEqual(['scale-auth/no-module-scope-client']);
    expect(run.status).toBe(1);
  });

  it('skips node_modules, dist, build, coverage and declaration files', () => {
    const run = runCli(['check'], project({
      'node_modules/lib/index.js': APP.replace('(q: string)', '(q)'),
      'dist/llm.js': APP.replace('(q: string)', '(q)'),
      'build/llm.ts': APP,
      'coverage/llm.ts': APP,
      'src/types.d.ts': 'export declare const x: string;\n',
      'src/llm.ts': CLEAN_APP,
    }));
    expect(run.stdout.trim()).toBe('');
    expect(run.status).toBe(0);
  });

  it('writes ESLint JSON results without file sources', () => {
    const root = project({ 'src/llm.ts': APP, 'src/literal.ts': `import OpenAI from "openai";\nexport const client = new OpenAI({ apiKey: "${LITERAL_KEY}" });\n` });
    const run = runCli(['check', '--format', 'json'], root);
    expect(run.status).toBe(1);
    const results = JSON.parse(run.stdout) as (JsonResult & { source?: string })[];
    expect(results).toHaveLength(2);
    const llm = results.find((result) => result.filePath.endsWith('llm.ts'));
    expect(llm).toMatchObject({ errorCount: 1, messages: [{ ruleId: 'scale-auth/no-module-scope-client', line: 3, column: 16 }] });
    expect(results.every((result) => result.source === undefined)).toBe(true);
    expect(run.stdout).not.toContain(LITERAL_KEY);
  });

  it('writes SARIF 2.1.0 with rules, levels and paths relative to the working folder', () => {
    const root = project({ 'src/llm.ts': APP, 'src/literal.ts': `import OpenAI from "openai";\nexport const client = new OpenAI({ apiKey: "${LITERAL_KEY}" });\n` });
    const run = runCli(['check', '--format', 'sarif'], root);
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain(LITERAL_KEY);
    const sarif = JSON.parse(run.stdout);
    expect(sarif.version).toBe('2.1.0');
    const [sarifRun] = sarif.runs;
    expect(sarifRun.tool.driver).toMatchObject({ name: 'scale-auth', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    const rule = sarifRun.tool.driver.rules.find((entry: { id: string }) => entry.id === 'scale-auth/no-module-scope-client');
    expect(rule.helpUri).toMatch(/docs\/rules\/no-module-scope-client\.md$/);
    const result = sarifRun.results.find((entry: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => entry.locations[0]?.physicalLocation.artifactLocation.uri === 'src/llm.ts');
    expect(result).toMatchObject({
      ruleId: 'scale-auth/no-module-scope-client',
      level: 'error',
      message: { text: expect.stringContaining('`openai`') },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'src/llm.ts' }, region: { startLine: 3, startColumn: 16 } } }],
    });
  });

  it('exits 1 on a file that does not parse, naming it', () => {
    const run = runCli(['check', '--format', 'json'], project({ 'src/broken.ts': 'export const = ;\n', 'src/llm.ts': CLEAN_APP }));
    expect(run.status).toBe(1);
    const broken = (JSON.parse(run.stdout) as JsonResult[]).find((result) => result.filePath.endsWith('broken.ts'));
    expect(broken?.messages[0]).toMatchObject({ ruleId: null, fatal: true, line: 1 });
  });

  it.each([
    [['check', 'missing'], 'no such file or directory: missing'],
    [['check', '--format', 'xml'], "unknown format 'xml'"],
    [['check', '--fix'], "Unknown option '--fix'"],
    [['check', '--max-warnings', 'many'], '--max-warnings needs a whole number'],
    [['check', 'README.md'], 'not a JavaScript or TypeScript source file'],
  ])('exits 2 on a usage error: %j', (args, message) => {
    const run = runCli(args, project({ 'src/llm.ts': APP, 'README.md': '# app\n' }));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain("scale-auth check --help");
  });
});
