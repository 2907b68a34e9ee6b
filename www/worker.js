// Analysis worker (a module worker). Protocol:
//   page → worker  { id, text }                 one article: analyze(text, { tokens: true })
//                  { id, texts, corpus: true }  a set: analyzeCorpus(texts) (default options)
//   worker → page  { id, result, ms }           on success (ms: time spent in analyze)
//                  { id, corpus: true, result, ms }
//                  { id, error }, { id, corpus: true, error }   when analysis or loading failed
//                  { ready: true, version } once, when the WebAssembly module is loaded
//                  { ready: false, error }  once, when it could not be loaded
import { init, analyze, analyzeCorpus, version } from '/js/browser.mjs';

// The first few calls of a fresh module are several times slower than later ones (the engine
// is still compiling the hot paths), so a few throwaway calls are made before the first real
// one. The text is made up and covers every kind of token, in both languages.
const WARM_UP_TEXT = [
  'Contoh: Menteri Ani-Budi tiba di Bandung pada Senin (2/1/2023) pukul 09.15 WIB.',
  'Harga naik 2,5% menjadi Rp12.000 per kilogram, kata @kontributor di www.contoh.id #kabar.',
  'An example: the mayor said on 2023-01-02 at 10:30 that 1,250 people (about 4%) left.',
  'Write to redaksi@contoh.id or see https://contoh.id/berita?id=1 for more 😀.',
].join('\n');

function warmUp() {
  const text = WARM_UP_TEXT.repeat(4);
  const started = performance.now();
  try {
    for (let i = 0; i < 12 && performance.now() - started < 250; i++) analyze(text, { tokens: true });
  } catch {
    // A failure here shows up again, and is reported, on the first real request.
  }
}

const ready = init().then(
  () => {
    warmUp();
    self.postMessage({ ready: true, version: version() });
  },
  (error) => {
    self.postMessage({ ready: false, error: String(error?.message ?? error) });
    throw error;
  },
);
ready.catch(() => {}); // reported above; each request reports it again

self.addEventListener('message', async (event) => {
  const { id, text, texts, corpus } = event.data ?? {};
  if (corpus) {
    try {
      await ready;
      const started = performance.now();
      const list = Array.isArray(texts) ? texts.map((t) => (typeof t === 'string' ? t : '')) : [];
      const result = analyzeCorpus(list);
      self.postMessage({ id, corpus: true, result, ms: performance.now() - started });
    } catch (error) {
      self.postMessage({ id, corpus: true, error: String(error?.message ?? error) });
    }
    return;
  }
  try {
    await ready;
    const started = performance.now();
    const result = analyze(typeof text === 'string' ? text : '', { tokens: true });
    const ms = performance.now() - started;
    self.postMessage({ id, result, ms });
  } catch (error) {
    self.postMessage({ id, error: String(error?.message ?? error) });
  }
});
