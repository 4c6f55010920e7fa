'use strict';
// npx jscodeshift --no-babel -t node_modules/eslint-plugin-scale-auth/codemods/jscodeshift/client-factory.cjs src
module.exports = require('./adapter.cjs').jscodeshiftTransform('client-factory');
