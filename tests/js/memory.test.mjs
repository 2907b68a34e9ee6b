// WebAssembly memory: what an analysis needs for its input, that repeated calls do not
// leak, and that text over the size limit is refused before it costs any memory.
//
// wasm memory only grows, so `memory.buffer.byteLength` after a call is the peak so far.
// The tests therefore run in this order, from small to large, and this file runs in its own
// process (node --test gives each file one): the leak test must see a heap that no large
// input has grown first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze, analyzeCorpus } from '../../js/node.mjs';
// The same module instance that js/node.mjs initialized: called again, `initSync()` returns
// the instance's exports, `memory` among them.
import { initSync } from '../../pkg/kupas.js';
import { PARAGRAPH } from './support.mjs';

const memory = () => initSync().memory.buffer.byteLength;
const MB = 1024 * 1024;
const LIMIT = 16 * MB; // UTF-16 code units (README "Limits and memory")
// Peak memory per UTF-16 unit of input (measured 2026-11-23: 12–14 for these news texts,
// 48–70 for `a,a,…` and `中,中,…`; see the README). The bounds leave room for the heap's
// fixed part and for how the allocator happens to place blocks.
const NEWS_MULTIPLE = 32;
const WORST_MULTIPLE = 100;

const ARTICLE = readFileSync(new URL('../fixtures/id_banjir.txt', import.meta.url), 'utf8');
const fill = (unit, length) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

let base; // memory after warm-up, before any large input

/** Analyzes `text` and returns the memory afterwards, reporting the multiple. */
function peakFor(t, label, text) {
  const started = performance.now();
  analyze(text);
  const bytes = memory();
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  t.diagnostic(`${label}: ${(bytes / MB).toFixed(1)} MB of wasm memory for ${text.length} units, ${(bytes / text.length).toFixed(1)}× (${seconds} s)`);
  return bytes;
}

test('10,000 calls on a short article do not grow memory after warm-up', (t) => {
  const options = [undefined, { tokens: true }, { tokens: true, offsets: 'codepoints', keywords: 5 }];
  for (let i = 0; i < 30; i++) analyze(PARAGRAPH, options[i % 3]);
  analyzeCorpus([PARAGRAPH, ARTICLE]);
  base = memory();
  const started = performance.now();
  for (let i = 0; i < 10_000; i++) {
    analyze(PARAGRAPH, options[i % 3]);
    if (i % 1000 === 0) analyzeCorpus([PARAGRAPH, ARTICLE]);
  }
  t.diagnostic(`${(performance.now() - started).toFixed(0)} ms for 10,000 calls; memory ${(base / MB).toFixed(1)} MB before and ${(memory() / MB).toFixed(1)} MB after`);
  assert.equal(memory(), base);
  // Errors free what they allocated too.
  for (let i = 0; i < 2_000; i++) {
    assert.throws(() => analyze(PARAGRAPH, { tokens: 'yes' }), { code: 'invalid_options' });
    assert.throws(() => analyze(PARAGRAPH, { [`k${i}`]: 1 }), { code: 'invalid_options' });
    assert.throws(() => analyzeCorpus([PARAGRAPH, i]), { code: 'invalid_text' });
  }
  assert.equal(memory(), base);
});

test(`1 MB of news: peak within ${NEWS_MULTIPLE}× the input`, (t) => {
  // The fixture first: it needs less, and only a larger peak shows after a smaller one.
  const article = fill(ARTICLE, MB);
  assert.ok(peakFor(t, '1 MB of a fixture article', article) <= base + NEWS_MULTIPLE * article.length);
  const text = fill(PARAGRAPH, MB);
  assert.ok(peakFor(t, '1 MB of news', text) <= base + NEWS_MULTIPLE * text.length);
});

test(`the worst input measured, a token per character: within ${WORST_MULTIPLE}×`, (t) => {
  for (const unit of ['a,', '中,']) {
    const text = fill(unit, MB);
    assert.ok(peakFor(t, `1 MB of ${unit}`, text) <= base + WORST_MULTIPLE * text.length);
  }
});

test(`news at the size limit (${LIMIT} units): within ${NEWS_MULTIPLE}×, far below 4 GiB`, (t) => {
  const text = fill(PARAGRAPH, LIMIT);
  const bytes = peakFor(t, 'news at the limit', text);
  assert.ok(bytes <= base + NEWS_MULTIPLE * text.length);
  // The worst input at the limit is bounded the same way: 100 × 16 MiB ≈ 1.6 GiB of 4
  // (measured: 1.1 GB for `中,中,…`, README "Limits and memory").
  assert.ok(base + WORST_MULTIPLE * LIMIT < 2048 * MB);
});

test('text over the limit: text_too_large, and no memory spent on it', () => {
  const before = memory();
  for (const text of ['x'.repeat(LIMIT + 1), fill(PARAGRAPH, 64 * MB), fill('中,', 4 * LIMIT)]) {
    assert.throws(() => analyze(text), (error) => {
      assert.ok(error instanceof RangeError);
      assert.equal(error.code, 'text_too_large');
      assert.match(error.message, new RegExp(`${text.length} UTF-16 code units.*${LIMIT}`));
      return true;
    });
    assert.throws(() => analyzeCorpus([text.slice(0, LIMIT), text.slice(0, 1)]), { code: 'text_too_large' });
  }
  assert.equal(memory(), before);
  assert.equal(analyze('Presiden Joko Widodo tiba di Jakarta.').sentences.length, 1);
});
