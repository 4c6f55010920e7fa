import rule from '../../rules/no-module-scope-client.js';
import { tsRuleTester } from '../rule-tester.js';

tsRuleTester.run('quick', rule, {
  valid: [
    `import OpenAI from 'openai'; export async function run() { const c = new OpenAI(); return c; }`,
  ],
  invalid: [
    { code: `import { CrewClient } from '@crewai/typescript';\nconst client = new CrewClient({ apiKey: process.env.CREWAI_API_KEY });\nexport async function runTask() { return client.agents.create({}); }`, errors: [{ messageId: 'moduleScopeClient' }] },
  ],
});
