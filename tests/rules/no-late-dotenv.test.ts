import rule from '../../rules/no-late-dotenv.js';
import { cjsRuleTester, jsRuleTester, tsRuleTester } from '../rule-tester.js';

tsRuleTester.run('no-late-dotenv (TypeScript)', rule, {
  valid: [
    // ok: the side-effect import is the first import
    `import 'dotenv/config';\nimport { llm } from './llm';\nexport const run = () => llm;`,
    // ok: dotenvx side-effect import first
    `import '@dotenvx/dotenvx/config';\nimport { app } from './app';\napp.listen(3000);`,
    // ok: type-only imports do not run
    `import type { Config } from './config';\nimport dotenv from 'dotenv';\ndotenv.config();\nexport const config: Config | undefined = undefined;`,
    // ok: type-only specifiers only
    `import { type Config } from './config';\nimport dotenv from 'dotenv';\ndotenv.config();\nexport const c: Config | undefined = undefined;`,
    // ok: type-only import before the side-effect import
    `import type { Llm } from './llm';\nimport 'dotenv/config';\nexport let llm: Llm | undefined;`,
    // ok: a file that imports nothing else
    `import dotenv from 'dotenv';\ndotenv.config();\nexport const port = Number(process.env.PORT ?? 3000);`,
    // ok: third-party packages that do not read env at import time
    `import express from 'express';\nimport dotenv from 'dotenv';\ndotenv.config();\nexport const app = express();`,
    // ok: named config import, only third-party imports
    `import { config } from 'dotenv';\nimport { z } from 'zod';\nconfig();\nexport const schema = z.string();`,
    // ok: config() inside a function is a deliberate, later load
    `import { loadSettings } from './settings';\nimport dotenv from 'dotenv';\nexport function boot() { dotenv.config(); return loadSettings(); }`,
    // ok: process.loadEnvFile is Node's own loader (not dotenv)
    `process.loadEnvFile();\nexport const key = process.env.OPENAI_API_KEY;`,
    // ok: a package that reads env at import is only known when configured
    `import { settings } from '@acme/settings';\nimport dotenv from 'dotenv';\ndotenv.config();\nexport { settings };`,
    // ok: a local function named config is not dotenv's
    `import { app } from './app';\nfunction config() { return app; }\nconfig();`,
    // ok: a config() method on another object
    `import { app } from './app';\nimport convict from 'convict';\nconst schema = convict({});\nschema.validate();\napp.set('config', schema);`,
    // ok: shadowed dotenv import
    `import dotenv from 'dotenv';\nimport { app } from './app';\nexport function f(dotenv: { config(): void }) { dotenv.config(); }\nvoid app;`,
    // ok: dotenv/config import ahead of SDK imports
    `import 'dotenv/config';\nimport OpenAI from 'openai';\nexport const make = () => new OpenAI();`,
    // ok: export-from of a type only
    `import 'dotenv/config';\nexport type { Llm } from './llm';`,
  ],
  invalid: [
    {
      code: `import { llm } from './llm';\nimport dotenv from 'dotenv';\ndotenv.config();\nexport const run = () => llm;`,
      errors: [{ messageId: 'configAfterImports', line: 3, column: 1, data: { call: 'dotenv.config()', modules: "'./llm'" } }],
    },
    {
      // hoisting: an import written below the call still runs first
      code: `import dotenv from 'dotenv';\ndotenv.config();\nimport { llm } from './llm';\nexport const run = () => llm;`,
      errors: [{ messageId: 'configAfterImports', line: 2, data: { call: 'dotenv.config()', modules: "'./llm'" } }],
    },
    {
      code: `import { config } from 'dotenv';\nimport { db } from '@/lib/db';\nconfig({ path: '.env.local' });\nexport { db };`,
      errors: [{ messageId: 'configAfterImports', line: 3, data: { call: 'config()', modules: "'@/lib/db'" } }],
    },
    {
      code: `import OpenAI from 'openai';\nimport * as dotenv from 'dotenv';\ndotenv.config();\nexport const openai = new OpenAI();`,
      errors: [{ messageId: 'configAfterImports', data: { call: 'dotenv.config()', modules: "'openai'" } }],
    },
    {
      code: `import { app } from './app';\nimport 'dotenv/config';\napp.listen(3000);`,
      errors: [{ messageId: 'dotenvConfigImportNotFirst', line: 2, data: { source: 'dotenv/config', modules: "'./app'" } }],
    },
    {
      code: `import './instrumentation';\nimport '@dotenvx/dotenvx/config';\nexport {};`,
      errors: [{ messageId: 'dotenvConfigImportNotFirst', data: { source: '@dotenvx/dotenvx/config', modules: "'./instrumentation'" } }],
    },
    {
      code: `import { config as loadEnv } from '@dotenvx/dotenvx';\nimport { worker } from '../jobs/worker';\nloadEnv();\nworker.run();`,
      errors: [{ messageId: 'configAfterImports', data: { call: 'loadEnv()', modules: "'../jobs/worker'" } }],
    },
    {
      code: `import { a } from './a';\nimport { b } from './b';\nimport { c } from './c';\nimport { d } from './d';\nimport dotenv from 'dotenv';\nconst result = dotenv.config();\nexport { a, b, c, d, result };`,
      errors: [{ messageId: 'configAfterImports', line: 6, data: { call: 'dotenv.config()', modules: "'./a', './b', './c' and 1 more" } }],
    },
    {
      code: `import { settings } from '@acme/settings';\nimport dotenv from 'dotenv';\ndotenv.config();\nexport { settings };`,
      options: [{ envReadingModules: ['@acme/settings'] }],
      errors: [{ messageId: 'configAfterImports', data: { call: 'dotenv.config()', modules: "'@acme/settings'" } }],
    },
  ],
});

