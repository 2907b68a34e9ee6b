// Keywords, page furniture and analyzeCorpus through the Node ESM entry, on texts written
// for these tests. Spans are checked by slicing the original text.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze, analyzeCorpus } from '../../js/node.mjs';

const fixtures = new URL('../fixtures/', import.meta.url);
const FURNITURE = readFileSync(new URL('id_furniture.txt', fixtures), 'utf8');
const slice = (text, span) => text.slice(span.start, span.end);

const BRIDGE =
  'Jembatan Gantung Sungai Serayu di Banyumas ambruk pada Minggu pagi. ' +
  'Bupati Banyumas Siti Rahmawati meninjau Jembatan Gantung Sungai Serayu siang harinya. ' +
  '"Jembatan ini akan dibangun kembali dengan rangka baja," kata Siti. ' +
  'Menurut Siti, pembangunan jembatan baru memakan waktu enam bulan. ' +
  'Warga Banyumas kini menyeberang dengan perahu.';

const FLOODS = [
  'Banjir merendam Kota Bekasi sejak Senin. Banjir setinggi satu meter memaksa warga Bekasi mengungsi. ' +
    'Pemerintah Kota Bekasi membuka dapur umum.',
  'Banjir melanda Kabupaten Karawang. Sawah di Karawang terendam banjir dan petani Karawang gagal panen. ' +
    'Harga beras di Karawang naik.',
  'Banjir juga menggenangi Kota Depok. Sekolah di Depok diliburkan karena banjir. Warga Depok membersihkan lumpur.',
];

describe('keywords of one article', () => {
  test('names stay whole, shorter names fold in, occurrences slice to the phrase', () => {
    const r = analyze(BRIDGE);
    const texts = r.keywords.map((k) => k.text);
    assert.ok(texts.includes('Jembatan Gantung Sungai Serayu'), texts.join(' | '));
    const siti = r.keywords.find((k) => k.text === 'Siti Rahmawati');
    assert.ok(siti, texts.join(' | '));
    // "Siti" alone folds into the full name: three mentions in all.
    assert.deepEqual(
      siti.occurrences.map((o) => slice(BRIDGE, o)),
      ['Siti Rahmawati', 'Siti', 'Siti'],
    );
    assert.ok(!texts.includes('Siti'));
    assert.ok(!texts.some((t) => /^(di|pada|dengan|kata|Minggu)\b|\b(di|pada|kata)$/i.test(t)), texts.join(' | '));
    // The shown form is the phrase as the text writes it somewhere.
    for (const k of r.keywords) {
      assert.ok(k.occurrences.some((o) => slice(BRIDGE, o) === k.text), k.text);
    }
    assert.equal(r.keywords[0].score, 1);
  });

  test('inflected forms group under one key', () => {
    const text =
      'Kunjungan menteri ke pabrik berlangsung singkat. Menteri mengunjungi pabrik baja. ' +
      'Sebelumnya menteri berkunjung ke pelabuhan. Kunjungan itu membahas ekspor baja.';
    const r = analyze(text);
    const visit = r.keywords.find((k) => k.key === 'kunjung');
    assert.ok(visit, r.keywords.map((k) => k.key).join(' | '));
    assert.deepEqual(
      visit.occurrences.map((o) => slice(text, o)),
      ['Kunjungan', 'mengunjungi', 'berkunjung', 'Kunjungan'],
    );
    // Shown in its most frequent form, not as a stem.
    assert.equal(visit.text.toLowerCase(), 'kunjungan');
  });

  test('numbers alone are not keywords; codes are', () => {
    const text = 'Korea Utara menembakkan rudal Hwasong-18 pada pukul 07.00. Rudal Hwasong-18 terbang 1.000 km.';
    const texts = analyze(text).keywords.map((k) => k.text);
    assert.ok(texts.includes('Hwasong-18'), texts.join(' | '));
    assert.ok(!texts.some((t) => /^[\d.,]+$/.test(t)), texts.join(' | '));
  });

  test('English keywords use English stopwords and stemming', () => {
    const text =
      'Flooding closed the coastal highway on Monday. Officials said the flooding damaged two bridges. ' +
      'Engineers inspected the damaged bridges and said repairs to the highway will take weeks.';
    const r = analyze(text);
    assert.equal(r.language.code, 'en');
    const keys = r.keywords.map((k) => k.key);
    assert.ok(keys.includes('flood') && keys.includes('bridg') && keys.includes('highway'), keys.join(' | '));
    assert.ok(!keys.some((k) => ['the', 'said', 'monday', 'on'].includes(k)), keys.join(' | '));
  });

  test('options.keywords limits the list; 0 skips it', () => {
    assert.equal(analyze(BRIDGE, { keywords: 3 }).keywords.length, 3);
    assert.deepEqual(analyze(BRIDGE, { keywords: 0 }).keywords, []);
    assert.ok(analyze(BRIDGE).keywords.length <= 20);
    for (const bad of [-1, 1.5, '3', true]) {
      assert.throws(() => analyze(BRIDGE, { keywords: bad }), (e) => e.code === 'invalid_options' && /keywords/.test(e.message));
    }
  });

  test('a language without a stopword list says so', () => {
    const text = 'Der Bundestag hat am Montag das neue Gesetz beschlossen. Das Gesetz gilt ab Januar für alle Länder.';
    const r = analyze(text);
    assert.equal(r.language.code, 'other');
    assert.deepEqual(r.notes.map((n) => n.code), ['keywords_statistical']);
    assert.deepEqual(analyze(BRIDGE).notes, []);
  });
});

