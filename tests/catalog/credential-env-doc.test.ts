import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { withCredentialEnvTable } from '../../src/catalog/credential-env-doc.js';
import { CREDENTIAL_ENV } from '../../src/catalog/index.js';

it("the rule's doc lists the catalog as generated (run `npm run build && node scripts/catalog-doc.js`)", () => {
  const doc = readFileSync(join(import.meta.dirname, '../../docs/rules/no-misspelled-credential-env.md'), 'utf8');
  expect(withCredentialEnvTable(doc)).toBe(doc);
  for (const entry of CREDENTIAL_ENV) expect(doc).toContain(`| \`${entry.name}\` |`);
});