cjsRuleTester.run('no-late-dotenv (CommonJS)', rule, {
  valid: [
    // ok: CommonJS runs in order: config() before the requires that read env
    `require('dotenv').config();\nconst { llm } = require('./llm');\nmodule.exports = llm;`,
    // ok: CommonJS side-effect require first
    `require('dotenv/config');\nconst app = require('./app');\napp.listen(3000);`,
    // ok: only third-party requires before it
    `const express = require('express');\nrequire('dotenv').config();\nconst app = express();\nmodule.exports = app;`,
    // ok: dotenv variable then config, then project modules
    `const dotenv = require('dotenv');\ndotenv.config();\nconst db = require('./db');\nmodule.exports = db;`,
    // ok: a require inside a function is not at load time
    `require('dotenv').config();\nfunction load() { return require('./llm'); }\nmodule.exports = load;`,
  ],
  invalid: [
    {
      code: `const { llm } = require('./llm');\nrequire('dotenv').config();\nmodule.exports = llm;`,
      errors: [{ messageId: 'configAfterRequires', line: 2, data: { call: "require('dotenv').config()", modules: "'./llm'" } }],
    },
    {
      code: `const OpenAI = require('openai');\nconst dotenv = require('dotenv');\ndotenv.config();\nmodule.exports = new OpenAI();`,
      errors: [{ messageId: 'configAfterRequires', line: 3, data: { call: 'dotenv.config()', modules: "'openai'" } }],
    },
    {
      code: `const app = require('./app');\nrequire('dotenv/config');\napp.listen(3000);`,
      errors: [{ messageId: 'configAfterRequires', line: 2 }],
    },
  ],
});

jsRuleTester.run('no-late-dotenv (ES module JavaScript)', rule, {
  valid: [
    // ok: ESM JS with the side-effect import first
    `import 'dotenv/config';\nimport { server } from './server.js';\nserver.listen();`,
    // ok: only packages that do not read env
    `import express from 'express';\nimport dotenv from 'dotenv';\ndotenv.config();\nexport default express();`,
  ],
  invalid: [
    {
      code: `import { server } from './server.js';\nimport dotenv from 'dotenv';\ndotenv.config();\nserver.listen();`,
      errors: [{ messageId: 'configAfterImports', data: { call: 'dotenv.config()', modules: "'./server.js'" } }],
    },
  ],
});
