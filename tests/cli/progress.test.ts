import { describe, expect, it } from 'vitest';
import { progressLine } from '../../src/cli/progress.js';

/** Just enough of a WriteStream for the progress line: whether it is a terminal, its width, what was written. */
function stream(isTTY: boolean, columns = 80) {
  const written: string[] = [];
  return { written, stream: { isTTY, columns, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream };
}

describe('progress line', () => {
  it('is absent when stderr is not a terminal', () => {
    expect(progressLine(stream(false).stream, '/repo')).toBeUndefined();
  });

  it('overwrites one line on a terminal, fits its width, and erases itself at the end', () => {
    const { written, stream: tty } = stream(true, 40);
    const progress = progressLine(tty, '/repo');
    progress?.update(1, 4, '/repo/src/a-rather-long-file-name-for-the-terminal.ts');
    progress?.update(4, 4, '/repo/src/b.ts');
    progress?.done();
    expect(written[0]).toMatch(/^\r\x1b\[2K\[#{5}-{15}\] 1\/4 src\/a-rather/);
    expect(written[0]?.replace('\r\x1b[2K', '').length).toBe(39);
    expect(written[1]).toBe('\r\x1b[2K[####################] 4/4 src/b.ts');
    expect(written[2]).toBe('\r\x1b[2K');
    expect(written.join('')).not.toContain('\n');
  });

  it('assumes 80 columns on a terminal that reports none', () => {
    const { written, stream: tty } = stream(true, 0);
    progressLine(tty, '/repo')?.update(1, 1, `/repo/${'x'.repeat(200)}.ts`);
    expect(written[0]?.replace('\r\x1b[2K', '').length).toBe(79);
  });
});
