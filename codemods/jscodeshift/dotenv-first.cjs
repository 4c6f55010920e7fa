'use strict';
// npx jscodeshift --no-babel -t node_modules/eslint-plugin-scale-auth/codemods/jscodeshift/dotenv-first.cjs src
module.exports = require('./adapter.cjs').jscodeshiftTransform('dotenv-first');
