'use strict';
// The jscodeshift baseline: parse every file and print it back, changing nothing.
module.exports = function identity(file, api) {
  api.jscodeshift(file.source).toSource();
  return undefined;
};
