'use strict';
// npx jscodeshift --no-babel -t node_modules/eslint-plugin-scale-auth/codemods/jscodeshift/env-name.cjs src
module.exports = require('./adapter.cjs').jscodeshiftTransform('env-name');
