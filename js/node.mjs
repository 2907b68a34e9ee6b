// Node ESM entry: the .wasm is read from disk and instantiated synchronously on import,
// so `import { analyze } from 'kupas'` works with no init call.
import { readFileSync } from 'node:fs';
import { initSync, analyze, analyzeCorpus, version } from '../pkg/kupas.js';

initSync({ module: readFileSync(new URL('../pkg/kupas_bg.wasm', import.meta.url)) });

/** Already initialized in Node; kept so that the same code runs in Node and browsers. */
export function init() {
  return Promise.resolve();
}

export { analyze, analyzeCorpus, version };
