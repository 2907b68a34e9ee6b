// End-to-end tests of the web page in Chromium (playwright-core, the system's /usr/bin/chromium).
// Expected numbers come from the Node build of the same package, never hard-coded.
//
//   node --test tests/e2e/
//
// Screenshots go to tests/screenshots/ (git-ignored).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../js/node.mjs';
import { fullScreenshot, settled, shots, useBrowser } from './support.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name) => readFileSync(join(repo, 'tests', 'fixtures', name), 'utf8');
const seed = join(repo, '..', 'shared', 'seeds', '000_c27b010dec6c9a7a.txt');


const session = useBrowser();
const { openPage } = session;
let tmp;

before(() => {
  tmp = mkdtempSync(join(tmpdir(), 'kupas-e2e-'));
});

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** What the page shows, read back from the DOM. */
async function shown(page) {
  return page.evaluate(() => {
    const value = (id) => Number(document.getElementById(id).dataset.value);
    const results = document.getElementById('results');
    return {
      state: results.dataset.state,
      emptyVisible: !document.getElementById('empty').hidden,
      language: document.getElementById('lang-name').textContent,
      code: document.getElementById('lang-code').textContent,
      confidence: document.getElementById('lang-confidence').textContent,
      characters: value('stat-characters'),
      words: value('stat-words'),
      sentences: value('stat-sentences'),
      readingMinutes: value('stat-reading'),
      time: document.getElementById('stat-time').textContent,
      sentenceItems: [...document.querySelectorAll('#sentences > li')].map((li) => li.textContent),
      kinds: Object.fromEntries(
        [...document.querySelectorAll('#kind-rows tr[data-kind]')].map((tr) => [
          tr.dataset.kind,
          Number(tr.querySelector('.kind-count').textContent.replace(/,/g, '')),
        ]),
      ),
    };
  });
}

/** Distinct token surfaces listed for `kind`, after pressing "Show more" until all are shown. */
async function chips(page, kind) {
  const group = page.locator(`#kind-groups details[data-kind="${kind}"]`);
  if (!(await group.evaluate((d) => d.open))) await group.locator('summary').click();
  const more = group.locator('.more-button');
  while (await more.count()) await more.click();
  return group.locator('.chip-text').allTextContents();
}

/** Scrolls the page and the text box to the top and leaves the text box, as a reader would see it. */
async function tidy(page) {
  await page.evaluate(() => {
    const box = document.getElementById('text');
    box.setSelectionRange(0, 0);
    box.scrollTop = 0;
    box.blur();
    window.scrollTo(0, 0);
  });
}