describe('page furniture', () => {
  const r = analyze(FURNITURE);
  const furniture = r.boilerplate.map((b) => [b.kind, slice(FURNITURE, b)]);

  test('credits, date, dateline, related links, captions and the tail are found', () => {
    const kinds = new Map(furniture.map(([kind, text]) => [text, kind]));
    assert.equal(kinds.get('Sumber: Antara | Editor: Dewi Lestari'), 'credit');
    assert.equal(kinds.get('Senin, 3 Maret 2025'), 'date');
    assert.equal(kinds.get('BANDUNG, WARTAKITA.COM -'), 'dateline');
    assert.equal(kinds.get('Baca Juga: Harga Cabai di Pasar Kosambi Turun Jelang Ramadan'), 'related');
    assert.equal(kinds.get('Petugas memeriksa retakan jembatan (pixabay.com/Budi Santoso)'), 'caption');
    assert.equal(kinds.get('Penulis: Andi Pratama'), 'credit');
    assert.equal(kinds.get('Berita Terkini Lainnya'), 'footer');
  });

  test('no keyword comes from the furniture: no editor, writer, site or related headline', () => {
    const texts = r.keywords.map((k) => k.text.toLowerCase()).join(' | ');
    for (const name of ['dewi', 'lestari', 'andi', 'pratama', 'wartakita', 'antara', 'kosambi', 'cabai', 'budi', 'pixabay']) {
      assert.ok(!texts.includes(name), `${name} in ${texts}`);
    }
    assert.equal(r.keywords[0].text, 'Jembatan Citarum');
    assert.ok(r.keywords.slice(0, 5).some((k) => k.text === 'Ridwan Santosa'), texts);
  });

  test('the story words exclude the furniture', () => {
    const { tokens } = analyze(FURNITURE, { tokens: true });
    const words = tokens.filter((t) => !['punct', 'symbol'].includes(t.kind));
    const inFurniture = (t) => r.boilerplate.some((b) => b.start <= t.start && t.end <= b.end);
    const story = words.filter((t) => !inFurniture(t));
    assert.equal(r.stats.words, story.length);
    // "Penulis: Andi Pratama" has three words, all outside the count.
    assert.ok(words.length - story.length >= 3 + 6, `${words.length} vs ${story.length}`);
    assert.ok(r.stats.sentences < r.sentences.length);
  });
});

describe('analyzeCorpus', () => {
  const corpus = analyzeCorpus(FLOODS);

  test('returns one analysis per text, in order, with spans into each text', () => {
    assert.equal(corpus.documents.length, FLOODS.length);
    corpus.documents.forEach((d, i) => {
      for (const k of d.keywords) {
        for (const o of k.occurrences) assert.ok(slice(FLOODS[i], o).length > 0);
      }
      assert.deepEqual(d.sentences, analyze(FLOODS[i]).sentences);
    });
  });

  test('what all articles share ranks below what is distinctive to each', () => {
    const places = ['Bekasi', 'Karawang', 'Depok'];
    corpus.documents.forEach((d, i) => {
      assert.equal(d.keywords[0].text.replace(/^(Kota|Kabupaten) /, ''), places[i], d.keywords.map((k) => k.text).join(' | '));
      const alone = analyze(FLOODS[i]).keywords.find((k) => k.key === 'banjir');
      const inSet = d.keywords.find((k) => k.key === 'banjir');
      assert.ok(alone && inSet && inSet.score < alone.score, 'banjir is weighed down in the set');
    });
  });

  test('the set has its own keywords with document frequencies', () => {
    const banjir = corpus.keywords.find((k) => k.key === 'banjir');
    assert.ok(banjir);
    assert.equal(banjir.documentFrequency, 3);
    assert.deepEqual(banjir.documents, [0, 1, 2]);
    assert.equal(banjir.count, 6);
    assert.equal(corpus.keywords[0].key, 'banjir');
    const karawang = corpus.keywords.find((k) => k.text.endsWith('Karawang'));
    assert.deepEqual(karawang?.documents, [1]);
  });

  test('errors: not an array, or an element that is not a string', () => {
    assert.throws(() => analyzeCorpus('teks'), (e) => e instanceof TypeError && e.code === 'invalid_text');
    assert.throws(() => analyzeCorpus(['a', 2]), (e) => e.code === 'invalid_text' && /texts\[1\]/.test(e.message));
    assert.throws(() => analyzeCorpus(['a'], { keyword: 2 }), (e) => e.code === 'invalid_options');
    assert.deepEqual(analyzeCorpus([]), { documents: [], keywords: [], entities: [] });
  });
});
