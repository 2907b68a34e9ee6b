// Hostile input through the Node entry: text no article contains, oversized text, and
// arguments of every wrong type. Text is never an error up to the size limit; everything
// else is an Error with a stable code. After each case the module still analyzes a plain
// sentence exactly as it did before any of them.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, analyzeCorpus } from '../../js/node.mjs';
import { PARAGRAPH } from './support.mjs';

const LIMIT = 16 * 1024 * 1024; // UTF-16 code units (README "Limits and memory")
const PROBE = 'Presiden Joko Widodo tiba di Jakarta.';
const BASELINE = analyze(PROBE);


/** The module still gives the same result for a plain sentence. */
function assertHealthy() {
  assert.deepEqual(analyze(PROBE), BASELINE);
}

/** Every span of every kind in `result`, with a label. */
function* spansOf(result) {
  for (const [i, s] of result.sentences.entries()) yield [`sentences[${i}]`, s];
  for (const [i, s] of (result.tokens ?? []).entries()) yield [`tokens[${i}]`, s];
  for (const [i, s] of result.boilerplate.entries()) yield [`boilerplate[${i}]`, s];
  for (const k of result.keywords) for (const [i, s] of k.occurrences.entries()) yield [`keyword ${k.text} [${i}]`, s];
  for (const e of result.entities) for (const [i, s] of e.mentions.entries()) yield [`entity ${e.text} [${i}]`, s];
}

/** 0 ≤ start < end ≤ length for every span, `length` counted in the result's unit. */
function assertSpans(result, length, what) {
  for (const [label, s] of spansOf(result)) {
    if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end && s.end <= length)) {
      assert.fail(`${what}: ${label} ${JSON.stringify(s)} is not inside [0, ${length}]`);
    }
  }
}

const UNITS = {
  utf16: (text) => text.length,
  utf8: (text) => Buffer.byteLength(text), // a lone surrogate becomes U+FFFD, 3 bytes, here too
  codepoints: (text) => [...text].length,
};

/** Analyzes `text` in every unit with tokens, checks the spans and the stats, then health. */
function survives(name, text) {
  for (const [offsets, length] of Object.entries(UNITS)) {
    const result = analyze(text, { tokens: true, offsets });
    assertSpans(result, length(text), `${name} (${offsets})`);
    assert.equal(result.stats.characters, [...text].length, `${name}: characters`);
    assert.ok(result.stats.words <= result.tokens.length, `${name}: words`);
  }
  assertHealthy();
}

/** `fn` throws an instance of `type` with `code`, and the module stays healthy. */
function throwsCode(fn, type, code, what) {
  assert.throws(fn, (error) => {
    assert.ok(error instanceof type, `${what}: ${error?.constructor?.name} is not a ${type.name}`);
    assert.equal(error.code, code, `${what}: ${error.message}`);
    assert.equal(typeof error.message, 'string');
    return true;
  }, what);
  assertHealthy();
}

/** Runs `fn` and reports how long it took. */
function timed(t, label, fn) {
  const started = performance.now();
  const value = fn();
  t.diagnostic(`${label}: ${((performance.now() - started) / 1000).toFixed(2)} s`);
  return value;
}