/** No card of the results is wider than its box (nothing is cut off or scrolls sideways). */
async function assertNoOverflow(page) {
  const overflow = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth - window.innerWidth,
    cards: [...document.querySelectorAll('.card, .input-pane')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.className}: ${el.scrollWidth} > ${el.clientWidth}`),
  }));
  assert.ok(overflow.page <= 0, `the page scrolls sideways by ${overflow.page}px`);
  assert.deepEqual(overflow.cards, [], 'boxes with content wider than themselves');
}

function expectedKinds(text) {
  const counts = {};
  for (const token of analyze(text, { tokens: true }).tokens) counts[token.kind] = (counts[token.kind] ?? 0) + 1;
  return counts;
}

function kindOf(text, surface) {
  const token = analyze(text, { tokens: true }).tokens.find((t) => text.slice(t.start, t.end) === surface);
  assert.ok(token, `the Node build finds the token ${surface}`);
  return token.kind;
}

/** Checks everything the page shows for `text` against the Node build. */
async function assertMatchesNode(page, text) {
  const expected = analyze(text, { tokens: true });
  const got = await shown(page);
  assert.equal(got.state, 'ready');
  assert.equal(got.code, expected.language.code);
  assert.equal(got.characters, expected.stats.characters, 'characters');
  assert.equal(got.words, expected.stats.words, 'words');
  assert.equal(got.sentences, expected.stats.sentences, 'sentences');
  assert.equal(got.readingMinutes, expected.stats.readingMinutes, 'reading minutes');
  assert.deepEqual(
    got.sentenceItems,
    expected.sentences.slice(0, got.sentenceItems.length).map(({ start, end }) => text.slice(start, end)),
    'sentence texts',
  );
  assert.deepEqual(got.kinds, expectedKinds(text), 'token counts by kind');
  return got;
}

test('empty state, then an Indonesian article is analyzed like the Node build does', async () => {
  const { page, check, close } = await openPage();
  try {
    assert.equal(await page.title(), 'kupas');
    const empty = await shown(page);
    assert.equal(empty.emptyVisible, true);
    assert.equal(await page.locator('#results').isHidden(), true);

    const text = fixture('id_banjir.txt');
    await page.fill('#text', text);
    await settled(page);
    const got = await assertMatchesNode(page, text);
    const expected = analyze(text);
    assert.equal(got.language, 'Indonesian');
    assert.match(got.confidence, /^\d+% confidence$/);
    assert.equal(got.sentenceItems.length, expected.sentences.length);
    assert.equal(got.emptyVisible, false);
    assert.match(got.time, /^\d+(\.\d+)? ms$/);
    await assertNoOverflow(page);
    await tidy(page);
    await page.screenshot({ path: join(shots, 'desktop-light.png') });
    await fullScreenshot(page, join(shots, 'desktop-light-full.png'));

    // A known sentence and known tokens, each listed under the kind the Node build gives it.
    assert.ok(
      got.sentenceItems.includes(
        'Wali Kota Semarang, Dr. Ratna Wulandari, S.H., meninjau lokasi pengungsian pada Selasa pagi pukul 07.30 WIB.',
      ),
    );
    for (const surface of ['rata-rata', 'posko@contoh.go.id', '3/3/2025', 'Semarang']) {
      const kind = kindOf(text, surface);
      assert.ok((await chips(page, kind)).includes(surface), `${surface} listed under ${kind}`);
    }

    // Clearing brings the empty state back.
    await page.click('#clear-text');
    await settled(page);
    assert.equal((await shown(page)).emptyVisible, true);
    check();
  } finally {
    await close();
  }
});

test('the fonts a drawn result uses are laid out before the first result (the font primer)', async () => {
  const { page, check, close } = await openPage();
  try {
    // Each font as `style weight size family` (computed), of the text an element draws itself.
    const fonts = () =>
      page.evaluate(() => {
        const key = (c) => `${c.fontStyle} ${c.fontWeight} ${c.fontSize} ${c.fontFamily}`;
        const primer = document.getElementById('font-primer');
        const primed = new Set([...(primer?.children ?? [])].map((span) => key(getComputedStyle(span))));
        // The style sheet's two families as computed, to name them as FONT_STRIKES does.
        const families = {};
        for (const name of ['font', 'mono']) {
          const probe = document.createElement('span');
          probe.style.fontFamily = `var(--${name})`;
          document.body.append(probe);
          families[name] = getComputedStyle(probe).fontFamily;
          probe.remove();
        }
        const root = parseFloat(getComputedStyle(document.documentElement).fontSize);
        const used = new Map();
        for (const el of document.querySelectorAll('body *')) {
          if (primer?.contains(el) || !el.getClientRects().length) continue;
          const draws =
            ((el.tagName === 'TEXTAREA' || el.tagName === 'INPUT') && el.value !== '') ||
            [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim() !== '');
          if (!draws) continue;
          const c = getComputedStyle(el);
          if (c.visibility === 'hidden') continue;
          const rem = parseFloat(c.fontSize) / root;
          const family = c.fontFamily === families.font ? 'font' : c.fontFamily === families.mono ? 'mono' : c.fontFamily;
          used.set(key(c), `${family} ${c.fontWeight} ${c.fontStyle} ${+rem.toFixed(4)}`);
        }
        return { primed: [...primed], used: [...used] };
      });
    await page.waitForFunction(() => document.getElementById('font-primer') !== null);
    const missing = new Map();
    for (const text of [fixture('id_banjir.txt'), fixture('en_summit.txt')]) {
      await page.fill('#text', text);
      await settled(page);
      const { primed, used } = await fonts();
      for (const [key, entry] of used) if (!primed.includes(key)) missing.set(key, entry);
    }
    assert.deepEqual([...missing.values()], [], 'fonts to add to FONT_STRIKES in www/app.js');
    check();
  } finally {
    await close();
  }
});

test('after Ready the page rehearses a result out of sight, then shows only the real one', async () => {
  const { page, check, close } = await openPage();
  try {
    // The rehearsal draws the worker's sample text into the hidden panel and hides it again.
    // It can only be seen from inside: the hidden keyword list holds the sample's keywords.
    await page.waitForFunction(() => document.querySelectorAll('#keywords .keyword').length > 0, null, { timeout: 10_000 });
    const idle = await page.evaluate(() => {
      const results = document.getElementById('results');
      return {
        resultsHidden: results.hidden,
        emptyVisible: !document.getElementById('empty').hidden,
        rendered: results.dataset.rendered,
        requested: results.dataset.requested,
        status: document.getElementById('status').textContent,
        entities: [...document.querySelectorAll('#entity-groups .ent-name')].map((n) => n.textContent),
      };
    });
    assert.equal(idle.resultsHidden, true, 'the rehearsal never shows');
    assert.equal(idle.emptyVisible, true, 'the empty note stays');
    assert.equal(idle.rendered, idle.requested, 'the rehearsal is no request the tests wait for');
    assert.equal(idle.status, 'Ready');
    assert.ok(idle.entities.includes('Bandung'), `the sample's place was drawn: ${idle.entities}`);
    // The real article then replaces everything the rehearsal drew.
    const text = fixture('en_summit.txt');
    await page.fill('#text', text);
    await settled(page);
    await assertMatchesNode(page, text);
    const entities = await page.$$eval('#entity-groups .ent-name', (nodes) => nodes.map((n) => n.textContent));
    assert.ok(!entities.includes('Bandung'), 'nothing of the sample is left');
    check();
  } finally {
    await close();
  }
});

