import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { doctorView } from '../doctor/report-json.js';
import { doctorSarif } from '../doctor/report-sarif.js';
import { doctorText } from '../doctor/report-text.js';
import { runDoctor } from '../doctor/run.js';
import { readSettings } from '../settings.js';
import type { DoctorArgs } from './args.js';
import { projectSettings } from './project-settings.js';
import { UsageError } from './usage-error.js';

/** `scale-auth doctor`: per deployable, the credentials its code reads against what its manifest injects. */
export async function doctorCommand(args: DoctorArgs, cwd: string): Promise<number> {
  const root = resolve(cwd, args.root ?? '.');
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`not a folder: ${args.root ?? '.'}`, 'doctor');
  const loaded = await projectSettings(root);
  if (loaded.warning) process.stderr.write(`scale-auth: ${loaded.warning}\n`);
  const settings = readSettings(loaded.settings);
  const overrides = new Map<string, { files: string[]; via: string }>();
  // Settings first, flags last: a flag wins for the same deployable.
  for (const [name, files] of Object.entries(settings.entrypoints)) overrides.set(name, { files: files.map((file) => entryFile(root, file, `settings entrypoints.${name}`)), via: 'settings entrypoints' });
  for (const { name, file } of args.entries) overrides.set(name, { files: [entryFile(root, file, `--entry ${name}=${file}`)], via: `--entry ${name}=${file}` });

  const report = runDoctor({ root, manifests: args.manifests, overrides, settings });
  const known = new Set(report.deployables.flatMap(({ deployable }) => [deployable.id, deployable.name]));
  const unknown = args.entries.filter(({ name }) => !known.has(name));
  if (unknown.length > 0) {
    const names = [...new Set(report.deployables.map(({ deployable }) => deployable.name))];
    throw new UsageError(`--entry names no deployable: ${unknown.map(({ name }) => name).join(', ')} (found: ${names.join(', ') || 'none'})`, 'doctor');
  }
  const view = doctorView(report, cwd);
  if (args.format === 'json') process.stdout.write(`${JSON.stringify(view, null, 2)}\n`);
  else if (args.format === 'sarif') process.stdout.write(`${JSON.stringify(doctorSarif(view, cwd), null, 2)}\n`);
  else process.stdout.write(doctorText(view));
  const { summary } = view;
  return summary.missing + summary.nearMiss + summary.errors > 0 ? 1 : 0;
}

/** An entry file named by a flag or the settings, relative to the project folder; it must exist. */
function entryFile(root: string, file: string, given: string): string {
  const path = resolve(root, file);
  if (!statSync(path, { throwIfNoEntry: false })?.isFile()) throw new UsageError(`${given}: no such file in ${root}`, 'doctor');
  return path;
}