describe('text no article contains', () => {
  test('empty text', () => {
    const r = analyze('');
    assert.deepEqual(r.sentences, []);
    assert.deepEqual(r.stats, { characters: 0, words: 0, sentences: 0, readingMinutes: 0 });
    assert.deepEqual([r.keywords, r.entities, r.boilerplate], [[], [], []]);
    survives('empty', '');
  });

  test('whitespace only, of every kind', () => {
    const spaces = ' \t\n\r\v\f\u00a0\u1680\u2000\u2003\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u200b\u00ad';
    for (const text of [' ', '\n\n\n', spaces, spaces.repeat(2000)]) {
      const r = analyze(text);
      assert.equal(r.stats.words, 0, JSON.stringify(text.slice(0, 20)));
      survives('whitespace', text);
    }
  });

  test('NUL bytes', () => {
    survives('NULs', '\0'.repeat(10_000));
    survives('NULs between words', 'Presiden\0Joko\0Widodo\0tiba di\0Jakarta.\0');
    survives('NUL in a number', 'Rp1.\x00500 pada 18/\x006/2024 pukul 02.\x0045');
  });

  test('control characters, C0, DEL and C1', () => {
    const controls = [];
    for (let c = 0; c < 0x20; c++) controls.push(String.fromCharCode(c));
    for (let c = 0x7f; c < 0xa0; c++) controls.push(String.fromCharCode(c));
    survives('controls', controls.join(''));
    survives('controls between words', PROBE.split(' ').map((w, i) => w + controls[(i * 7) % controls.length]).join(' '));
    survives('bidi and format controls', '\u202eJakarta\u202c \u2066Joko\u2069 \u200e\u200f\u061c\u2060\u180e tiba.');
    survives('controls repeated', controls.join('word ').repeat(200));
  });

  test('emoji only', () => {
    const emoji = ['😀', '👍🏽', '👨‍👩‍👧‍👦', '🇮🇩', '🏳️‍🌈', '❤️', '1️⃣', '🧑🏿‍🚀', '🫠', '#️⃣'];
    survives('emoji', emoji.join(''));
    survives('emoji repeated', emoji.join('').repeat(1000));
    survives('emoji with spaces and stops', emoji.join(' ').concat('. ').repeat(500));
    survives('a broken family', '👨\u200d\u200d👩\u200d'.repeat(100));
  });

  test('right-to-left scripts: Arabic and Hebrew', () => {
    const arabic = 'وصل الرئيس إلى جاكرتا يوم الاثنين ١٢ يونيو. وقال إن المحادثات كانت مثمرة، وإن الاتفاق سيوقع في 2024.';
    const hebrew = 'הנשיא הגיע לג׳קרטה ביום שני. הוא אמר שהשיחות היו מועילות וההסכם ייחתם ב־2024.';
    survives('Arabic', arabic);
    survives('Hebrew', hebrew);
    survives('mixed with Latin', `${PROBE} ${arabic} \u200f${hebrew}\u200e Joko Widodo.`);
    const r = analyze(arabic);
    assert.equal(r.sentences.length, 2);
    assert.equal(r.language.code, 'other');
  });

  test('combining-mark storms', () => {
    survives('a letter and 10,000 marks', `a${'\u0301'.repeat(10_000)}`);
    survives('marks with no base', '\u0301'.repeat(10_000));
    survives('a storm inside a name', `Presiden J${'\u0300\u0316'.repeat(5_000)}oko Widodo tiba di Jakarta.`);
    survives('many storms', `Joko${'\u0308'.repeat(300)} tiba. `.repeat(100));
    survives('Hangul jamo and Indic marks', `${'\u1100\u1161\u11a8'.repeat(2000)} ${'क्\u200d'.repeat(2000)}`);
  });

  test('lone surrogates from JavaScript', () => {
    for (const text of ['\uD800abc\uDC00', '\uDBFF', '\uDC00\uD800', 'Kim\uD83DJong-un tiba.', '\uD800'.repeat(1000), 'a\uDFFFb. \uD83D\uDE00\uDE00']) {
      survives(JSON.stringify(text.slice(0, 12)), text);
    }
    // A lone surrogate reads as U+FFFD, one UTF-16 unit, so the surface around it is intact.
    const text = '\uD800Presiden tiba.';
    const r = analyze(text, { tokens: true });
    assert.equal(text.slice(r.tokens[1].start, r.tokens[1].end), 'Presiden');
  });

  test('one very long word, and punctuation runs', () => {
    for (const text of ['x'.repeat(100_000), '-'.repeat(100_000), '.'.repeat(100_000), `https://${'a'.repeat(100_000)}.id`, '1'.repeat(100_000), '@#'.repeat(20_000)]) {
      survives(`${text.slice(0, 10)}… (${text.length})`, text);
    }
  });

  test('analyzeCorpus with hostile texts', () => {
    const texts = ['', '\0\0', '😀'.repeat(100), '\uD800abc\uDC00', `a${'\u0301'.repeat(1000)}`, PROBE];
    const corpus = analyzeCorpus(texts);
    assert.equal(corpus.documents.length, texts.length);
    for (const [i, doc] of corpus.documents.entries()) assertSpans(doc, texts[i].length, `documents[${i}]`);
    assert.deepEqual(analyzeCorpus([]), { documents: [], keywords: [], entities: [] });
    assertHealthy();
  });
});

describe('size', () => {
  test('50 MB of ordinary text is refused with text_too_large, at once', (t) => {
    const text = timed(t, 'building 50 MB', () => PARAGRAPH.repeat(Math.ceil(50e6 / PARAGRAPH.length)));
    assert.ok(text.length >= 50e6);
    const started = performance.now();
    throwsCode(() => analyze(text), RangeError, 'text_too_large', '50 MB');
    assert.ok(performance.now() - started < 2_000, 'refused before any work');
    throwsCode(() => analyzeCorpus([text]), RangeError, 'text_too_large', 'corpus of 50 MB');
    // The limit holds for the texts together, even when one string is repeated.
    throwsCode(() => analyzeCorpus(new Array(1000).fill(text.slice(0, LIMIT / 2 + 1))), RangeError, 'text_too_large', 'many halves');
    throwsCode(() => analyzeCorpus([text.slice(0, LIMIT), 'x']), RangeError, 'text_too_large', 'limit + 1 in a corpus');
  });

  test('10 MB without a space is one sentence; one unit over the limit is refused', (t) => {
    const text = 'x'.repeat(10e6);
    const r = timed(t, 'analyze 10 MB without a space', () => analyze(text, { tokens: true }));
    assertSpans(r, text.length, '10 MB');
    assert.deepEqual(r.sentences, [{ start: 0, end: text.length }]);
    assert.deepEqual(r.tokens.map(({ start, end }) => [start, end]), [[0, text.length]]);
    throwsCode(() => analyze('x'.repeat(LIMIT + 1)), RangeError, 'text_too_large', 'limit + 1');
    assert.match(
      (() => { try { analyze('x'.repeat(LIMIT + 1)); } catch (e) { return e.message; } })(),
      /16777217 UTF-16 code units .*16777216/,
    );
    assertHealthy();
  });

  test('ordinary text right at the limit', (t) => {
    const text = PARAGRAPH.repeat(Math.ceil(LIMIT / PARAGRAPH.length)).slice(0, LIMIT);
    assert.equal(text.length, LIMIT);
    const r = timed(t, `analyze ${LIMIT} units of news`, () => analyze(text));
    assertSpans(r, text.length, 'at the limit');
    assert.ok(r.stats.sentences > 50_000);
    assertHealthy();
  });

  test('no space at the limit', (t) => {
    const text = 'x'.repeat(LIMIT);
    const r = timed(t, `analyze ${LIMIT} units without a space`, () => analyze(text));
    assertSpans(r, text.length, 'no space');
    assert.deepEqual(r.sentences, [{ start: 0, end: LIMIT }]);
    assertHealthy();
  });
});

