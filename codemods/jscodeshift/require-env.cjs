'use strict';
// npx jscodeshift --no-babel -t node_modules/eslint-plugin-scale-auth/codemods/jscodeshift/require-env.cjs src [--requireEnvModule=./src/lib/env.ts]
module.exports = require('./adapter.cjs').jscodeshiftTransform('require-env');
