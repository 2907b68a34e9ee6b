// Browser and bundler entry. The .wasm is fetched by `init()` from next to the glue
// (`new URL('kupas_bg.wasm', import.meta.url)`, which Vite and other bundlers resolve
// without configuration). `init()` is idempotent: call it as often as you like.
import initWasm, {
  analyze as wasmAnalyze,
  analyzeCorpus as wasmAnalyzeCorpus,
  version as wasmVersion,
} from '../pkg/kupas.js';

let ready = null;
let initialized = false;

/**
 * Loads the WebAssembly module once. Optional `input`: a URL, Response, BufferSource or
 * WebAssembly.Module to load instead of the default file next to the glue.
 */
export function init(input) {
  if (!ready) {
    ready = initWasm(input === undefined ? undefined : { module_or_path: input }).then(
      () => {
        initialized = true;
      },
      (error) => {
        ready = null; // allow a retry after a failed load
        throw error;
      },
    );
  }
  return ready;
}

function ensureInitialized() {
  if (!initialized) {
    const error = new Error('kupas is not initialized: `await init()` once before calling analyze() or analyzeCorpus()');
    error.code = 'not_initialized';
    throw error;
  }
}

export function analyze(text, options) {
  ensureInitialized();
  return wasmAnalyze(text, options);
}

export function analyzeCorpus(texts, options) {
  ensureInitialized();
  return wasmAnalyzeCorpus(texts, options);
}

export function version() {
  ensureInitialized();
  return wasmVersion();
}
