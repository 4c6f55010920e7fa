// npm run bench: ratios measured side by side in one run (never absolute thresholds), medians of
// several runs with the commands interleaved, written to docs/performance.md.
//   node bench/run.js [--runs 3] [--growth-runs 1] [--sizes 1000,10000,50000] [--sections lint,concurrency,timing,migrate,growth] [--quick]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { copyCorpus, corpusFiles, lineCount, root } from './corpus.js';
import { generateApp } from './generate.js';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, 'growth-runs': { type: 'string', default: '1' }, sizes: { type: 'string', default: '1000,10000,50000' }, sections: { type: 'string', default: 'lint,concurrency,timing,migrate,growth' }, quick: { type: 'boolean', default: false } },
});
const runs = values.quick ? 1 : Number(values.runs);
// 50,000 files take minutes per run: growth is measured fewer times than the side-by-side comparisons.
const growthRuns = values.quick ? 1 : Number(values['growth-runs']);
const sections = new Set(values.sections.split(','));
const sizes = (values.quick ? '1000,10000' : values.sizes).split(',').map(Number);

const eslintBin = join(root, 'node_modules/eslint/bin/eslint.js');
const cliBin = join(root, 'bin/scale-auth.js');
const jscodeshiftBin = join(root, 'node_modules/jscodeshift/bin/jscodeshift.js');
const EXTENSIONS = 'ts,tsx,mts,cts,js,jsx,mjs,cjs';

/** Runs a command under /usr/bin/time: wall seconds and peak memory of the whole process. */
function measure(command, args, cwd, env = {}) {
  const stats = join(mkdtempSync(join(tmpdir(), 'scale-auth-bench-')), 'time');
  const result = spawnSync('/usr/bin/time', ['-o', stats, '-f', '%e %M', command, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 28 });
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stderr.slice(-2000)}`);
  const [seconds, kilobytes] = readFileSync(stats, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
  rmSync(join(stats, '..'), { recursive: true, force: true });
  return { seconds, megabytes: kilobytes / 1024, stdout: result.stdout };
}

const median = (numbers) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)];

/** Each command `times` times, rounds interleaved so a noisy moment hits all of them alike. */
function compare(commands, times = runs) {
  const samples = new Map(commands.map(({ name }) => [name, []]));
  for (let round = 0; round < times; round += 1) {
    for (const { name, command, args, cwd, env } of commands) samples.get(name).push(measure(command, args, cwd, env));
  }
  return commands.map(({ name, shown }) => {
    const taken = samples.get(name);
    return { name, shown, seconds: median(taken.map((sample) => sample.seconds)), megabytes: median(taken.map((sample) => sample.megabytes)) };
  });
}

const lint = (config, target, concurrency = 'off') => ({
  command: process.execPath,
  args: [eslintBin, '--concurrency', concurrency, '-c', join(root, 'bench/configs', `${config}.config.js`), '-f', 'json', '-o', '/dev/null', '.'],
  cwd: target,
  shown: `eslint --concurrency ${concurrency} -c bench/configs/${config}.config.js .`,
});
const migrateDry = (target) => ({ command: process.execPath, args: [cliBin, 'migrate', '.', '--dry'], cwd: target, shown: 'scale-auth migrate . --dry' });
const identity = (target) => ({
  command: process.execPath,
  args: [jscodeshiftBin, '--no-babel', '--parser=tsx', '--dry', '--silent', '--cpus=1', `--extensions=${EXTENSIONS}`, '-t', join(root, 'bench/identity.cjs'), '.'],
  cwd: target,
  shown: 'jscodeshift --no-babel --parser=tsx --dry --cpus=1 -t bench/identity.cjs .',
});

/** Per-rule share of rule time, from ESLint's own TIMING table. */
function ruleShares(target) {
  const { stdout } = measure(process.execPath, lint('scale-auth', target).args.filter((arg) => arg !== '-o' && arg !== '/dev/null').map((arg) => (arg === 'json' ? 'stylish' : arg)), target, { TIMING: 'all' });
  return stdout
    .split('\n')
    .map((line) => /^(scale-auth\/[\w-]+)\s*\|\s*([\d.]+)\s*\|\s*([\d.]+)%/.exec(line))
    .filter(Boolean)
    .map(([, rule, milliseconds, percent]) => ({ rule, milliseconds: Number(milliseconds), percent: Number(percent) }));
}

const percent = (value, base) => `${(((value - base) / base) * 100).toFixed(1)}%`;
const row = (cells) => `| ${cells.join(' | ')} |`;
const report = [];
const say = (line = '') => {
  console.log(line);
  report.push(line);
};

/** The report so far, rewritten after each section so an interrupted run still leaves its figures. */
function writeReport() {
  const document = `# Performance

Produced by \`npm run bench\` (\`bench/run.js\`); numbers are from the machine named below and only
the ratios between rows of one run mean anything. Targets (issue 7): lint overhead over the floor
≤ 5% and below eslint-plugin-security's; \`migrate --dry\` faster than a jscodeshift identity
transform over the same files, under 1 GiB at 10,000 files; growth linear (10× files ≤ 11× time).
The \`one-rule\` row is the floor plus one core rule that finds nothing: ESLint's own cost once any
rule is on, which every plugin pays and no plugin can remove, so a plugin's own cost is its
overhead over that row (bench/configs/one-rule.config.js says where the cost comes from).

${report.join('\n')}
`;
  writeFileSync(join(root, 'docs', 'performance.md'), document);
}

