'use strict';
// npx jscodeshift --no-babel -t node_modules/eslint-plugin-scale-auth/codemods/jscodeshift/job-credential.cjs src
module.exports = require('./adapter.cjs').jscodeshiftTransform('job-credential');
