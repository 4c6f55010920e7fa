#!/usr/bin/env node
// Writes the credential env catalog into the rule's doc, between its markers (run after a build).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withCredentialEnvTable } from '../dist/src/catalog/credential-env-doc.js';

const doc = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'rules', 'no-misspelled-credential-env.md');
writeFileSync(doc, withCredentialEnvTable(readFileSync(doc, 'utf8')));
