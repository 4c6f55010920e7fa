import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * Replaces a file's content all at once: a temp file in the same folder (same filesystem, so the
 * rename is atomic) takes the existing file's mode and is renamed over it. A reader, or a crash,
 * sees the old text or the new one, never half of it.
 */
export function writeFileAtomic(path: string, text: string): void {
  // Through a symbolic link, replace the file it points to rather than the link.
  const target = existsSync(path) ? realpathSync(path) : resolve(path);
  const mode = statSync(target, { throwIfNoEntry: false })?.mode;
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, text, { flag: 'wx' });
    if (mode !== undefined) chmodSync(temp, mode & 0o7777);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
