import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const REPO_ROOT = join(import.meta.dirname, '..', '..');

/** Writes `files` (relative path → content) into a fresh folder under the OS temp dir. */
export function makeTempProject(prefix: string, files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), `${prefix}-`));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

export function removeTempProject(root: string): void {
  rmSync(root, { recursive: true, force: true });
}