test('an article over the size limit: the status line says so in words, and the text stays', async () => {
  const { page, check, close } = await openPage();
  try {
    const length = 16 * 1024 * 1024 + 1000; // over the package's limit (README "Limits and memory")
    await page.evaluate((n) => {
      const box = document.getElementById('text');
      box.value = 'Banjir merendam tiga desa. '.repeat(Math.ceil(n / 27)).slice(0, n);
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }, length);
    await page.waitForFunction(() => {
      const results = document.getElementById('results');
      return !('pending' in results.dataset) && results.dataset.rendered === results.dataset.requested && results.dataset.requested !== '0';
    }, null, { timeout: 60_000 });
    const got = await page.evaluate(() => ({
      status: document.getElementById('status').textContent,
      kind: document.getElementById('status').dataset.kind,
      kept: document.getElementById('text').value.length,
      resultsHidden: document.getElementById('results').hidden,
    }));
    assert.equal(got.kind, 'error');
    assert.match(got.status, /^This article is too long to analyze at once: 16,778,216 characters, more than 16 MiB\. Paste it again in parts, with a line of === between them/);
    assert.equal(got.kept, length, 'the text box keeps the text');
    assert.equal(got.resultsHidden, true);
    check();
  } finally {
    await close();
  }
});

test('English and mixed-script texts', async () => {
  const { page, check, close } = await openPage();
  try {
    const en = fixture('en_summit.txt');
    await page.fill('#text', en);
    await settled(page);
    const got = await assertMatchesNode(page, en);
    assert.equal(got.language, 'English');
    assert.ok((await chips(page, kindOf(en, "O'Connell"))).includes("O'Connell"));

    // This fixture has CRLF line breaks; a text box keeps them as LF, and the page analyzes
    // what is in the box.
    const mixed = fixture('unicode_mix.txt');
    await page.fill('#text', mixed);
    await settled(page);
    const inBox = await page.inputValue('#text');
    assert.equal(inBox, mixed.replace(/\r\n?/g, '\n'));
    await assertMatchesNode(page, inBox);
    check();
  } finally {
    await close();
  }
});

