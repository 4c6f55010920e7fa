'use strict';
// npx jscodeshift --no-babel -t node_modules/eslint-plugin-scale-auth/codemods/jscodeshift/service-credential.cjs src [--serviceEnv=NAME]
module.exports = require('./adapter.cjs').jscodeshiftTransform('service-credential');
