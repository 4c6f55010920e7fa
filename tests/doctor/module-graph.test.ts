import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ModuleGraph } from '../../src/doctor/module-graph.js';
import { sourceFacts } from '../../src/doctor/source-facts.js';
import { readSettings } from '../../src/settings.js';
import { removeProject, tempProject } from '../cli/run-cli.js';

let root = '';
afterEach(() => removeProject(root));

const settings = readSettings(undefined);

describe('sourceFacts', () => {
  it('finds env reads in every form and SDK clients built without a key, with their places', () => {
    const facts = sourceFacts(
      '/repo/a.ts',
      [
        'import OpenAI from "openai";',
        'import { ChatOpenAI } from "@langchain/openai";',
        'import { CrewClient } from "@crewai/typescript";',
        'const { TAVILY_API_KEY } = process.env;',
        'const openai = new OpenAI();',
        'const explicit = new OpenAI({ apiKey: process.env.MY_OPENAI_KEY });',
        'export const model = () => new ChatOpenAI({ model: "gpt-4o-mini" });',
        'export const crew = new CrewClient({ apiKey: requireEnv("CREWAI_API_KEY") });',
      ].join('\n'),
      settings,
    );
    expect(facts.reads.map(({ name, at }) => `${name}:${at.line}:${at.column}`)).toEqual(['TAVILY_API_KEY:4:9', 'MY_OPENAI_KEY:6:51', 'CREWAI_API_KEY:8:57']);
    expect(facts.sdkDefaults.map(({ names, provider, at }) => `${provider} ${names.join('|')}:${at.line}`)).toEqual(['OpenAI OPENAI_API_KEY:5', 'OpenAI OPENAI_API_KEY:7']);
    expect(facts.specifiers).toEqual(['openai', '@langchain/openai', '@crewai/typescript']);
  });

  it('reports a file that does not parse, keeping its imports to follow', () => {
    const facts = sourceFacts('/repo/b.ts', 'import "./c";\nconst = ;\n', settings);
    expect(facts).toMatchObject({ reads: [], specifiers: ['./c'], parseError: expect.stringMatching(/\(2:\d+\)$/) });
  });
});

describe('ModuleGraph', () => {
  it('follows relative imports (.js for .ts, require, import()), tsconfig paths aliases, and not packages, JSON or declarations', () => {
    root = tempProject({
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['src/*'] }, resolveJsonModule: true } }),
      'src/main.ts': 'import { run } from "./jobs/run.js";\nimport config from "./config.json";\nimport type { T } from "./types";\nimport "@langchain/openai/chat_models";\nrun(config as T);\n',
      'src/jobs/run.ts': 'import { client } from "@/lib/client";\nexport async function run() { const { tools } = await import("../tools"); return tools(client); }\n',
      'src/lib/client.ts': 'const legacy = require("./legacy.cjs");\nexport const client = process.env.CREWAI_API_KEY;\n',
      'src/lib/legacy.cjs': 'module.exports = process.env["LEGACY_TOKEN"];\n',
      'src/tools/index.ts': 'export const tools = (c: unknown) => [c, process.env.TAVILY_API_KEY];\n',
      'src/types.d.ts': 'export type T = unknown;\n',
      'src/config.json': '{}',
      'src/unused.ts': 'export const x = process.env.UNUSED_KEY;\n',
    });
    const graph = new ModuleGraph(settings);
    const needs = graph.needs([join(root, 'src/main.ts')]);
    expect(needs.files.map((file) => file.slice(root.length + 1))).toEqual(['src/main.ts', 'src/jobs/run.ts', 'src/lib/client.ts', 'src/tools/index.ts', 'src/lib/legacy.cjs']);
    expect(needs.reads.map((read) => read.name)).toEqual(['CREWAI_API_KEY', 'TAVILY_API_KEY', 'LEGACY_TOKEN']);
    expect([...needs.packages]).toEqual(['@langchain/openai']);
    expect(needs.unparsed).toEqual([]);
  });
});