test('opening files: text and HTML are listed and analyzable, binary is refused, HTML never runs', async () => {
  const story = [
    'Petani di Lembah Hijau memanen padi lebih awal tahun ini.',
    'Kepala desa, Pak Darto Wijaya-Kusuma, mengatakan hasil panen naik 12% dibanding tahun lalu.',
    'Warga berharap harga gabah tetap stabil hingga akhir bulan.',
  ].join('\n');
  const html = `<!doctype html>
<html><head><title>Judul halaman</title>
<style>body { color: red; } .secret { display: none }</style>
<script>window.__pwned = 'head script'; alert('head');</script></head>
<body>
<h1>Harbor Town Opens New Library</h1>
<p>The new library opened on Monday with 20,000 books.<br>Visitors queued from early morning.</p>
<script>window.__pwned = 'body script';</script>
<img src="x" onerror="window.__pwned = 'img onerror'; alert('img')">
<ul><li>Opening hours: 9 to 5</li><li>Entry is free</li></ul>
<noscript>Please enable scripts</noscript>
<template><p>Template text</p></template>
<div hidden>Hidden text</div>
<p>Mayor Lena Ortiz said &ldquo;reading is for everyone&rdquo; &amp; thanked the volunteers.</p>
</body></html>`;
  const files = {
    txt: join(tmp, 'panen.txt'),
    html: join(tmp, 'perpustakaan.html'),
    bin: join(tmp, 'gambar.txt'),
  };
  writeFileSync(files.txt, story);
  writeFileSync(files.html, html);
  writeFileSync(files.bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48]));

  const { page, record, check, close } = await openPage();
  try {
    await page.setInputFiles('#file-input', [files.txt, files.html, files.bin]);
    await page.waitForSelector('#file-list li');
    await settled(page);

    const names = await page.locator('#file-list .file-name').allTextContents();
    assert.deepEqual(names, ['panen.txt', 'perpustakaan.html']);
    const message = await page.textContent('#file-message');
    assert.match(message, /Opened 2 of 3 files/);
    assert.match(message, /gambar\.txt: not a text file/);

    // The first opened file is shown and analyzed.
    assert.equal(await page.inputValue('#text'), story);
    assert.equal(await page.getAttribute('#file-list li:nth-child(1) .file-open', 'aria-current'), 'true');
    await assertMatchesNode(page, story);
    await assertNoOverflow(page);
    await tidy(page);
    await page.screenshot({ path: join(shots, 'desktop-files.png') });
    assert.ok((await chips(page, kindOf(story, 'Wijaya-Kusuma'))).includes('Wijaya-Kusuma'));

    // The HTML file, reduced to text: no script, style, template, noscript or hidden text.
    await page.click('#file-list li:nth-child(2) .file-open');
    await settled(page);
    const fromHtml = await page.inputValue('#text');
    assert.equal(
      fromHtml,
      [
        'Harbor Town Opens New Library',
        '',
        'The new library opened on Monday with 20,000 books.',
        'Visitors queued from early morning.',
        '',
        'Opening hours: 9 to 5',
        'Entry is free',
        '',
        'Mayor Lena Ortiz said \u201creading is for everyone\u201d & thanked the volunteers.',
      ].join('\n'),
    );
    const got = await assertMatchesNode(page, fromHtml);
    assert.equal(got.language, 'English');

    // Back to the first file; edits to a file are kept when switching.
    await page.click('#file-list li:nth-child(1) .file-open');
    await settled(page);
    assert.equal(await page.inputValue('#text'), story);
    await page.locator('#text').press('Control+End');
    await page.locator('#text').pressSequentially(' Tambahan.');
    await settled(page);
    await page.click('#file-list li:nth-child(2) .file-open');
    await settled(page);
    await page.click('#file-list li:nth-child(1) .file-open');
    await settled(page);
    assert.equal(await page.inputValue('#text'), `${story} Tambahan.`);

    // Removing a file.
    await page.click('#file-list li:nth-child(2) .file-remove');
    assert.deepEqual(await page.locator('#file-list .file-name').allTextContents(), ['panen.txt']);

    // Nothing from the HTML file ran or loaded.
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.ok(!record.requests.some((url) => new URL(url).pathname === '/x'), 'the <img src=x> was never fetched');
    check({ cspReportsAllowed: true });
  } finally {
    await close();
  }
});

