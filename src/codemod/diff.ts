import { createTwoFilesPatch } from 'diff';
import { redactSecrets } from './redact.js';

/**
 * A git-style unified diff of one file, paths relative to the project root, for reading: credential
 * values hard-coded in the code are redacted, so a diff pasted into a CI log leaks no key.
 */
export function unifiedDiff(relativePath: string, before: string, after: string): string {
  const path = relativePath.split('\\').join('/');
  return redactSecrets(createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, { context: 3 }));
}