describe('arguments of the wrong type', () => {
  test('options of every wrong type: invalid_options', () => {
    const cases = [
      5, 'tokens', true, [], [{ tokens: true }], () => ({}), Symbol('options'), 10n,
      new Map([['tokens', true]]), new Date(), /tokens/,
      { tokens: 'yes' }, { tokens: 1 }, { tokens: null }, { tokens: { nested: true } }, { tokens: [true] },
      { offsets: 'bytes' }, { offsets: 16 }, { offsets: { unit: 'utf8' } }, { offsets: ['utf8'] }, { offsets: 'UTF16' },
      { language: 'fr' }, { language: null }, { language: ['id'] }, { language: 'ID' }, { language: 1 },
      { keywords: -1 }, { keywords: 1.5 }, { keywords: '5' }, { keywords: NaN }, { keywords: Infinity },
      { keywords: 2 ** 32 }, { keywords: 10n }, { keywords: true }, { keywords: [5] },
      { unknown: 1 }, { Tokens: true }, { tokens: true, extra: undefined, other: 0 },
    ];
    for (const options of cases) {
      const what = typeof options === 'object' && options !== null && !Array.isArray(options) && Object.getPrototypeOf(options) === Object.prototype
        ? `{${Object.keys(options).join(', ')}}` : Object.prototype.toString.call(options);
      throwsCode(() => analyze(PROBE, options), Error, 'invalid_options', what);
      throwsCode(() => analyzeCorpus([PROBE], options), Error, 'invalid_options', `corpus ${what}`);
    }
  });

  test('options that mean the defaults', () => {
    // null or undefined options, a field set to undefined, and (as the API test pins) a
    // null `offsets` or `keywords`, which are optional in the core.
    for (const options of [undefined, null, {}, Object.create(null), { tokens: undefined }, { offsets: null }, { keywords: null }]) {
      assert.deepEqual(analyze(PROBE, options), BASELINE);
    }
  });

  test('text that is not a string: invalid_text', () => {
    const cases = [42, 0, NaN, {}, { text: PROBE }, undefined, null, true, Buffer.from(PROBE), new Uint16Array(4), [PROBE], new String(PROBE), Symbol('text'), 10n, () => PROBE];
    for (const text of cases) {
      const what = Object.prototype.toString.call(text);
      throwsCode(() => analyze(text), TypeError, 'invalid_text', what);
      throwsCode(() => analyze(text, { tokenz: true }), TypeError, 'invalid_text', `${what} before options`);
      throwsCode(() => analyzeCorpus([PROBE, text]), TypeError, 'invalid_text', `corpus ${what}`);
    }
    for (const texts of [PROBE, undefined, null, 5, { 0: PROBE, length: 1 }, new Set([PROBE])]) {
      throwsCode(() => analyzeCorpus(texts), TypeError, 'invalid_text', `texts ${Object.prototype.toString.call(texts)}`);
    }
  });
});

describe('long sentences', () => {
  // Known names in one long sentence once cost time with the square of their number (every
  // gazetteer run compared with every name piece); sequences are now cut at 256 tokens for
  // the tagger. Times are compared within this run (8× the text must take far less than
  // 64× the time), not against a clock.
  test('a long sentence of known names is analyzed in linear time', () => {
    const best = (text) => {
      let t = Infinity;
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        analyze(text);
        t = Math.min(t, performance.now() - started);
      }
      return t;
    };
    for (const unit of ['AS, ', 'Jakarta, ', 'Mr. Lee of the Ministry of Health, ']) {
      const small = best(unit.repeat(Math.ceil(12_500 / unit.length)));
      const large = best(unit.repeat(Math.ceil(100_000 / unit.length)));
      assert.ok(large / small < 24, `${JSON.stringify(unit)}: 8× the text took ${(large / small).toFixed(1)}× the time`);
    }
  });
});