test('dropping a file on the page opens it', async () => {
  const { page, check, close } = await openPage();
  try {
    await page.fill('#text', 'Teks yang diketik sendiri sebelum membuka berkas.');
    await settled(page);
    const dropped = 'Rapat warga digelar di balai desa. Semua warga hadir.';
    const transfer = await page.evaluateHandle((content) => {
      const data = new DataTransfer();
      data.items.add(new File([content], 'rapat.txt', { type: 'text/plain' }));
      return data;
    }, dropped);
    await page.dispatchEvent('body', 'dragenter', { dataTransfer: transfer });
    assert.equal(await page.locator('#drop-overlay').isVisible(), true);
    await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
    await page.waitForFunction(() => document.querySelectorAll('#file-list li').length === 2);
    await settled(page);
    assert.equal(await page.locator('#drop-overlay').isVisible(), false);
    // Text typed before opening files is kept as an entry of its own.
    assert.deepEqual(await page.locator('#file-list .file-name').allTextContents(), ['Pasted text', 'rapat.txt']);
    assert.equal(await page.inputValue('#text'), dropped);
    await assertMatchesNode(page, dropped);
    check();
  } finally {
    await close();
  }
});

test('markup typed into the text box is shown as text and never runs', async () => {
  const { page, check, close } = await openPage();
  try {
    const attack = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';
    await page.locator('#text').pressSequentially(attack);
    await settled(page);
    assert.equal(await page.inputValue('#text'), attack);
    const got = await assertMatchesNode(page, attack);
    assert.equal(got.sentenceItems.join(' '), attack, 'the sentences show the markup as text');
    const injected = await page.evaluate(() => ({
      pwned: window.__pwned,
      scripts: [...document.scripts].map((s) => s.getAttribute('src')),
      images: document.querySelectorAll('img').length,
    }));
    assert.deepEqual(injected, { pwned: undefined, scripts: ['/app.js', '/sw-register.js'], images: 0 });

    // A second attempt through the HTML-looking path: pasted text is never parsed as HTML.
    const more = '<svg onload="window.__pwned=3"></svg><iframe srcdoc="<script>parent.__pwned=4</script>"></iframe>';
    await page.fill('#text', more);
    await settled(page);
    await assertMatchesNode(page, more);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.evaluate(() => document.querySelectorAll('svg, iframe').length), 0);
    check();
  } finally {
    await close();
  }
});

test('only the page\'s own files are requested, and nothing logs an error', async () => {
  const { page, record, check, close } = await openPage();
  try {
    await page.fill('#text', fixture('en_summit.txt'));
    await settled(page);
    check();
    const paths = new Set(record.requests.map((url) => new URL(url).pathname));
    for (const needed of ['/', '/app.js', '/worker.js', '/js/browser.mjs', '/pkg/kupas.js', '/pkg/kupas_bg.wasm']) {
      assert.ok(paths.has(needed), `requested ${needed}`);
    }
  } finally {
    await close();
  }
});

test('a stale result never overwrites a newer one', async () => {
  const { page, check, close } = await openPage();
  try {
    // Typing quickly: the final text's numbers win.
    const base = fixture('id_banjir.txt');
    await page.fill('#text', base);
    await settled(page);
    await page.locator('#text').press('Control+End');
    await page.locator('#text').pressSequentially(' Petugas terus memantau ketinggian air sungai malam ini.', { delay: 3 });
    await settled(page);
    const typed = await page.inputValue('#text');
    assert.equal(typed, `${base} Petugas terus memantau ketinggian air sungai malam ini.`);
    await assertMatchesNode(page, typed);

    // A slow request overtaken by a fast one: a long text is sent to the worker, and while
    // the worker is still busy with it, a short text replaces it. The long text's answer
    // arrives first and must be dropped; no frame may ever show its numbers.
    const long = base.repeat(400); // about 500 KB
    const short = fixture('en_summit.txt');
    const longChars = analyze(long).stats.characters;
    const seen = await page.evaluate(
      async ({ long, short }) => {
        const text = document.getElementById('text');
        const results = document.getElementById('results');
        const characters = document.getElementById('stat-characters');
        const values = [];
        const observer = new MutationObserver(() => values.push(Number(characters.dataset.value)));
        observer.observe(characters, { attributes: true, attributeFilter: ['data-value'] });
        const sent = Number(results.dataset.requested) + 1;
        text.value = long;
        text.dispatchEvent(new Event('input'));
        // Wait until the long text has been handed to the worker, then replace it.
        await new Promise((ok) => {
          const watch = new MutationObserver(() => {
            if (Number(results.dataset.requested) >= sent) {
              watch.disconnect();
              ok();
            }
          });
          watch.observe(results, { attributes: true, attributeFilter: ['data-requested'] });
        });
        text.value = short;
        text.dispatchEvent(new Event('input'));
        const want = String(sent + 1);
        await new Promise((ok) => {
          const poll = () => (results.dataset.rendered === want ? ok() : setTimeout(poll, 5));
          poll();
        });
        observer.disconnect();
        return values;
      },
      { long, short },
    );
    assert.ok(!seen.includes(longChars), `the long text's result was never shown (saw ${seen.join(', ')})`);
    await assertMatchesNode(page, short);
    check();
  } finally {
    await close();
  }
});

