import { createTwoFilesPatch } from 'diff';

/** A git-style unified diff of one file, paths relative to the project root. */
export function unifiedDiff(relativePath: string, before: string, after: string): string {
  const path = relativePath.split('\\').join('/');
  return createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, { context: 3 });
}
