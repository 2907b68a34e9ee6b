// The public API through the Node ESM entry (`js/node.mjs`), against the built package in
// pkg/. Every span is checked by slicing the original text, never by comparing numbers.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { analyze, analyzeCorpus, version, init } from '../../js/node.mjs';

const root = new URL('../../', import.meta.url);
const fixtures = new URL('tests/fixtures/', root);
const packageJson = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

const slice = (text, span) => text.slice(span.start, span.end);
const surfaces = (text, spans) => spans.map((s) => slice(text, s));
const tokensOf = (text, options = {}) => analyze(text, { tokens: true, ...options }).tokens;
const WORDLIKE = new Set(['word', 'number', 'date', 'time', 'url', 'email', 'mention', 'hashtag']);
const KINDS = new Set([...WORDLIKE, 'punct', 'symbol']);

/** Finds the one token whose surface is `surface` (fails when absent). */
function token(text, tokens, surface) {
  const found = tokens.find((t) => slice(text, t) === surface);
  assert.ok(found, `no token ${JSON.stringify(surface)} in ${JSON.stringify(surfaces(text, tokens))}`);
  return found;
}

/**
 * Every span is non-empty, carries no surrounding whitespace, lies inside the text and
 * comes after the previous one without overlapping it.
 */
function assertSpans(text, spans, what, length = text.length) {
  let previousEnd = 0;
  for (const [i, span] of spans.entries()) {
    const label = `${what}[${i}] ${JSON.stringify(span)}`;
    assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${label}: integer offsets`);
    assert.ok(span.start < span.end, `${label}: non-empty`);
    assert.ok(span.start >= previousEnd, `${label}: ordered and not overlapping`);
    assert.ok(span.end <= length, `${label}: inside the text`);
    previousEnd = span.end;
  }
  if (length !== text.length) return; // only UTF-16 spans slice a JS string directly
  for (const [i, span] of spans.entries()) {
    const surface = slice(text, span);
    assert.ok(surface.length > 0, `${what}[${i}] is empty`);
    assert.doesNotMatch(surface, /^\s|\s$/u, `${what}[${i}] ${JSON.stringify(surface)} has outer whitespace`);
  }
}

/** The invariants that hold for any text: spans, token ↔ sentence, stats. */
function assertInvariants(text) {
  const r = analyze(text, { tokens: true });
  assertSpans(text, r.sentences, 'sentences');
  assertSpans(text, r.tokens, 'tokens');
  let previousSentence = 0;
  for (const t of r.tokens) {
    assert.ok(KINDS.has(t.kind), `unknown kind ${t.kind}`);
    assert.ok(t.sentence >= previousSentence, 'token sentences are in order');
    previousSentence = t.sentence;
    const s = r.sentences[t.sentence];
    assert.ok(s, `token sentence ${t.sentence} exists`);
    assert.ok(s.start <= t.start && t.end <= s.end, `token ${JSON.stringify(slice(text, t))} inside its sentence`);
    assert.equal(typeof t.shape, 'string');
    assert.ok(t.shape.length > 0);
    assert.equal(typeof t.key, 'string');
    assert.ok(t.key.length > 0);
  }
  // Page furniture is left out of the counts.
  assertSpans(text, r.boilerplate, 'boilerplate');
  const inFurniture = (span) => r.boilerplate.some((b) => b.start <= span.start && span.end <= b.end);
  assert.equal(r.stats.sentences, r.sentences.filter((s) => !inFurniture(s)).length);
  assert.equal(r.stats.words, r.tokens.filter((t) => WORDLIKE.has(t.kind) && !inFurniture(t)).length);
  let previousScore = 1;
  for (const k of r.keywords) {
    assert.ok(k.score > 0 && k.score <= previousScore, `scores descend: ${k.text}`);
    previousScore = k.score;
    assert.equal(k.count, k.occurrences.length);
    assertSpans(text, k.occurrences, `occurrences of ${k.text}`);
    for (const o of k.occurrences) assert.ok(!inFurniture(o), `${k.text} outside furniture`);
  }
  assert.equal(r.stats.characters, [...text].length);
  assert.equal(r.stats.readingMinutes, Math.ceil(r.stats.words / 230));
  return r;
}

// Own test strings (not taken from any article).
const ID_NEWS =
  'Presiden tiba di Jakarta pada 18/6/2024. Ia disambut Kim Jong-un dan negara-negara sahabat. ' +
  'Kasus COVID-19 turun.';
const ID_PARAGRAPH =
  'Pemerintah kota mengumumkan bahwa jembatan baru di tepi sungai akan dibuka untuk umum pada pekan ' +
  'depan. Wali kota mengatakan proyek itu sudah selesai lebih cepat dari jadwal, dan warga dapat ' +
  'melintas tanpa biaya.';
const EN_PARAGRAPH =
  'The city council said on Monday that the new bridge over the river would open to the public next ' +
  'week. The mayor told reporters that the project had been finished ahead of schedule and that ' +
  'residents could cross it for free.';
const DE_PARAGRAPH =
  'Die Stadtverwaltung teilte am Montag mit, dass die neue Brücke über den Fluss nächste Woche für ' +
  'alle Bürger geöffnet wird. Der Bürgermeister sagte, das Projekt sei früher fertig geworden als geplant.';
const RU_PARAGRAPH =
  'Городские власти в понедельник сообщили, что новый мост через реку откроют для всех жителей на ' +
  'следующей неделе. Мэр сказал, что работы закончили раньше срока.';
// Emoji glued to a word, a combining accent, Cyrillic, NBSP, CRLF, full-width letters and
// digits, a soft hyphen, a zero-width space, a ZWJ family, a flag and a skin tone.
const UNICODE_MIX =
  '😀Kim datang ke kafe\u0301 kota. Сергей\u00A0Иванов ikut.\r\n' +
  'Rapat ＰＢＢ ke-１２ dihadiri １２ negara; kun\u00ADjungan\u200B resmi berlanjut.\r\n\r\n' +
  '👨\u200D👩\u200D👧 keluarga 🇮🇩 hadir 👍🏽!';

describe('result shape', () => {
  test('has the documented fields with the documented types', () => {
    const r = analyze(ID_NEWS);
    assert.deepEqual(Object.keys(r).sort(), [
      'boilerplate',
      'entities',
      'keywords',
      'language',
      'notes',
      'sentences',
      'stats',
    ]);
    assert.deepEqual(Object.keys(r.language).sort(), ['code', 'confidence']);
    assert.deepEqual(Object.keys(r.stats).sort(), ['characters', 'readingMinutes', 'sentences', 'words']);
    assert.ok(['id', 'en', 'other'].includes(r.language.code));
    assert.ok(r.language.confidence >= 0 && r.language.confidence <= 1);
    for (const value of Object.values(r.stats)) assert.ok(Number.isInteger(value) && value >= 0);
    assert.ok(Array.isArray(r.sentences) && Array.isArray(r.keywords) && Array.isArray(r.entities));
    for (const s of r.sentences) assert.deepEqual(Object.keys(s).sort(), ['end', 'start']);
  });

  test('tokens are absent unless asked for', () => {
    assert.equal('tokens' in analyze(ID_NEWS), false);
    assert.equal('tokens' in analyze(ID_NEWS, {}), false);
    assert.equal('tokens' in analyze(ID_NEWS, { tokens: false }), false);
    const tokens = analyze(ID_NEWS, { tokens: true }).tokens;
    assert.ok(Array.isArray(tokens) && tokens.length > 0);
    for (const t of tokens) {
      assert.deepEqual(Object.keys(t).sort(), ['end', 'key', 'kind', 'sentence', 'shape', 'start']);
    }
  });

  test('is plain data: the JSON round trip is lossless', () => {
    for (const text of [ID_NEWS, UNICODE_MIX, '']) {
      const r = analyze(text, { tokens: true });
      assert.deepEqual(JSON.parse(JSON.stringify(r)), r);
      assert.equal(Object.getPrototypeOf(r), Object.prototype);
      assert.equal(Object.getPrototypeOf(r.stats), Object.prototype);
    }
  });

  test('is deterministic', () => {
    assert.deepEqual(analyze(UNICODE_MIX, { tokens: true }), analyze(UNICODE_MIX, { tokens: true }));
  });

  test('empty and blank text give empty results', () => {
    for (const text of ['', '   ', '\r\n\t\u00A0']) {
      const r = analyze(text, { tokens: true });
      assert.deepEqual(r.sentences, []);
      assert.deepEqual(r.tokens, []);
      assert.equal(r.stats.words, 0);
      assert.equal(r.stats.sentences, 0);
      assert.equal(r.stats.readingMinutes, 0);
      assert.equal(r.stats.characters, [...text].length);
      assert.deepEqual(r.language, { code: 'other', confidence: 0 });
    }
  });

  test('version() is the package version; init() resolves in Node', async () => {
    assert.equal(version(), packageJson.version);
    assert.equal(await init(), undefined);
    assert.equal(await init(), undefined);
    assert.ok(analyze('Ia pulang.').sentences.length === 1);
  });
});

describe('sentences and tokens slice to their surfaces', () => {
  test('Indonesian news sentences', () => {
    const r = analyze(ID_NEWS);
    assert.deepEqual(surfaces(ID_NEWS, r.sentences), [
      'Presiden tiba di Jakarta pada 18/6/2024.',
      'Ia disambut Kim Jong-un dan negara-negara sahabat.',
      'Kasus COVID-19 turun.',
    ]);
  });

  test('names, reduplication, codes and dates are single tokens', () => {
    const tokens = tokensOf(ID_NEWS);
    assert.deepEqual(surfaces(ID_NEWS, tokens), [
      'Presiden', 'tiba', 'di', 'Jakarta', 'pada', '18/6/2024', '.',
      'Ia', 'disambut', 'Kim', 'Jong-un', 'dan', 'negara-negara', 'sahabat', '.',
      'Kasus', 'COVID-19', 'turun', '.',
    ]);
    assert.equal(token(ID_NEWS, tokens, '18/6/2024').kind, 'date');
    assert.equal(token(ID_NEWS, tokens, 'Jong-un').kind, 'word');
    assert.equal(token(ID_NEWS, tokens, 'negara-negara').kind, 'word');
    const covid = token(ID_NEWS, tokens, 'COVID-19');
    assert.equal(covid.kind, 'word');
    assert.equal(covid.key, 'covid-19');
    assert.equal(covid.shape, 'XXXX-dd');
    assert.equal(token(ID_NEWS, tokens, 'Kim').shape, 'Xxx');
    assert.deepEqual(tokens.map((t) => t.sentence), [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2]);
  });

  test('money, URL, e-mail and clock time', () => {
    const text =
      'Harga naik menjadi Rp1.500.000,00 per bulan. Info di https://contoh.example.id/berita?id=3 ' +
      'atau surel redaksi@contoh.co.id pukul 14.30 WIB.';
    const r = analyze(text, { tokens: true });
    assert.deepEqual(surfaces(text, r.sentences), [
      'Harga naik menjadi Rp1.500.000,00 per bulan.',
      'Info di https://contoh.example.id/berita?id=3 atau surel redaksi@contoh.co.id pukul 14.30 WIB.',
    ]);
    assert.equal(token(text, r.tokens, 'Rp').kind, 'word');
    assert.equal(token(text, r.tokens, '1.500.000,00').kind, 'number');
    assert.equal(token(text, r.tokens, 'https://contoh.example.id/berita?id=3').kind, 'url');
    assert.equal(token(text, r.tokens, 'redaksi@contoh.co.id').kind, 'email');
    assert.equal(token(text, r.tokens, '14.30').kind, 'time');
    // The final period is punctuation, not part of the e-mail or the URL.
    assert.equal(slice(text, r.tokens.at(-1)), '.');
    assert.equal(r.tokens.at(-1).kind, 'punct');
  });

  test('abbreviations do not end sentences; other kinds', () => {
    const text =
      'Dr. Budi tiba di A.S. pukul 02.45 pada 2024-06-18. Kontak @redaksi #banjir www.contoh.id, naik 50%.';
    const r = analyze(text, { tokens: true });
    assert.deepEqual(surfaces(text, r.sentences), [
      'Dr. Budi tiba di A.S. pukul 02.45 pada 2024-06-18.',
      'Kontak @redaksi #banjir www.contoh.id, naik 50%.',
    ]);
    const kinds = Object.fromEntries(r.tokens.map((t) => [slice(text, t), t.kind]));
    assert.equal(kinds['Dr.'], 'word');
    assert.equal(kinds['A.S.'], 'word');
    assert.equal(kinds['02.45'], 'time');
    assert.equal(kinds['2024-06-18'], 'date');
    assert.equal(kinds['@redaksi'], 'mention');
    assert.equal(kinds['#banjir'], 'hashtag');
    assert.equal(kinds['www.contoh.id'], 'url');
    assert.equal(kinds['50'], 'number');
    assert.equal(kinds['%'], 'symbol');
  });

  test('quotes and a parenthesised caption', () => {
    const text = 'Harga naik. "Kami kecewa," katanya. (Foto: Antara)';
    assert.deepEqual(surfaces(text, analyze(text).sentences), [
      'Harga naik.',
      '"Kami kecewa," katanya.',
      '(Foto: Antara)',
    ]);
  });

  test('English sentences and tokens', () => {
    const text = 'The U.S. envoy met Kim Jong-un at 10:30. Prices rose 1,000.50 points!';
    const r = analyze(text, { tokens: true });
    assert.deepEqual(surfaces(text, r.sentences), [
      'The U.S. envoy met Kim Jong-un at 10:30.',
      'Prices rose 1,000.50 points!',
    ]);
    assert.equal(token(text, r.tokens, 'U.S.').kind, 'word');
    assert.equal(token(text, r.tokens, '10:30').kind, 'time');
    assert.equal(token(text, r.tokens, '1,000.50').kind, 'number');
  });
});

describe('UTF-16 offsets on non-ASCII text', () => {
  test('invariants hold on the mixed-Unicode string', () => {
    assertInvariants(UNICODE_MIX);
  });

  test('sentences are trimmed of NBSP and CRLF', () => {
    const r = analyze(UNICODE_MIX);
    assert.deepEqual(surfaces(UNICODE_MIX, r.sentences), [
      '😀Kim datang ke kafe\u0301 kota.',
      'Сергей\u00A0Иванов ikut.',
      'Rapat ＰＢＢ ke-１２ dihadiri １２ negara; kun\u00ADjungan\u200B resmi berlanjut.',
      '👨\u200D👩\u200D👧 keluarga 🇮🇩 hadir 👍🏽!',
    ]);
    const text = '\u00A0 Kalimat pertama.\u00A0\r\nKalimat kedua!\r\n\r\n  ';
    assert.deepEqual(surfaces(text, analyze(text).sentences), ['Kalimat pertama.', 'Kalimat kedua!']);
  });

  test('key tokens slice to the expected surface', () => {
    const tokens = tokensOf(UNICODE_MIX);
    const at = (surface) => token(UNICODE_MIX, tokens, surface);
    assert.equal(at('😀').kind, 'symbol');
    assert.equal(at('Kim').kind, 'word'); // the emoji before it is 2 UTF-16 units
    assert.equal(at('kafe\u0301').key, 'kaf\u00E9'); // the combining mark stays with its letter; key is NFKC
    assert.equal(at('Сергей').kind, 'word');
    assert.equal(at('Иванов').key, 'иванов');
    assert.equal(at('ＰＢＢ').key, 'pbb');
    assert.equal(at('ke-１２').kind, 'word');
    assert.equal(at('１２').kind, 'number');
    assert.equal(at('１２').key, '12');
    assert.equal(at('kun\u00ADjungan').key, 'kunjungan');
    assert.equal(at('👨\u200D👩\u200D👧').kind, 'symbol'); // one ZWJ sequence, not three emoji
    assert.equal(at('🇮🇩').kind, 'symbol'); // one flag, not two regional indicators
    assert.equal(at('👍🏽').kind, 'symbol'); // the skin tone stays with its emoji
    assert.equal(at('hadir').sentence, 3);
    // Nothing is split inside a surrogate pair.
    for (const t of tokens) {
      assert.ok(!/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(slice(UNICODE_MIX, t)), 'surrogate pair split');
    }
  });

  test('invariants hold on every fixture', () => {
    const files = readdirSync(fixtures).filter((f) => f.endsWith('.txt'));
    assert.ok(files.length >= 3);
    for (const file of files) {
      const text = readFileSync(new URL(file, fixtures), 'utf8');
      const r = assertInvariants(text);
      assert.ok(r.sentences.length > 0, file);
    }
  });

  test('lone surrogates do not throw and offsets stay aligned', () => {
    for (const text of ['a\uD800b Kim', 'Kim \uDC00datang.', '\uD83D', 'x\uDBFF\uDBFFy Jong-un']) {
      const r = assertInvariants(text);
      assert.ok(r.tokens.length > 0, JSON.stringify(text));
    }
    const text = 'a\uD800b Kim';
    const tokens = tokensOf(text);
    assert.equal(token(text, tokens, 'Kim').start, 4);
    assert.equal(token(text, tokens, 'b').start, 2);
    assert.equal(token(text, tokens, '\uD800').key, '\uFFFD');
    assert.equal(analyze(text).stats.characters, 7); // the lone surrogate is one code point
  });
});

describe('offset units', () => {
  const texts = [ID_NEWS, UNICODE_MIX, 'a\uD800b Kim', RU_PARAGRAPH, readFileSync(new URL('unicode_mix.txt', fixtures), 'utf8')];

  /** The same span in three units must cover the same characters. */
  function assertSameSurfaces(text, u16, u8, cp, what) {
    assert.equal(u8.length, u16.length, `${what}: same count in utf8`);
    assert.equal(cp.length, u16.length, `${what}: same count in codepoints`);
    const bytes = Buffer.from(text, 'utf8');
    const points = [...text];
    assertSpans(text, u8, `${what} utf8`, bytes.length);
    assertSpans(text, cp, `${what} codepoints`, points.length);
    // A lone surrogate reaches the core as U+FFFD: that is what Buffer.from makes of it too.
    const wellFormed = (s) => Buffer.from(s, 'utf8').toString('utf8');
    for (let i = 0; i < u16.length; i++) {
      const expected = wellFormed(slice(text, u16[i]));
      assert.equal(bytes.subarray(u8[i].start, u8[i].end).toString('utf8'), expected, `${what}[${i}] utf8`);
      assert.equal(wellFormed(points.slice(cp[i].start, cp[i].end).join('')), expected, `${what}[${i}] codepoints`);
    }
  }

  test("'utf8' and 'codepoints' spans cover the same text as 'utf16'", () => {
    for (const text of texts) {
      const u16 = analyze(text, { tokens: true, offsets: 'utf16' });
      const u8 = analyze(text, { tokens: true, offsets: 'utf8' });
      const cp = analyze(text, { tokens: true, offsets: 'codepoints' });
      assertSameSurfaces(text, u16.sentences, u8.sentences, cp.sentences, 'sentences');
      assertSameSurfaces(text, u16.tokens, u8.tokens, cp.tokens, 'tokens');
      assertSameSurfaces(text, u16.boilerplate, u8.boilerplate, cp.boilerplate, 'boilerplate');
      u16.keywords.forEach((k, i) =>
        assertSameSurfaces(text, k.occurrences, u8.keywords[i].occurrences, cp.keywords[i].occurrences, k.text),
      );
      u16.entities.forEach((e, i) =>
        assertSameSurfaces(text, e.mentions, u8.entities[i].mentions, cp.entities[i].mentions, e.text),
      );
      // Only the spans differ between units.
      const strip = (r) => ({
        ...r,
        sentences: null,
        tokens: r.tokens.map(({ start, end, ...t }) => t),
        boilerplate: r.boilerplate.map(({ start, end, ...b }) => b),
        keywords: r.keywords.map(({ occurrences, ...k }) => k),
        entities: r.entities.map(({ mentions, ...e }) => e),
      });
      assert.deepEqual(strip(u8), strip(u16));
      assert.deepEqual(strip(cp), strip(u16));
    }
  });

  test("'utf16' is the default", () => {
    assert.deepEqual(analyze(UNICODE_MIX, { tokens: true }), analyze(UNICODE_MIX, { tokens: true, offsets: 'utf16' }));
    assert.deepEqual(analyze(UNICODE_MIX), analyze(UNICODE_MIX, { offsets: null }));
  });

  test('concrete offsets after an emoji', () => {
    const text = '😀 Kim';
    const find = (offsets) => analyze(text, { tokens: true, offsets }).tokens.at(-1);
    assert.deepEqual([find('utf16').start, find('utf16').end], [3, 6]);
    assert.deepEqual([find('utf8').start, find('utf8').end], [5, 8]);
    assert.deepEqual([find('codepoints').start, find('codepoints').end], [2, 5]);
  });

  test('ASCII text has identical spans in every unit', () => {
    const a = analyze(ID_NEWS, { tokens: true, offsets: 'utf8' });
    assert.deepEqual(a, analyze(ID_NEWS, { tokens: true, offsets: 'utf16' }));
    assert.deepEqual(a, analyze(ID_NEWS, { tokens: true, offsets: 'codepoints' }));
  });
});

describe('options are decoded strictly', () => {
  /** Asserts that `fn` throws an Error with `code` whose message mentions every `words`. */
  function assertThrowsCode(fn, Type, code, words) {
    assert.throws(fn, (error) => {
      assert.ok(error instanceof Type, `expected a ${Type.name}, got ${error?.constructor?.name}`);
      assert.equal(error.code, code);
      for (const word of words) assert.ok(error.message.includes(word), `${JSON.stringify(error.message)} names ${word}`);
      return true;
    });
  }
  const invalidOptions = (options, ...words) => assertThrowsCode(() => analyze('Ia pulang.', options), Error, 'invalid_options', words);

  test('unknown keys are named', () => {
    invalidOptions({ tokenz: true }, 'tokenz');
    invalidOptions({ tokens: true, offset: 'utf8' }, 'offset');
    invalidOptions({ Language: 'id' }, 'Language');
    invalidOptions({ reading_minutes: 1 }, 'reading_minutes');
  });

  test('wrong types are named by field', () => {
    invalidOptions({ tokens: 'yes' }, 'tokens');
    invalidOptions({ tokens: 1 }, 'tokens');
    invalidOptions({ tokens: null }, 'tokens');
    invalidOptions({ tokens: {} }, 'tokens');
    invalidOptions({ offsets: 8 }, 'offsets');
    invalidOptions({ offsets: true }, 'offsets');
    invalidOptions({ offsets: ['utf8'] }, 'offsets');
    invalidOptions({ language: true }, 'language');
    invalidOptions({ language: 0 }, 'language');
    invalidOptions({ entities: 'no' }, 'entities');
    invalidOptions({ entities: 0 }, 'entities');
    invalidOptions({ entities: null }, 'entities');
  });

  test('bad enum values are named with the value', () => {
    invalidOptions({ offsets: 'bytes' }, 'offsets', 'bytes');
    invalidOptions({ offsets: 'UTF16' }, 'offsets', 'UTF16');
    invalidOptions({ offsets: 'utf-16' }, 'offsets', 'utf-16');
    invalidOptions({ language: 'de' }, 'language', 'de');
    invalidOptions({ language: 'ID' }, 'language', 'ID');
    invalidOptions({ language: '' }, 'language');
  });

  test('options that are not an object', () => {
    invalidOptions('tokens', 'options', 'string');
    invalidOptions(5, 'options', 'number');
    invalidOptions(true, 'options', 'boolean');
    invalidOptions([], 'options', 'array');
    invalidOptions([{ tokens: true }], 'options', 'array');
  });

  test('null, undefined and {} mean the defaults', () => {
    const expected = analyze(ID_NEWS);
    assert.deepEqual(analyze(ID_NEWS, null), expected);
    assert.deepEqual(analyze(ID_NEWS, undefined), expected);
    assert.deepEqual(analyze(ID_NEWS, {}), expected);
    assert.deepEqual(analyze(ID_NEWS, { language: 'auto', tokens: false, offsets: 'utf16' }), expected);
    assert.deepEqual(analyze(ID_NEWS, { entities: true }), expected);
  });

  test('entities: false skips entities and changes nothing else', () => {
    const full = analyze(ID_NEWS);
    assert.ok(full.entities.some((e) => e.label === 'PERSON') && full.entities.some((e) => e.label === 'DATE'));
    const bare = analyze(ID_NEWS, { entities: false });
    assert.deepEqual(bare.entities, []);
    assert.deepEqual({ ...bare, entities: full.entities }, full);
    const corpus = analyzeCorpus([ID_NEWS, ID_NEWS], { entities: false });
    assert.deepEqual(corpus.entities, []);
    assert.deepEqual(corpus.documents.map((d) => d.entities), [[], []]);
  });

  test('an option set to undefined is treated as omitted', () => {
    // `{ tokens: flag }` with `flag` undefined is valid TypeScript for `tokens?: boolean`.
    assert.deepEqual(analyze(ID_NEWS, { tokens: undefined }), analyze(ID_NEWS));
    assert.deepEqual(analyze(ID_NEWS, { language: undefined }), analyze(ID_NEWS));
  });

  test('language can be forced', () => {
    assert.deepEqual(analyze(EN_PARAGRAPH, { language: 'id' }).language, { code: 'id', confidence: 1 });
    assert.deepEqual(analyze(ID_PARAGRAPH, { language: 'en' }).language, { code: 'en', confidence: 1 });
  });

  test('text that is not a string is a TypeError with invalid_text', () => {
    const invalidText = (value, word) => assertThrowsCode(() => analyze(value), TypeError, 'invalid_text', ['text', word]);
    invalidText(42, 'number');
    invalidText(null, 'null');
    invalidText(undefined, 'undefined');
    invalidText({ text: 'Ia pulang.' }, 'object');
    invalidText(Buffer.from('Ia pulang.'), 'object');
    invalidText(['Ia pulang.'], 'array');
    assertThrowsCode(() => analyze(), TypeError, 'invalid_text', ['text']);
    // The text is checked before the options.
    assertThrowsCode(() => analyze(7, { tokenz: true }), TypeError, 'invalid_text', ['text']);
  });

  test('the module keeps working after errors', () => {
    const before = analyze(UNICODE_MIX, { tokens: true });
    for (let i = 0; i < 200; i++) {
      assert.throws(() => analyze(i, {}), { code: 'invalid_text' });
      assert.throws(() => analyze('x', { tokens: i }), { code: 'invalid_options' });
      assert.throws(() => analyze('x', { ['k' + i]: 1 }), { code: 'invalid_options' });
    }
    assert.deepEqual(analyze(UNICODE_MIX, { tokens: true }), before);
  });
});

describe('language detection', () => {
  test('Indonesian paragraph', () => {
    const { code, confidence } = analyze(ID_PARAGRAPH).language;
    assert.equal(code, 'id');
    assert.ok(confidence > 0.8, `confidence ${confidence}`);
  });

  test('English paragraph', () => {
    const { code, confidence } = analyze(EN_PARAGRAPH).language;
    assert.equal(code, 'en');
    assert.ok(confidence > 0.8, `confidence ${confidence}`);
  });

  test('German and Russian are "other"', () => {
    for (const text of [DE_PARAGRAPH, RU_PARAGRAPH]) {
      const { code, confidence } = analyze(text).language;
      assert.equal(code, 'other');
      assert.ok(confidence > 0.8, `confidence ${confidence}`);
    }
  });

  test('a short text is less certain than a paragraph', () => {
    const short = analyze('Putin tiba di Pyongyang.').language;
    assert.equal(short.code, 'id');
    assert.ok(short.confidence < analyze(ID_PARAGRAPH).language.confidence);
  });

  test('the fixtures are recognised', () => {
    const id = analyze(readFileSync(new URL('id_banjir.txt', fixtures), 'utf8')).language;
    const en = analyze(readFileSync(new URL('en_summit.txt', fixtures), 'utf8')).language;
    assert.equal(id.code, 'id');
    assert.equal(en.code, 'en');
    assert.ok(id.confidence > 0.8 && en.confidence > 0.8, `${id.confidence} ${en.confidence}`);
  });
});

describe('stats', () => {
  test('counts agree with the spans', () => {
    for (const text of [ID_NEWS, ID_PARAGRAPH, EN_PARAGRAPH, UNICODE_MIX]) assertInvariants(text);
    const r = analyze(ID_NEWS, { tokens: true });
    assert.equal(r.stats.words, 16); // 19 tokens minus 3 periods
  });

  test('reading minutes round up at 230 words a minute', () => {
    const words = (n) => Array.from({ length: n }, (_, i) => `kata${i % 7}`).join(' ') + '.';
    assert.equal(analyze(words(1)).stats.readingMinutes, 1);
    assert.equal(analyze(words(230)).stats.readingMinutes, 1);
    assert.equal(analyze(words(231)).stats.readingMinutes, 2);
    assert.equal(analyze(words(231)).stats.words, 231);
  });

  test('a large text is analysed in full', () => {
    const text = (ID_PARAGRAPH + '\n\n' + UNICODE_MIX + '\n').repeat(400);
    const one = assertInvariants(ID_PARAGRAPH + '\n\n' + UNICODE_MIX + '\n');
    const r = assertInvariants(text);
    assert.equal(r.stats.sentences, one.stats.sentences * 400);
    assert.equal(r.stats.words, one.stats.words * 400);
  });
});
