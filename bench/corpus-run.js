// npm run corpus: every rule and codemod over the whole real-code corpus. Exits 1 on a crash, an
// output that does not parse, or a codemod that is not idempotent; prints reports per rule per
// 10,000 lines, the figure to watch when hunting false reports.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { copyCorpus, corpusFiles, root } from './corpus.js';

const { default: plugin } = await import('../dist/src/index.js');
const { migrate } = await import('../dist/src/codemod/engine.js');
const { parseError } = await import('../dist/src/codemod/collect-reports.js');

const directory = join(root, '.corpus', 'real');
rmSync(directory, { recursive: true, force: true });
const files = copyCorpus(corpusFiles(), directory);
const shown = (path) => relative(directory, path);
const failures = [];

const config = [
  { linterOptions: { reportUnusedDisableDirectives: 'off' } },
  { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } },
  { files: ['**/*.{js,jsx,mjs,cjs}'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
  { ...plugin.configs.all, files: ['**/*.*'] },
];

let lines = 0;
let unparseable = 0;
const reports = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`scale-auth/${name}`, 0]));
const started = performance.now();
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  lines += text.split('\n').length;
  try {
    for (const message of new Linter({ configType: 'flat', cwd: directory }).verify(text, config, { filename: file })) {
      if (message.fatal) unparseable += 1;
      else if (message.ruleId in reports) reports[message.ruleId] += 1;
      // Anything else comes from the corpus's own eslint-disable comments naming rules not loaded here.
    }
  } catch (error) {
    failures.push(`${shown(file)}: a rule crashed: ${error.message}`);
  }
}
const lintSeconds = (performance.now() - started) / 1000;

const migrateStarted = performance.now();
const first = migrate({ cwd: directory, files });
const migrateSeconds = (performance.now() - migrateStarted) / 1000;
const changed = first.files.filter((file) => file.status === 'changed');
for (const file of first.files.filter((entry) => entry.status === 'error' && !/^Parsing error|Unexpected token|\(\d+:\d+\)$/.test(entry.error ?? ''))) failures.push(`${shown(file.path)}: ${file.error}`);
for (const file of changed) {
  const broken = parseError(file.path, file.after, directory);
  if (broken) failures.push(`${shown(file.path)}: output does not parse: ${broken}`);
}

// Idempotence: apply the first run's output to a copy and migrate again; nothing may change.
const again = join(root, '.corpus', 'idempotence');
rmSync(again, { recursive: true, force: true });
const secondFiles = files.map((file) => join(again, relative(directory, file)));
for (const [index, file] of files.entries()) {
  const result = first.files[index];
  mkdirSync(join(secondFiles[index], '..'), { recursive: true });
  writeFileSync(secondFiles[index], result?.status === 'changed' ? result.after : readFileSync(file, 'utf8'));
}
const second = migrate({ cwd: again, files: secondFiles });
for (const file of second.files.filter((entry) => entry.status === 'changed')) failures.push(`${relative(again, file.path)}: a second migrate run changed it again`);

const per10k = (count) => ((count * 10_000) / lines).toFixed(2);
console.log(`corpus: ${files.length} files, ${lines} lines (npm devDependencies, copied to ${relative(root, directory)})`);
console.log(`lint (all rules): ${lintSeconds.toFixed(1)} s; files that do not parse as their extension says: ${unparseable}`);
console.log('reports per rule:');
for (const [rule, count] of Object.entries(reports)) console.log(`  ${rule.padEnd(44)} ${String(count).padStart(5)}  (${per10k(count)} per 10,000 lines)`);
console.log(`migrate (all codemods, dry): ${migrateSeconds.toFixed(1)} s; ${changed.length} files would change, ${first.followUps.length} follow-ups; second run: ${second.files.filter((file) => file.status === 'changed').length} changes`);
if (failures.length > 0) {
  console.error(`\n${failures.length} failures:\n${failures.slice(0, 50).join('\n')}`);
  process.exit(1);
}
console.log('no crashes, every output parses, every codemod idempotent');
