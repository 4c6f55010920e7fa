'use strict';
// Turns a scale-auth codemod into a jscodeshift transform (run with --no-babel: the codemods are
// compiled ESM, loaded with import()). jscodeshift hands over one file at a time, so cross-file
// steps are not done here: they stay as marker comments, each reported through api.report.
// `scale-auth migrate` does the cross-file steps.
const { relative, resolve } = require('node:path');
const { pathToFileURL } = require('node:url');

exports.jscodeshiftTransform = function jscodeshiftTransform(codemod) {
  return async function transform(file, api) {
    const { migrateSource } = await import(pathToFileURL(resolve(__dirname, '../../dist/src/codemod/single-file.js')).href);
    const result = migrateSource(codemod, resolve(file.path), file.source, process.cwd());
    if ('error' in result) throw new Error(`${file.path}: ${result.error}`);
    for (const followUp of result.followUps) {
      // Follow-ups in other files (an env file, a manifest) are named by their own path.
      const where = followUp.path === resolve(file.path) ? file.path : relative(process.cwd(), followUp.path);
      api.report(`${where}:${followUp.line} ${followUp.message}`);
    }
    return result.text === file.source ? undefined : result.text;
  };
};
