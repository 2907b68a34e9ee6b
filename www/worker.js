// Analysis worker (a module worker). Protocol:
//   page → worker  { id, text }                 one article: analyze(text, { tokens: true }),
//                                               answered with what the page shows of it
//                  { id, rehearse: true }       the page's rehearsal: the sample text below,
//                                               answered as an article, the compact half
//                                               carrying the text as `text`
//                  { id, text, export: true }   one article's export: analyze(text), default options
//                  { id, texts, corpus: true }  a set: analyzeCorpus(texts) (default options)
//   worker → page  on success, two messages (ms: time spent in analyze):
//                  { id, compact: { tokenGroups, sentences, packed } }   first, its typed arrays
//                                               transferred, not copied:
//                     tokenGroups: { total, groups }, the tokens grouped as the page lists them
//                       (see groupTokens); each group's `counts` is a Uint32Array;
//                     sentences: Uint32Array of [start, end] pairs, one pair a sentence;
//                     packed: the long lists of spans taken out of `result` (see packSpans);
//                  { id, result, ms }           then: the analysis without `tokens` and
//                                               `sentences`, and with the lists in `packed`
//                                               left as null
//                  { id, export: true, result }
//                  { id, corpus: true, result, ms }
//                  { id, error, code }, { id, export: true, error }, { id, corpus: true, error }
//                                               when analysis or loading failed (`code`: the
//                                               package's error code, when it gave one)
//                  { ready: true, version } once, when the WebAssembly module is loaded
//                  { ready: false, error }  once, when it could not be loaded
//
// The page never receives the list of tokens: for a long text (about 900,000 tokens for 5 MB)
// decoding it on the page's main thread took seconds. The grouping is done here instead, and
// other long lists of spans travel as typed arrays, which cost nothing to receive: decoding
// 100,000 small objects takes the page longer than making them again from numbers.
import { init, analyze, analyzeCorpus, version } from '/js/browser.mjs';

// The first few calls of a fresh module are several times slower than later ones (the engine
// is still compiling the hot paths), so a few throwaway calls are made before the first real
// one. The text is made up and covers every kind of token, in both languages.
const WARM_UP_TEXT = [
  'Contoh: Menteri Ani-Budi tiba di Bandung pada Senin (2/1/2023) pukul 09.15 WIB.',
  'Gubernur Dewi Lestari mengatakan Universitas Gadjah Mada dan PBB ikut membantu warga.',
  'Harga naik 2,5% menjadi Rp12.000 per kilogram, kata @kontributor di www.contoh.id #kabar.',
  'An example: the mayor said on 2023-01-02 at 10:30 that 1,250 people (about 4%) left.',
  'Write to redaksi@contoh.id or see https://contoh.id/berita?id=1 for more 😀.',
].join('\n');

const WARM_UP_SAMPLE = WARM_UP_TEXT.repeat(4);

function warmUp() {
  const text = WARM_UP_SAMPLE;
  const started = performance.now();
  try {
    for (let i = 0; i < 12 && performance.now() - started < 250; i++) {
      const result = analyze(text, { tokens: true });
      groupTokens(text, result.tokens);
    }
  } catch {
    // A failure here shows up again, and is reported, on the first real request.
  }
}

/**
 * Groups tokens by kind, then by key, as the page's token panel lists them: `{ total, groups }`,
 * the groups in the order their kind first occurs (the page puts them in its own order), each
 * `{ kind, count, surfaces, counts }`: its distinct keys, most frequent first (ties in the order
 * of first occurrence), each shown by its most frequent surface form (ties: the first seen),
 * `counts` (a Uint32Array) saying how often each key occurs.
 */
function groupTokens(text, tokens) {
  const groups = new Map();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    let group = groups.get(token.kind);
    if (!group) groups.set(token.kind, (group = { count: 0, byKey: new Map() }));
    group.count++;
    const surface = text.slice(token.start, token.end);
    let entry = group.byKey.get(token.key);
    if (!entry) {
      group.byKey.set(token.key, (entry = { count: 0, order: group.byKey.size, surface, surfaces: null }));
    } else if (entry.surfaces === null && surface !== entry.surface) {
      // A second form of the key: from now on each form is counted.
      entry.surfaces = new Map([[entry.surface, entry.count]]);
    }
    entry.count++;
    if (entry.surfaces !== null) entry.surfaces.set(surface, (entry.surfaces.get(surface) ?? 0) + 1);
  }
  const out = [];
  for (const [kind, group] of groups) {
    const entries = [...group.byKey.values()].sort((a, b) => b.count - a.count || a.order - b.order);
    const surfaces = new Array(entries.length);
    const counts = new Uint32Array(entries.length);
    entries.forEach((entry, i) => {
      let best = entry.surface;
      if (entry.surfaces !== null) {
        let bestCount = -1;
        for (const [surface, count] of entry.surfaces) {
          if (count > bestCount) [best, bestCount] = [surface, count];
        }
      }
      surfaces[i] = best;
      counts[i] = entry.count;
    });
    out.push({ kind, count: group.count, surfaces, counts });
  }
  return { total: tokens.length, groups: out };
}