// --- the real-code corpus ---------------------------------------------------------------------
const corpusDirectory = join(root, '.corpus', 'real');
rmSync(corpusDirectory, { recursive: true, force: true });
const corpus = copyCorpus(corpusFiles(), corpusDirectory);
say(`Corpus: ${corpus.length} files, ${lineCount(corpus)} lines (pinned npm devDependencies, see bench/corpus.js), copied to ${relative(root, corpusDirectory)}.`);
say(`Machine: ${cpus().length} CPUs, Node ${process.version}. Medians of ${runs} interleaved runs (growth: ${growthRuns}); wall time and peak RSS from /usr/bin/time.`);
say();

if (sections.has('lint')) {
  const lintResults = compare([
    { name: 'floor', ...lint('floor', corpusDirectory) },
    { name: 'one-rule', ...lint('one-rule', corpusDirectory) },
    { name: 'scale-auth', ...lint('scale-auth', corpusDirectory) },
    { name: 'security', ...lint('security', corpusDirectory) },
    { name: 'turbo', ...lint('turbo', corpusDirectory) },
  ]);
  const [floorSeconds, oneRuleSeconds] = lintResults.map((result) => result.seconds);
  say('### Lint: overhead over the floor (ESLint + @typescript-eslint/parser, no rules)');
  say();
  say('`one-rule` is the floor plus ESLint\'s own `no-debugger`: what any config with a rule pays (see bench/configs/one-rule.config.js).');
  say();
  say(row(['config', 'command', 'median s', 'over floor', 'over one-rule', 'peak MiB']));
  say(row(['---', '---', '---:', '---:', '---:', '---:']));
  for (const result of lintResults) {
    const overFloor = result.name === 'floor' ? '' : percent(result.seconds, floorSeconds);
    const overOneRule = result.name === 'floor' || result.name === 'one-rule' ? '' : percent(result.seconds, oneRuleSeconds);
    say(row([result.name, `\`${result.shown}\``, result.seconds.toFixed(2), overFloor, overOneRule, result.megabytes.toFixed(0)]));
  }
  say();
  writeReport();
}

if (sections.has('concurrency')) {
  const concurrency = compare([
    { name: 'off', ...lint('scale-auth', corpusDirectory, 'off') },
    { name: 'auto', ...lint('scale-auth', corpusDirectory, 'auto') },
  ]);
  say('### Lint with `--concurrency`');
  say();
  say(row(['--concurrency', 'median s', 'vs off']));
  say(row(['---', '---:', '---:']));
  for (const result of concurrency) say(row([result.name, result.seconds.toFixed(2), `${(result.seconds / concurrency[0].seconds).toFixed(2)}×`]));
  say();
  writeReport();
}

if (sections.has('timing')) {
  const shares = ruleShares(corpusDirectory);
  say('### Per-rule time (ESLint `TIMING=all`, recommended config)');
  say();
  say(row(['rule', 'ms', 'share of rule time']));
  say(row(['---', '---:', '---:']));
  for (const share of shares) say(row([share.rule, share.milliseconds.toFixed(1), `${share.percent.toFixed(1)}%`]));
  say();
  writeReport();
}

if (sections.has('migrate')) {
  const migrateResults = compare([
    { name: 'migrate', ...migrateDry(corpusDirectory) },
    { name: 'identity', ...identity(corpusDirectory) },
  ]);
  say('### Migrate: `scale-auth migrate --dry` vs a jscodeshift identity transform (same files)');
  say();
  say(row(['command', 'median s', 'peak MiB', 'vs identity']));
  say(row(['---', '---:', '---:', '---:']));
  for (const result of migrateResults) say(row([`\`${result.shown}\``, result.seconds.toFixed(2), result.megabytes.toFixed(0), `${(result.seconds / migrateResults[1].seconds).toFixed(2)}×`]));
  say();
}

// --- growth on generated apps -------------------------------------------------------------------
if (sections.has('growth')) {
  say('### Growth on generated agent apps (bench/generate.js)');
  say();
  say(row(['files', 'lint s', 'lint ×', 'migrate --dry s', 'migrate ×', 'migrate peak MiB']));
  say(row(['---:', '---:', '---:', '---:', '---:', '---:']));
  let previous;
  for (const size of sizes) {
    const directory = join(root, '.corpus', `generated-${size}`);
    generateApp(size, directory);
    const [lintResult, migrateResult] = compare([
      { name: 'lint', ...lint('scale-auth', directory) },
      { name: 'migrate', ...migrateDry(directory) },
    ], growthRuns);
    const growth = (now, before) => (before ? `${(now / before).toFixed(2)}× for ${size / previous.size}× files` : '');
    say(row([size, lintResult.seconds.toFixed(2), growth(lintResult.seconds, previous?.lint), migrateResult.seconds.toFixed(2), growth(migrateResult.seconds, previous?.migrate), migrateResult.megabytes.toFixed(0)]));
    previous = { size, lint: lintResult.seconds, migrate: migrateResult.seconds };
    writeReport();
  }
  say();
}

writeReport();
console.log(`\nwritten to docs/performance.md`);
