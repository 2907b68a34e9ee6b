// Entities through the Node ESM entry, on texts written for these tests: names, values with
// their normalised forms, sources, and entities linked across a set. Spans are checked by
// slicing the original text, in UTF-16 code units.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, analyzeCorpus } from '../../js/node.mjs';

const slice = (text, span) => text.slice(span.start, span.end);
const find = (r, label, text) => r.entities.find((e) => e.label === label && e.text === text);
const list = (r) => r.entities.map((e) => `${e.label}:${e.text}`).join(' | ');

// An emoji first, so that UTF-16 offsets differ from code points and bytes.
const STORY =
  '🌧️ Bandung, Kamis (14/3/2024) - Gubernur Ridwan Santoso meresmikan waduk baru di ' +
  'Kabupaten Garut, Jawa Barat, senilai Rp2,5 triliun pada pukul 09.30 WIB. Waduk itu menampung 40 juta ' +
  'meter kubik air dan mengairi 12.000 hektare sawah. Ridwan mengatakan harga gabah naik 3,5 persen ' +
  'sejak Januari 2024, melansir Kabar Priangan. Informasi: https://contoh.go.id/waduk atau humas@contoh.go.id.';

describe('entities of one article', () => {
  const r = analyze(STORY);

  test('every mention slices to a form of its entity', () => {
    assert.ok(r.entities.length > 0);
    for (const e of r.entities) {
      assert.equal(e.count, e.mentions.length);
      for (const m of e.mentions) {
        const surface = slice(STORY, m);
        assert.ok(surface === e.text || e.aliases.includes(surface), `${surface} in ${e.text}`);
      }
    }
  });

  test('people and places, the surname joining the full name', () => {
    const ridwan = find(r, 'PERSON', 'Ridwan Santoso');
    assert.ok(ridwan, list(r));
    assert.deepEqual(ridwan.aliases, ['Ridwan']);
    assert.equal(ridwan.count, 2);
    assert.ok(find(r, 'LOCATION', 'Jawa Barat'), list(r));
  });

  test('dates, times, money and percentages carry normalised values', () => {
    const date = find(r, 'DATE', 'Kamis (14/3/2024)');
    assert.equal(date?.value, '2024-03-14', list(r));
    assert.equal(find(r, 'DATE', 'Januari 2024')?.value, '2024-01', list(r));
    const time = find(r, 'TIME', 'pukul 09.30 WIB');
    assert.equal(time?.value, 'T09:30+07:00', list(r));
    const money = find(r, 'MONEY', 'Rp2,5 triliun');
    assert.equal(money?.amount, 2.5e12);
    assert.equal(money?.unit, 'IDR');
    assert.equal(money?.value, '2500000000000');
    const percent = find(r, 'PERCENT', '3,5 persen');
    assert.equal(percent?.amount, 3.5);
    assert.equal(percent?.unit, '%');
    const area = r.entities.find((e) => e.label === 'QUANTITY' && e.unit === 'hektare');
    assert.equal(area?.amount, 12000, list(r));
  });

  test('addresses, and an outlet cited as a source', () => {
    assert.ok(find(r, 'URL', 'https://contoh.go.id/waduk'), list(r));
    assert.ok(find(r, 'EMAIL', 'humas@contoh.go.id'), list(r));
    const source = find(r, 'ORGANIZATION', 'Kabar Priangan');
    assert.equal(source?.role, 'source', list(r));
  });

  test('offsets follow the unit asked for', () => {
    const bytes = analyze(STORY, { offsets: 'utf8' });
    const encoded = Buffer.from(STORY, 'utf8');
    const money = bytes.entities.find((e) => e.label === 'MONEY');
    const [m] = money.mentions;
    assert.equal(encoded.subarray(m.start, m.end).toString('utf8'), 'Rp2,5 triliun');
  });
});

describe('entities across a set', () => {
  const texts = [
    'Menteri Keuangan Sri Wahyuni tiba di Surabaya pada Senin (4/3/2024). Wahyuni membahas pajak.',
    'Di Jakarta, Sri Wahyuni menemui pengusaha. Menurut Wahyuni, pajak akan turun.',
    'Banjir melanda Surabaya. Warga Surabaya mengungsi.',
  ];
  const corpus = analyzeCorpus(texts);

  test('the same person in two articles is one corpus entity', () => {
    const sri = corpus.entities.find((e) => e.label === 'PERSON' && e.text === 'Sri Wahyuni');
    assert.ok(sri, corpus.entities.map((e) => e.text).join(' | '));
    assert.equal(sri.documentFrequency, 2);
    assert.deepEqual(sri.documents.map((d) => d.document), [0, 1]);
    assert.equal(sri.count, 4);
    // Each share points at that article's own entity.
    for (const d of sri.documents) {
      assert.equal(corpus.documents[d.document].entities[d.entity].text, 'Sri Wahyuni');
      assert.equal(corpus.documents[d.document].entities[d.entity].count, d.count);
    }
  });

  test('places link too, and the most widespread come first', () => {
    const surabaya = corpus.entities.find((e) => e.text === 'Surabaya');
    assert.deepEqual(surabaya?.documents.map((d) => d.document), [0, 2]);
    const df = corpus.entities.map((e) => e.documentFrequency);
    assert.deepEqual(df, [...df].sort((a, b) => b - a));
  });
});
