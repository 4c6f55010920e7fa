#!/usr/bin/env node
// The main job on the bundled example: lint examples/agent-app and run doctor on its manifests,
// migrate a temporary copy (dry run, then for real), re-lint it, type-check it, then doctor it
// before and after giving the worker its Secret. Exits non-zero when any step does not do its job,
// so the demo doubles as an end-to-end check.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const example = join(root, 'examples', 'agent-app');
const workdir = join(root, '.scale-auth-demo');
const copy = join(workdir, 'agent-app');
const cli = join(root, 'bin', 'scale-auth.js');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const quiet = process.argv.includes('--quiet');

const failures = [];

function heading(text) {
  if (!quiet) process.stdout.write(`\n\x1b[1m== ${text}\x1b[0m\n`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' }, ...options });
  if (result.error) throw result.error;
  return result;
}

function show(output) {
  if (!quiet && output.trim() !== '') process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
}

function expect(condition, message) {
  if (!condition) failures.push(message);
}

/** Findings per rule id from `scale-auth check --format json`. */
function findingsByRule(target) {
  const result = run(process.execPath, [cli, 'check', target, '--format', 'json']);
  const counts = {};
  for (const file of JSON.parse(result.stdout)) {
    for (const message of file.messages) counts[message.ruleId ?? 'parse error'] = (counts[message.ruleId ?? 'parse error'] ?? 0) + 1;
  }
  return counts;
}

/** Doctor's findings as `deployable kind name`, from `scale-auth doctor --format json`. */
function doctorFindings(target) {
  const result = run(process.execPath, [cli, 'doctor', target, '--format', 'json']);
  return JSON.parse(result.stdout).deployables.flatMap((item) => item.findings.map((finding) => `${item.id} ${finding.kind} ${finding.name}`));
}

/** `scale-auth doctor` on `target`, shown as a table; returns its exit code. */
function doctor(target) {
  const result = run(process.execPath, [cli, 'doctor', relative(root, target)]);
  show(result.stdout + result.stderr);
  return result.status;
}

function git(args) {
  const result = run('git', args, { cwd: copy });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
}

heading(`scale-auth check ${relative(root, example)}`);
const check = run(process.execPath, [cli, 'check', relative(root, example)]);
show(check.stdout + check.stderr);
expect(check.status === 1, `check on the example should exit 1 (findings), got ${check.status}`);
const before = findingsByRule(example);

// The deployment side of the same bug: only the web Deployment is given the CrewAI key.
heading(`scale-auth doctor ${relative(root, example)} (does each deployable get the credentials its code reads?)`);
expect(doctor(example) === 1, 'doctor on the example should exit 1 (a missing credential)');
expect(doctorFindings(example).includes('Deployment/worker missing CREWAI_API_KEY'), "doctor should find the worker's missing CREWAI_API_KEY");

heading('a temporary copy in a clean git repository');
rmSync(workdir, { recursive: true, force: true });
mkdirSync(workdir, { recursive: true });
cpSync(example, copy, { recursive: true });
git(['init', '-q']);
git(['add', '-A']);
git(['-c', 'user.name=scale-auth demo', '-c', 'user.email=demo@example.invalid', 'commit', '-qm', 'agent-app before migration']);
show(relative(root, copy));

heading('scale-auth migrate --dry (diff only, nothing written)');
const dry = run(process.execPath, [cli, 'migrate', copy, '--dry']);
show(dry.stdout + dry.stderr);
expect(/^@@ /m.test(dry.stdout), 'the dry run should print a unified diff');
const afterDry = run('git', ['status', '--porcelain'], { cwd: copy });
expect(afterDry.stdout.trim() === '', 'the dry run must not write any file');

heading('scale-auth migrate (writes atomically)');
const migrate = run(process.execPath, [cli, 'migrate', copy]);
show(migrate.stdout + migrate.stderr);
expect(migrate.status === 0 || migrate.status === 1, `migrate should finish (exit 0 or 1), got ${migrate.status}`);
const changed = run('git', ['status', '--porcelain'], { cwd: copy }).stdout.trim().split('\n').filter(Boolean);
expect(changed.length > 0, 'migrate should change files');

heading('scale-auth check on the migrated copy');
const after = findingsByRule(copy);
const rules = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
if (!quiet) {
  process.stdout.write(`${'rule'.padEnd(48)} before  after\n`);
  for (const rule of rules) process.stdout.write(`${rule.padEnd(48)} ${String(before[rule] ?? 0).padStart(6)} ${String(after[rule] ?? 0).padStart(6)}\n`);
}
// Every rule has a paired codemod, and the example holds every bug class: all findings must go.
for (const rule of ['scale-auth/no-module-scope-client', 'scale-auth/no-late-dotenv', 'scale-auth/no-forwarded-authorization', 'scale-auth/no-misspelled-credential-env', 'scale-auth/no-unchecked-credential-env', 'scale-auth/no-session-token-in-job']) {
  expect((before[rule] ?? 0) > 0, `the example should have ${rule} findings`);
}
for (const rule of rules) expect((after[rule] ?? 0) === 0, `${rule} findings should be gone after the migration`);

heading('tsc --noEmit on the migrated copy');
const typecheck = run(process.execPath, [tsc, '-p', join(copy, 'tsconfig.json')]);
show(typecheck.stdout + typecheck.stderr);
expect(typecheck.status === 0, 'the migrated copy should type-check');
if (!quiet && typecheck.status === 0) process.stdout.write('no type errors\n');

heading('scale-auth doctor on the migrated copy (the code is fixed; the worker still lacks the secret)');
expect(doctor(copy) === 1, 'doctor on the migrated copy should still exit 1: no codemod edits a manifest');
const migratedFindings = doctorFindings(copy);
expect(migratedFindings.includes('Deployment/worker missing CREWAI_API_KEY'), 'the worker should still miss CREWAI_API_KEY after the migration');
expect(!migratedFindings.some((finding) => finding.includes('CREW_AI_KEY')), 'the misspelled CREW_AI_KEY read should be gone after the migration');

heading('give the worker the Secret (envFrom: agent-app-keys in k8s/worker.yaml), then doctor again');
const envFrom = '          envFrom:\n            - secretRef:\n                name: agent-app-keys\n';
appendFileSync(join(copy, 'k8s', 'worker.yaml'), envFrom);
show(envFrom);
expect(doctor(copy) === 0, 'doctor should pass once the worker gets the Secret');

if (failures.length > 0) {
  process.stderr.write(`\ndemo failed:\n${failures.map((failure) => `- ${failure}`).join('\n')}\n`);
  process.exit(1);
}
if (!quiet) process.stdout.write(`\ndemo passed: the migrated copy is in ${relative(root, copy)}\n`);