/**
 * The results as drawn, as markup (read here to compare two pages; the page itself never
 * writes markup). Left out: the analysis time, and what the reading view's elements get as the
 * reader moves about (the tab stop, the tooltip link, the current place, a block laid out for
 * a reveal), which depends on where the reader has been rather than on the text.
 */
function drawing(page) {
  return page.evaluate(() => {
    const ids = [
      'lang-name', 'lang-code', 'lang-confidence', 'stat-characters', 'stat-words', 'stat-sentences', 'stat-reading',
      'furniture-summary', 'notes', 'keywords', 'keywords-more', 'keywords-empty', 'hit-position', 'entity-legend',
      'reading-note', 'reading', 'entity-groups', 'entities-empty', 'kind-bar', 'kind-rows', 'kind-groups', 'sentences', 'sentences-more',
    ];
    const out = {};
    for (const id of ids) {
      const copy = document.getElementById(id).cloneNode(true);
      for (const node of copy.querySelectorAll('.ent')) {
        for (const name of ['tabindex', 'role', 'aria-label', 'aria-describedby']) node.removeAttribute(name);
      }
      for (const node of copy.querySelectorAll('.current, .drawn')) node.classList.remove('current', 'drawn');
      for (const node of copy.querySelectorAll('[aria-current]')) node.removeAttribute('aria-current');
      out[id] = `${copy.hidden ? '(hidden) ' : ''}${copy.innerHTML}`;
    }
    return out;
  });
}

/** Replaces the text box's content as a paste or a script does, with one input event. */
async function replaceText(page, text) {
  await page.evaluate((value) => {
    const box = document.getElementById('text');
    box.value = value;
    box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText' }));
  }, text);
  await settled(page);
}

test('after a series of edits the page shows exactly what it shows for the final text at once, and redraws only what changed', async () => {
  const { page, check, close } = await openPage();
  try {
    const article = fixture('id_banjir.txt').repeat(8); // about 10 KB, six blocks of the reading view
    await page.fill('#text', article);
    await settled(page);
    const compare = async (what) => {
      const text = await page.inputValue('#text');
      const fresh = await openPage();
      try {
        await fresh.page.fill('#text', text);
        await settled(fresh.page);
        const [got, want] = [await drawing(page), await drawing(fresh.page)];
        for (const id of Object.keys(want)) {
          if (got[id] === want[id]) continue;
          let at = 0;
          while (got[id][at] === want[id][at]) at++;
          const around = (markup) => JSON.stringify(markup.slice(Math.max(0, at - 100), at + 100));
          assert.fail(`${what}: #${id} is not drawn as for the final text at once: ${around(got[id])} instead of ${around(want[id])}`);
        }
        fresh.check();
      } finally {
        await fresh.close();
      }
      await assertMatchesNode(page, text);
    };

    // Typing at the end: the blocks of the reading view before the one typed in, and the
    // keyword buttons, are the same elements as before (not drawn again).
    const before = await page.evaluateHandle(() => ({
      blocks: [...document.querySelectorAll('#reading .block')],
      keywords: [...document.querySelectorAll('#keywords .keyword')],
    }));
    await page.locator('#text').press('Control+End');
    await page.locator('#text').pressSequentially(' Air mulai surut.', { delay: 10 });
    await settled(page);
    const kept = await page.evaluate(({ blocks, keywords }) => {
      const now = [...document.querySelectorAll('#reading .block')];
      const buttons = [...document.querySelectorAll('#keywords .keyword')];
      return {
        blocks: blocks.length,
        keptBlocks: blocks.filter((block, i) => now[i] === block).length,
        keywordsKept: buttons.length === keywords.length && buttons.every((button, i) => button === keywords[i]),
      };
    }, before);
    assert.ok(kept.blocks >= 5, `the article fills several blocks (${kept.blocks})`);
    assert.ok(kept.keptBlocks >= kept.blocks - 1, `blocks not typed in are kept (${kept.keptBlocks} of ${kept.blocks})`);
    assert.equal(kept.keywordsKept, true, 'the keyword list, unchanged, is not drawn again');
    await compare('typing at the end');

    // A new paragraph with new names in the middle, a paragraph split in two, the first line
    // gone, a keyword selected and then cleared after an edit: each drawn as from scratch.
    const text = await page.inputValue('#text');
    const middle = text.indexOf('\n', Math.floor(text.length / 2)) + 1;
    await replaceText(
      page,
      `${text.slice(0, middle)}Bupati Demak Eisti'anah meninjau Desa Wonorejo pada Selasa (4/3/2025) bersama 40 relawan.\n${text.slice(middle)}`,
    );
    await compare('a paragraph added in the middle');
    const split = await page.inputValue('#text');
    const at = split.indexOf('. ', 3000) + 2;
    await replaceText(page, `${split.slice(0, at)}\n${split.slice(at)}`);
    await replaceText(page, (await page.inputValue('#text')).replace(/^[^\n]*\n/, ''));
    await compare('a line split and the first line removed');
    await page.locator('#keywords .keyword').first().click();
    await page.waitForFunction(() => document.querySelectorAll('#reading mark.hit').length > 0);
    await replaceText(page, `Warga ${await page.inputValue('#text')}`);
    assert.ok(await page.locator('#reading mark.hit').count() > 0, 'the selection is still marked after the edit');
    await page.click('#hit-clear');
    await compare('a keyword selected, the text edited, the selection cleared');
    check();
  } finally {
    await close();
  }
});

