import { relative } from 'node:path';

export interface Progress {
  update(done: number, total: number, path: string): void;
  /** Erases the line, so what follows starts on a clean one. */
  done(): void;
}

const BAR_WIDTH = 20;

/** A single self-overwriting status line on a terminal; nothing at all when the stream is a pipe or a file. */
export function progressLine(stream: NodeJS.WriteStream, cwd: string): Progress | undefined {
  if (!stream.isTTY) return undefined;
  return {
    update(done, total, path) {
      const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
      const line = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done}/${total} ${relative(cwd, path)}`;
      // A terminal without a size (columns 0) gets the usual 80.
      stream.write(`\r\x1b[2K${line.slice(0, (stream.columns || 80) - 1)}`);
    },
    done() {
      stream.write('\r\x1b[2K');
    },
  };
}