const isOffset = (value) => Number.isInteger(value) && value >= 0 && value <= 0xffffffff;

/**
 * Spans that are exactly `{ start, end }` (these two fields, in this order, whole numbers) as
 * [start, end] pairs in one Uint32Array; null when any span is anything else, so that the
 * page can make the very same objects again.
 */
function pairs(spans) {
  if (!Array.isArray(spans)) return null;
  const out = new Uint32Array(spans.length * 2);
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i];
    if (span === null || typeof span !== 'object') return null;
    const keys = Object.keys(span);
    if (keys.length !== 2 || keys[0] !== 'start' || keys[1] !== 'end' || !isOffset(span.start) || !isOffset(span.end)) return null;
    out[2 * i] = span.start;
    out[2 * i + 1] = span.end;
  }
  return out;
}

/** Page furniture (exactly `{ start, end, kind }`) as { spans: [start, end, kind index]…, kinds }, or null. */
function furniture(spans) {
  if (!Array.isArray(spans)) return null;
  const kinds = [];
  const index = new Map();
  const out = new Uint32Array(spans.length * 3);
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i];
    if (span === null || typeof span !== 'object') return null;
    const keys = Object.keys(span);
    if (keys.length !== 3 || keys[0] !== 'start' || keys[1] !== 'end' || keys[2] !== 'kind') return null;
    if (!isOffset(span.start) || !isOffset(span.end) || typeof span.kind !== 'string') return null;
    let k = index.get(span.kind);
    if (k === undefined) {
      k = kinds.length;
      kinds.push(span.kind);
      index.set(span.kind, k);
    }
    out[3 * i] = span.start;
    out[3 * i + 1] = span.end;
    out[3 * i + 2] = k;
  }
  return { spans: out, kinds };
}

/**
 * Takes the result's long lists of spans out into typed arrays (the page's unpackSpans puts
 * them back, the same objects in the same places): page furniture, each keyword's
 * occurrences and each entity's mentions. A list taken out is left as null in `result`; one
 * of an unexpected shape stays where it is. Returns `{ packed, transfer }`.
 */
function packSpans(result) {
  const transfer = [];
  const packed = { boilerplate: null, keywords: [], entities: [] };
  const boilerplate = furniture(result.boilerplate);
  if (boilerplate) {
    packed.boilerplate = boilerplate;
    result.boilerplate = null;
    transfer.push(boilerplate.spans.buffer);
  }
  for (const [list, field, into] of [
    [result.keywords, 'occurrences', packed.keywords],
    [result.entities, 'mentions', packed.entities],
  ]) {
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const spans = item !== null && typeof item === 'object' ? pairs(item[field]) : null;
      into.push(spans);
      if (spans) {
        item[field] = null;
        transfer.push(spans.buffer);
      }
    }
  }
  return { packed, transfer };
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
  const { id, text, texts, corpus, rehearse, export: isExport } = event.data ?? {};
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
  // A rehearsal (see app.js): the sample text, answered like an article and sent along.
  const input = rehearse ? WARM_UP_SAMPLE : typeof text === 'string' ? text : '';
  if (isExport) {
    try {
      await ready;
      self.postMessage({ id, export: true, result: analyze(input) });
    } catch (error) {
      self.postMessage({ id, export: true, error: String(error?.message ?? error) });
    }
    return;
  }
  try {
    await ready;
    const started = performance.now();
    const { tokens, sentences, ...result } = analyze(input, { tokens: true });
    const ms = performance.now() - started;
    const tokenGroups = groupTokens(input, tokens);
    const spans = pairs(sentences) ?? new Uint32Array(0);
    const { packed, transfer } = packSpans(result);
    transfer.push(spans.buffer, ...tokenGroups.groups.map((group) => group.counts.buffer));
    const compact = { tokenGroups, sentences: spans, packed, ...(rehearse ? { text: input } : {}) };
    self.postMessage({ id, compact }, transfer);
    // The answer proper, last and in this very form: tests/e2e/entities.test.mjs rewrites this
    // line to add entities to `result` on its way to the page.
    self.postMessage({ id, result, ms });
  } catch (error) {
    self.postMessage({ id, error: String(error?.message ?? error), code: error?.code });
  }
});