test('screenshots: dark theme, phone width, empty state, a real article', async () => {
  const text = fixture('id_banjir.txt');

  const dark = await openPage({ colorScheme: 'dark' });
  try {
    await dark.page.fill('#text', text);
    await settled(dark.page);
    await assertMatchesNode(dark.page, text);
    const background = await dark.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.notEqual(background, 'rgb(245, 244, 240)', 'the dark theme is applied');
    await tidy(dark.page);
    await dark.page.screenshot({ path: join(shots, 'desktop-dark.png') });
    dark.check();
  } finally {
    await dark.close();
  }

  const phone = await openPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  try {
    await phone.page.screenshot({ path: join(shots, 'phone-empty.png') });
    await phone.page.fill('#text', text);
    await settled(phone.page);
    await assertMatchesNode(phone.page, text);
    await assertNoOverflow(phone.page);
    await tidy(phone.page);
    await phone.page.screenshot({ path: join(shots, 'phone.png') });
    await fullScreenshot(phone.page, join(shots, 'phone-full.png'));
    phone.check();
  } finally {
    await phone.close();
  }

  const desktop = await openPage();
  try {
    await desktop.page.screenshot({ path: join(shots, 'desktop-empty.png') });
    if (existsSync(seed)) {
      const article = readFileSync(seed, 'utf8');
      await desktop.page.fill('#text', article);
      await settled(desktop.page);
      await assertMatchesNode(desktop.page, article);
      await assertNoOverflow(desktop.page);
      await tidy(desktop.page);
      await desktop.page.screenshot({ path: join(shots, 'seed-000.png') });
    }
    desktop.check();
  } finally {
    await desktop.close();
  }
});

test('when the WebAssembly file cannot be loaded, the page says so instead of hanging', async () => {
  const context = await session.browser.newContext();
  try {
    await context.route('**/pkg/kupas_bg.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
    const page = await context.newPage();
    await page.goto(session.server.url);
    await page.waitForFunction(() => document.getElementById('status').dataset.kind === 'error');
    assert.match(await page.textContent('#status'), /could not be loaded/);
    await page.fill('#text', 'Teks apa saja.');
    await settled(page);
    assert.equal(await page.locator('#results').isHidden(), true);
    assert.equal(await page.locator('#empty').isHidden(), true);
  } finally {
    await context.close();
  }
});

test('the page scripts never turn strings into markup', () => {
  for (const name of ['app.js', 'worker.js']) {
    const source = readFileSync(join(repo, 'www', name), 'utf8');
    assert.doesNotMatch(source, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/, name);
  }
});
