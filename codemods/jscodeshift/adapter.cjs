'use strict';
// Turns a scale-auth codemod into a jscodeshift transform (run with --no-babel: the codemods are
// compiled ESM, loaded with import()). jscodeshift hands over one file at a time, so cross-file
// steps are not done here: they stay as marker comments, each reported through api.report.
// `scale-auth migrate` does the cross-file steps. String options (`--serviceEnv=ACME_API_KEY`) reach the codemod.
const { resolve } = require('node:path');
const { pathToFileURL } = require('node:url');

exports.jscodeshiftTransform = function jscodeshiftTransform(codemod) {
  return async function transform(file, api, options = {}) {
    const { migrateSource } = await import(pathToFileURL(resolve(__dirname, '../../dist/src/codemod/single-file.js')).href);
    const strings = Object.fromEntries(Object.entries(options).filter(([, value]) => typeof value === 'string'));
    const result = migrateSource(codemod, resolve(file.path), file.source, process.cwd(), strings);
    if ('error' in result) throw new Error(`${file.path}: ${result.error}`);
    for (const followUp of result.followUps) api.report(`${file.path}:${followUp.line} ${followUp.message}`);
    return result.text === file.source ? undefined : result.text;
  };
};
