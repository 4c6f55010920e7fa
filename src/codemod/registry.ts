import { clientFactory } from '../../codemods/client-factory.js';
import { dotenvFirst } from '../../codemods/dotenv-first.js';
import { envName } from '../../codemods/env-name.js';
import { jobCredential } from '../../codemods/job-credential.js';
import { requireEnv } from '../../codemods/require-env.js';
import { serviceCredential } from '../../codemods/service-credential.js';
import type { Codemod } from './types.js';

/** Every codemod, by name, in the order `migrate` runs them. */
export const codemods = {
  'client-factory': clientFactory,
  'dotenv-first': dotenvFirst,
  'env-name': envName,
  'job-credential': jobCredential,
  // After client-factory: the clients it moves into factories already read their credential with requireEnv.
  'require-env': requireEnv,
  'service-credential': serviceCredential,
} satisfies Record<string, Codemod>;

export type CodemodName = keyof typeof codemods;

export function isCodemodName(name: string): name is CodemodName {
  return Object.hasOwn(codemods, name);
}
