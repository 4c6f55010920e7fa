// What ESLint costs once any rule is on, and where it comes from (see docs/performance.md):
//   node bench/rule-context.js [--runs 3]
// Lints the corpus in one process with the floor config and with the floor plus one core rule that
// finds nothing, first with ESLint as installed, then with its FileContext#extend copying the file
// context instead of using it as a prototype. Only this script patches ESLint, and only in memory.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { copyCorpus, corpusFiles, root } from './corpus.js';
import { floor } from './configs/floor.config.js';
import oneRule from './configs/one-rule.config.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Number(values.runs);
const require = createRequire(import.meta.url);
const { Linter } = require(join(root, 'node_modules/eslint/lib/api.js'));
const { FileContext } = require(join(root, 'node_modules/eslint/lib/linter/file-context.js'));

// Linters skip node_modules: lint the copy `npm run bench` makes.
const files = copyCorpus(corpusFiles(), join(root, '.corpus', 'real')).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
const linter = new Linter({ configType: 'flat', cwd: join(root, '.corpus', 'real') });
const median = (numbers) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)];

/** Seconds to lint every file once with `config`. */
function pass(config) {
  const start = performance.now();
  for (const file of files) linter.verify(file.text, config, { filename: file.path });
  return (performance.now() - start) / 1000;
}

/** Medians of `runs` interleaved passes of the floor and the one-rule config. */
function compare() {
  const samples = { floor: [], oneRule: [] };
  for (let round = 0; round < runs; round += 1) {
    samples.floor.push(pass(floor));
    samples.oneRule.push(pass(oneRule));
  }
  return { floor: median(samples.floor), oneRule: median(samples.oneRule) };
}

const stock = compare();
const extend = FileContext.prototype.extend;
// The same frozen context, as own properties of a plain object: no file context becomes a prototype.
FileContext.prototype.extend = function copy(extension) {
  const { cwd, filename, physicalFilename, sourceCode, languageOptions, settings } = this;
  return Object.freeze({ cwd, filename, physicalFilename, sourceCode, languageOptions, settings, ...extension });
};
const copied = compare();
FileContext.prototype.extend = extend;

const percent = (value, base) => `${(((value - base) / base) * 100).toFixed(1)}%`;
console.log(`${files.length} files, medians of ${runs} interleaved passes in one process (Linter API)`);
console.log('| FileContext#extend | floor s | one-rule s | one-rule over floor |');
console.log('| --- | ---: | ---: | ---: |');
console.log(`| as installed (\`Object.create(fileContext)\`) | ${stock.floor.toFixed(2)} | ${stock.oneRule.toFixed(2)} | ${percent(stock.oneRule, stock.floor)} |`);
console.log(`| copying the context | ${copied.floor.toFixed(2)} | ${copied.oneRule.toFixed(2)} | ${percent(copied.oneRule, copied.floor)} |`);
