import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const ROOT = join(import.meta.dirname, '..', '..');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

describe('scale-auth help and version', () => {
  it('prints the version from package.json', () => {
    const run = runCli(['--version'], ROOT);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(version);
  });

  it('prints the commands on --help', () => {
    const run = runCli(['--help'], ROOT);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('check [paths...]');
    expect(run.stdout).toContain('migrate [paths...]');
    expect(run.stdout).toContain('doctor [folder]');
  });

  it.each([
    ['check', '--format <name>'],
    ['migrate', '--codemod <name>'],
    ['doctor', '--entry <name>=<file>'],
  ])('prints `%s --help`', (command, flag) => {
    const run = runCli([command, '--help'], ROOT);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Usage: scale-auth ${command}`);
    expect(run.stdout).toContain(flag);
  });

  it('exits 2 with the usage on stderr when no command is given', () => {
    const run = runCli([], ROOT);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Usage: scale-auth <command>');
  });

  it('exits 2 on an unknown command', () => {
    const run = runCli(['lint'], ROOT);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown command 'lint'");
  });
});
