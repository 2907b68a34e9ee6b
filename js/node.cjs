// Node CommonJS entry: `const { analyze } = require('kupas')` works with no init call.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const glue = require('../pkg/kupas.cjs');

glue.initSync({ module: readFileSync(join(__dirname, '..', 'pkg', 'kupas_bg.wasm')) });

module.exports = {
  analyze: glue.analyze,
  analyzeCorpus: glue.analyzeCorpus,
  version: glue.version,
  /** Already initialized in Node; kept so that the same code runs in Node and browsers. */
  init: () => Promise.resolve(),
};
