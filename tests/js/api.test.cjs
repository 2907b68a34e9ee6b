// The same package through the CommonJS entry (`js/node.cjs`): loads synchronously with
// require(), analyzes, reports errors with codes and speaks UTF-16 offsets by default.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { join } = require('node:path');
const { readFileSync } = require('node:fs');

const kupas = require('../../js/node.cjs');
const { analyze, version, init } = kupas;
const packageJson = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));

const slice = (text, span) => text.slice(span.start, span.end);
const TEXT = '😀Kim Jong-un tiba di Jakarta pada 18/6/2024.\r\nIa membayar Rp1.500.000,00 dengan kafe\u0301!';

test('exports analyze, version and init', async () => {
  assert.equal(typeof analyze, 'function');
  assert.equal(typeof version, 'function');
  assert.equal(typeof init, 'function');
  assert.equal(version(), packageJson.version);
  assert.equal(await init(), undefined);
});

test('analyzes with UTF-16 offsets by default', () => {
  const r = analyze(TEXT, { tokens: true });
  assert.deepEqual(
    r.sentences.map((s) => slice(TEXT, s)),
    ['😀Kim Jong-un tiba di Jakarta pada 18/6/2024.', 'Ia membayar Rp1.500.000,00 dengan kafe\u0301!'],
  );
  const surfaces = r.tokens.map((t) => slice(TEXT, t));
  for (const s of ['😀', 'Kim', 'Jong-un', '18/6/2024', 'Rp', '1.500.000,00', 'kafe\u0301']) {
    assert.ok(surfaces.includes(s), `${JSON.stringify(s)} in ${JSON.stringify(surfaces)}`);
  }
  assert.equal(r.stats.sentences, 2);
  assert.equal(r.stats.words, r.tokens.filter((t) => t.kind !== 'punct' && t.kind !== 'symbol').length);
  assert.equal(r.stats.characters, [...TEXT].length);
  assert.deepEqual(JSON.parse(JSON.stringify(r)), r);
  assert.equal('tokens' in analyze(TEXT), false);
});

test("'utf8' and 'codepoints' offsets", () => {
  const kim = (offsets) => analyze(TEXT, { tokens: true, offsets }).tokens[1];
  const bytes = Buffer.from(TEXT, 'utf8');
  const u8 = kim('utf8');
  assert.equal(bytes.subarray(u8.start, u8.end).toString('utf8'), 'Kim');
  assert.deepEqual([u8.start, u8.end], [4, 7]);
  const cp = kim('codepoints');
  assert.equal([...TEXT].slice(cp.start, cp.end).join(''), 'Kim');
  assert.deepEqual([cp.start, cp.end], [1, 4]);
  const u16 = kim('utf16');
  assert.deepEqual([u16.start, u16.end], [2, 5]);
});

test('errors carry stable codes', () => {
  assert.throws(() => analyze(42), (e) => e instanceof TypeError && e.code === 'invalid_text');
  assert.throws(() => analyze(Buffer.from('x')), (e) => e instanceof TypeError && e.code === 'invalid_text');
  assert.throws(
    () => analyze('x', { tokenz: true }),
    (e) => e instanceof Error && e.code === 'invalid_options' && e.message.includes('tokenz'),
  );
  assert.throws(
    () => analyze('x', { offsets: 'bytes' }),
    (e) => e.code === 'invalid_options' && e.message.includes('offsets'),
  );
  assert.throws(() => analyze('x', 'tokens'), (e) => e.code === 'invalid_options');
  assert.throws(() => analyze('x', [true]), (e) => e.code === 'invalid_options');
  // Still working afterwards; null options are the defaults.
  assert.equal(analyze('Ia pulang. Kami tinggal.', null).stats.sentences, 2);
});

test('language detection', () => {
  const id = analyze(
    'Warga desa mengatakan bahwa air sungai sudah naik sejak pagi, dan petugas akan membuka posko ' +
      'bantuan di balai desa untuk mereka yang tidak dapat pulang.',
  ).language;
  assert.equal(id.code, 'id');
  assert.ok(id.confidence > 0.8, String(id.confidence));
  const en = analyze(
    'Villagers said that the river had been rising since the morning, and officials were opening ' +
      'a shelter in the town hall for those who could not go home.',
  ).language;
  assert.equal(en.code, 'en');
  assert.ok(en.confidence > 0.8, String(en.confidence));
});

test('the ESM and CJS entries give the same result', async () => {
  const esm = await import('../../js/node.mjs');
  assert.deepEqual(esm.analyze(TEXT, { tokens: true }), analyze(TEXT, { tokens: true }));
});
