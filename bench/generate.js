// Writes a realistic agent app of N files (routes, graph nodes, workers, clients, utilities) with
// the bug classes mixed in at a fixed rate, for growth measurements. Deterministic: the same N
// gives the same files. Generated files live under .corpus/ and are never committed.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A small seeded PRNG (mulberry32), so every run generates the same app. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SDKS = [
  { module: 'openai', name: 'OpenAI', env: 'OPENAI_API_KEY', call: 'responses.create({ model: "gpt-4o-mini", input })' },
  { module: '@anthropic-ai/sdk', name: 'Anthropic', env: 'ANTHROPIC_API_KEY', call: 'messages.create({ model: "claude-sonnet-4-5", max_tokens: 256, messages: [{ role: "user", content: input }] })' },
  { module: '@langchain/openai', name: 'ChatOpenAI', env: 'OPENAI_API_KEY', call: 'invoke(input)', named: true },
];

const templates = {
  /** Bug: a client built at module load, used by a handler. */
  moduleScopeClient: (sdk, index) => `${importOf(sdk)}

const client${index} = new ${sdk.name}({ apiKey: process.env.${sdk.env} });

export async function handle${index}(input: string) {
  const started = Date.now();
  const result = await client${index}.${sdk.call};
  return { result, elapsed: Date.now() - started };
}
`,
  /** Fixed: the client is created where the work is done. */
  clientPerCall: (sdk, index) => `${importOf(sdk)}

export async function handle${index}(input: string) {
  const client = new ${sdk.name}({ apiKey: process.env.${sdk.env} });
  return client.${sdk.call};
}
`,
  /** Bug: dotenv loaded after an import that reads the environment. */
  lateDotenv: (_sdk, index) => `import { handle${Math.max(0, index - 1)} } from "./module-${Math.max(0, index - 1)}";
import dotenv from "dotenv";

dotenv.config();

export const ready${index} = typeof handle${Math.max(0, index - 1)} === "function";
`,
  /** Plain code: utilities with no env or clients at all. */
  utility: (_sdk, index) => `export interface Ticket${index} {
  id: string;
  priority: "low" | "high";
  tags: string[];
}

export function score${index}(ticket: Ticket${index}): number {
  let score = ticket.priority === "high" ? 10 : 1;
  for (const tag of ticket.tags) score += tag.length % 3;
  return score;
}

export const sorted${index} = (tickets: Ticket${index}[]) => [...tickets].sort((a, b) => score${index}(b) - score${index}(a));
`,
  /** Look-alike: a database query with an apiKey field. */
  databaseLookup: (_sdk, index) => `import { db } from "./db";

export async function findUser${index}(apiKey: string) {
  return db.user.findFirst({ where: { apiKey } });
}
`,
};

function importOf(sdk) {
  return sdk.named ? `import { ${sdk.name} } from "${sdk.module}";` : `import ${sdk.name} from "${sdk.module}";`;
}

/** One template per file: a quarter with a bug, the rest fixed code, utilities and look-alikes. */
const MIX = [
  ['moduleScopeClient', 0.15],
  ['lateDotenv', 0.05],
  ['clientPerCall', 0.2],
  ['databaseLookup', 0.1],
  ['utility', 0.5],
];

export function generateApp(count, directory) {
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(join(directory, 'src'), { recursive: true });
  const next = random(count);
  writeFileSync(join(directory, 'src', 'db.ts'), 'export const db = { user: { findFirst: async (query: unknown) => query } };\n');
  const files = [join(directory, 'src', 'db.ts')];
  for (let index = 0; index < count - 1; index += 1) {
    let roll = next();
    const [kind] = MIX.find(([, share]) => (roll -= share) < 0) ?? MIX[MIX.length - 1];
    const sdk = SDKS[Math.floor(next() * SDKS.length)];
    const path = join(directory, 'src', `module-${index}.ts`);
    writeFileSync(path, templates[kind](sdk, index));
    files.push(path);
  }
  return files;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? 1000);
  const directory = process.argv[3] ?? join('.corpus', `generated-${count}`);
  console.log(`${generateApp(count, directory).length} files in ${directory}`);
}
