import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseMigrateArgs } from '../../src/cli/args.js';
import { commitAll, removeProject, runCli, tempProject } from './run-cli.js';

/** A route that keys the project's own API client with the caller's Authorization header. */
const ROUTE = [
  'import { ApiClient } from "./api-client";',
  '',
  'export async function GET(request: Request) {',
  '  const api = new ApiClient({ token: request.headers.get("authorization") ?? "" });',
  '  return Response.json(await api.me());',
  '}',
  '',
].join('\n');

const projects: string[] = [];
afterEach(() => projects.splice(0).forEach(removeProject));

describe('scale-auth migrate --option', () => {
  it('parses repeated name=value pairs', () => {
    expect(parseMigrateArgs(['--option', 'serviceEnv=A_TOKEN', '--option', 'serviceEnv.ApiClient = B_TOKEN']).options).toEqual({ serviceEnv: 'A_TOKEN', 'serviceEnv.ApiClient': 'B_TOKEN' });
    expect(parseMigrateArgs([]).options).toEqual({});
  });

  it('rejects an option without a name or a value sign', () => {
    expect(() => parseMigrateArgs(['--option', 'serviceEnv'])).toThrow(/--option needs name=value, got 'serviceEnv'/);
    expect(() => parseMigrateArgs(['--option', '=X'])).toThrow(/--option needs name=value/);
  });

  it('hands the options to the codemods: an unknown client gets the env var named on the command line', () => {
    const root = tempProject({ 'src/route.ts': ROUTE });
    projects.push(root);
    commitAll(root);
    const marked = runCli(['migrate', '--dry', '--codemod', 'service-credential'], root);
    expect(marked.stdout).toContain('// scale-auth(service-credential): `token` of ApiClient');
    const run = runCli(['migrate', '--codemod', 'service-credential', '--option', 'serviceEnv.ApiClient=INTERNAL_API_TOKEN'], root);
    expect(run.status).toBe(0);
    expect(readFileSync(join(root, 'src/route.ts'), 'utf8')).toContain('new ApiClient({ token: requireEnv("INTERNAL_API_TOKEN") })');
  });
});
