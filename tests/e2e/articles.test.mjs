// End-to-end tests of many articles in the page (playwright-core, the system's Chromium):
// pasting several at once, adding, opening files and folders, switching and removing,
// exporting JSON and CSV, copying, keeping them across a reload and clearing them, all by
// keyboard too. Expected results come from the Node build of the same package.
//
//   node --test tests/e2e/articles.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, analyzeCorpus } from '../../js/node.mjs';
import {
  ARTICLES,
  articleList,
  compareReady,
  expectedTitle,
  parseCsv,
  pasteArticles,
  safeCsv,
  settled,
  useBrowser,
} from './support.mjs';

const { openPage } = useBrowser();
let tmp;

before(() => {
  tmp = mkdtempSync(join(tmpdir(), 'kupas-articles-'));
});

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

// A fourth article, typed after "Add another article". Its first line (its title) is a
// spreadsheet formula with a comma and quotes: the CSV export must quote it and defuse it.
const FORMULA_TITLE = '=1+2, "Tanggul" Baru untuk Tambak Lorok';
const FOURTH = `${FORMULA_TITLE}\nPemerintah Kota Semarang akan membangun tanggul baru di Tambak Lorok mulai Juli 2025. Warga menyambut rencana itu.`;

/** Reads a download started by `action` (a click or a key press) as text. */
async function downloaded(page, action) {
  const [download] = await Promise.all([page.waitForEvent('download'), action()]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

/** What is kept in the page's localStorage under kupas's keys. */
const storedKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('kupas.')).sort());

test('pasting articles separated by === lines makes one article each; add another, switch and remove', async () => {
  const { page, check, close } = await openPage({ permissions: ['clipboard-read', 'clipboard-write'] });
  try {
    // A real paste (Ctrl+V) of three articles with separator lines between them.
    const joined = ARTICLES.join('\n\n===\n\n');
    await page.evaluate((text) => navigator.clipboard.writeText(text), joined);
    await page.focus('#text');
    await page.keyboard.press('Control+V');
    await page.waitForFunction(() => document.querySelectorAll('#file-list li').length === 3);
    await settled(page);
    assert.deepEqual(await articleList(page), ARTICLES.map((text, i) => ({ title: expectedTitle(text), current: i === 0 })));
    assert.equal(await page.inputValue('#text'), ARTICLES[0], 'the first article is in the text box');
    assert.match(await page.textContent('#file-message'), /Split the text at its === lines into 3 articles/);
    assert.match(await page.textContent('#editing'), /Article 1 of 3/);
    assert.equal(await page.locator('#view-tabs').isVisible(), true, 'the comparison is offered from two articles');
    assert.match(await page.textContent('#tab-compare'), /Compare 3 articles/);
    // The label says how to separate articles.
    assert.match(await page.textContent('label[for="text"]'), /line of === \(three or more equals signs\)/);
    // The page shows what the Node build gives for the first article.
    assert.equal(Number(await page.getAttribute('#stat-words', 'data-value')), analyze(ARTICLES[0]).stats.words);

    // Add another article: the box empties, typing makes a fourth one.
    await page.click('#add-article');
    assert.equal(await page.inputValue('#text'), '');
    assert.match(await page.textContent('#editing'), /A new article/);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'text');
    await page.fill('#text', FOURTH);
    await settled(page);
    assert.equal((await articleList(page)).length, 4);
    assert.deepEqual((await articleList(page))[3], { title: FORMULA_TITLE, current: true });

    // Switching: the second article is shown and analyzed.
    await page.click('#file-list li:nth-child(2) .file-open');
    await settled(page);
    assert.equal(await page.inputValue('#text'), ARTICLES[1]);
    const second = analyze(ARTICLES[1]);
    assert.equal(Number(await page.getAttribute('#stat-words', 'data-value')), second.stats.words);
    assert.equal(Number(await page.getAttribute('#stat-sentences', 'data-value')), second.stats.sentences);
    assert.equal(Number(await page.getAttribute('#stat-reading', 'data-value')), second.stats.readingMinutes);
    assert.equal(await page.textContent('#lang-code'), second.language.code);

    // Removing the fourth, then the current one: the next one is shown.
    await page.click('#file-list li:nth-child(4) .file-remove');
    assert.equal((await articleList(page)).length, 3);
    await page.click('#file-list li:nth-child(2) .file-remove');
    await settled(page);
    assert.deepEqual((await articleList(page)).map((a) => a.title), [ARTICLES[0], ARTICLES[2]].map(expectedTitle));
    assert.equal(await page.inputValue('#text'), ARTICLES[2]);

    // A separator typed by hand splits when the text box is left, not while typing.
    await page.click('#add-article');
    await page.keyboard.type('Satu\n===\nDua');
    await settled(page);
    assert.equal((await articleList(page)).length, 3, 'typing does not split');
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => document.querySelectorAll('#file-list li').length === 4);
    assert.deepEqual((await articleList(page)).map((a) => a.title).slice(2), ['Satu', 'Dua']);

    // Clear: a typed article goes with its text.
    await page.click('#file-list li:nth-child(4) .file-open');
    await page.click('#clear-text');
    await settled(page);
    assert.deepEqual((await articleList(page)).map((a) => a.title), [ARTICLES[0], ARTICLES[2], 'Satu'].map(expectedTitle));
    check();
  } finally {
    await close();
  }
});

test('an article that opens with page furniture is titled by its first line of story', async () => {
  const { page, check, close } = await openPage();
  try {
    // An editor's credit, then a dateline that opens the story's first line.
    const withFurniture =
      'Editor: Budi Santoso\nSemarang, Kota Pos - Air laut pasang merendam kampung nelayan di pesisir utara pada ' +
      'Senin (3/3/2025).\nWarga mengungsi ke masjid terdekat karena air terus naik.';
    const furniture = analyze(withFurniture).boilerplate.map((b) => b.kind);
    assert.deepEqual(furniture, ['credit', 'dateline'], 'the analysis finds the furniture the title skips');
    await pasteArticles(page, [withFurniture, ARTICLES[0]]);
    const story = 'Air laut pasang merendam kampung nelayan di pesisir utara pada Senin (3/3/2025).';
    assert.deepEqual((await articleList(page)).map((a) => a.title), [story, expectedTitle(ARTICLES[0])]);
    // The comparison analyses every article: its headers use the same titles.
    await page.click('#tab-compare');
    await compareReady(page);
    assert.deepEqual((await articleList(page)).map((a) => a.title), [story, expectedTitle(ARTICLES[0])]);
    check();
  } finally {
    await close();
  }
});

test('opening several files, a folder, and dropping several files', async () => {
  const files = ARTICLES.map((text, i) => {
    const path = join(tmp, `berita-${i + 1}.txt`);
    writeFileSync(path, text);
    return path;
  });
  const folder = join(tmp, 'kliping');
  mkdirSync(join(folder, 'lama'), { recursive: true });
  writeFileSync(join(folder, 'a.txt'), ARTICLES[0]);
  writeFileSync(join(folder, 'lama', 'b.md'), ARTICLES[1]);
  writeFileSync(join(folder, 'foto.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]));
  const { page, check, close } = await openPage();
  try {
    await page.setInputFiles('#file-input', files);
    await page.waitForFunction(() => document.querySelectorAll('#file-list li').length === 3);
    await settled(page);
    assert.deepEqual(await page.locator('#file-list .file-name').allTextContents(), ['berita-1.txt', 'berita-2.txt', 'berita-3.txt']);
    assert.deepEqual((await articleList(page)).map((a) => a.title), ARTICLES.map(expectedTitle));
    assert.match(await page.textContent('#file-message'), /Opened 3 of 3 files/);
    assert.equal(await page.inputValue('#text'), ARTICLES[0]);

    // A folder: its text files (in its folders too) in path order; the picture is skipped.
    await page.setInputFiles('#folder-input', folder);
    await page.waitForFunction(() => document.querySelectorAll('#file-list li').length === 5);
    await settled(page);
    assert.deepEqual((await page.locator('#file-list .file-name').allTextContents()).slice(3), ['a.txt', 'b.md']);
    assert.match(await page.textContent('#file-message'), /Opened 2 of 2 files from the folder\.\s*Skipped 1 file that is not \.txt, \.md or \.html/);

    // Dropping two files at once.
    const transfer = await page.evaluateHandle((texts) => {
      const data = new DataTransfer();
      texts.forEach((text, i) => data.items.add(new File([text], `jatuh-${i + 1}.txt`, { type: 'text/plain' })));
      return data;
    }, [ARTICLES[2], ARTICLES[1]]);
    await page.dispatchEvent('body', 'dragenter', { dataTransfer: transfer });
    assert.match(await page.textContent('#drop-overlay'), /Drop files or a folder/);
    await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
    await page.waitForFunction(() => document.querySelectorAll('#file-list li').length === 7);
    await settled(page);
    assert.deepEqual((await page.locator('#file-list .file-name').allTextContents()).slice(5), ['jatuh-1.txt', 'jatuh-2.txt']);
    assert.equal(await page.inputValue('#text'), ARTICLES[2]);
    check();
  } finally {
    await close();
  }
});

test('export: JSON equals analyze and analyzeCorpus, CSV parses with the right rows, copy to the clipboard', async () => {
  const { page, check, close } = await openPage({ permissions: ['clipboard-read', 'clipboard-write'] });
  try {
    const texts = [...ARTICLES, FOURTH];
    await pasteArticles(page, texts);
    // The article on screen: the first one.
    const one = await downloaded(page, () => page.click('#export-article [data-export="json"]'));
    assert.equal(one.name, 'kupas-banjir-rendam-ratusan-rumah-di-semarang.json');
    assert.deepEqual(JSON.parse(one.text), analyze(ARTICLES[0]));
    assert.match(await page.textContent('#export-article .export-status'), /Saved kupas-banjir-rendam-ratusan-rumah-di-semarang\.json/);

    // The fourth article's CSV: its formula title is quoted and defused.
    await page.click('#file-list li:nth-child(4) .file-open');
    await settled(page);
    const entities4 = await downloaded(page, () => page.click('#export-article [data-export="entities"]'));
    const rows4 = parseCsv(entities4.text);
    assert.ok(entities4.text.includes(`"'=1+2, ""Tanggul"" Baru untuk Tambak Lorok"`), 'RFC 4180 quoting and a leading apostrophe');
    assert.equal(rows4[1][1], `'${FORMULA_TITLE}`);
    assert.equal(rows4.length - 1, analyze(FOURTH).entities.length);

    // The set, from the comparison view.
    await page.click('#tab-compare');
    await compareReady(page);
    const corpus = analyzeCorpus(texts);
    const set = await downloaded(page, () => page.click('#compare .export-bar [data-export="json"]'));
    assert.equal(set.name, 'kupas-4-articles.json');
    assert.deepEqual(JSON.parse(set.text), corpus);

    const titles = texts.map(expectedTitle);
    const entities = await downloaded(page, () => page.click('#compare .export-bar [data-export="entities"]'));
    assert.equal(entities.name, 'kupas-4-articles-entities.csv');
    assert.ok(entities.text.endsWith('\r\n') && !/[^\r]\n/.test(entities.text), 'CRLF line ends');
    const entityRows = parseCsv(entities.text);
    assert.deepEqual(entityRows[0], ['article', 'article_title', 'label', 'text', 'aliases', 'count', 'value']);
    const wantEntities = corpus.documents.flatMap((doc, d) =>
      doc.entities.map((e) => [String(d + 1), titles[d], e.label, e.text, e.aliases.join('; '), String(e.count), e.value ?? ''].map(safeCsv)),
    );
    assert.deepEqual(entityRows.slice(1), wantEntities, 'one row per entity per article');

    const keywords = await downloaded(page, () => page.click('#compare .export-bar [data-export="keywords"]'));
    const keywordRows = parseCsv(keywords.text);
    assert.deepEqual(keywordRows[0], ['article', 'article_title', 'rank', 'text', 'key', 'score', 'count']);
    const wantKeywords = corpus.documents.flatMap((doc, d) =>
      doc.keywords.map((k, rank) => [String(d + 1), titles[d], String(rank + 1), k.text, k.key, String(k.score), String(k.count)].map(safeCsv)),
    );
    assert.deepEqual(keywordRows.slice(1), wantKeywords, 'one row per keyword per article, re-weighted against the set');

    // Copy: the set's JSON is on the clipboard, and the page says so.
    await page.click('#compare .export-bar [data-export="copy"]');
    await page.waitForFunction(() => /Copied/.test(document.querySelector('#compare .export-status').textContent));
    assert.match(await page.textContent('#compare .export-status'), /Copied the JSON of all 4 articles \(\d+(\.\d)? KB\) to the clipboard/);
    assert.deepEqual(JSON.parse(await page.evaluate(() => navigator.clipboard.readText())), corpus);
    // And one article's.
    await page.click('#tab-article');
    await page.click('#export-article [data-export="copy"]');
    await page.waitForFunction(() => /Copied/.test(document.querySelector('#export-article .export-status').textContent));
    assert.deepEqual(JSON.parse(await page.evaluate(() => navigator.clipboard.readText())), analyze(FOURTH));
    check();
  } finally {
    await close();
  }
});

test('articles survive a reload; a full storage keeps the page working; Clear all removes everything stored', async () => {
  const { page, check, close } = await openPage();
  try {
    await pasteArticles(page, ARTICLES);
    await page.click('#file-list li:nth-child(2) .file-open');
    await settled(page);
    await page.reload();
    await page.waitForFunction(() => document.getElementById('status').textContent === 'Ready');
    await settled(page);
    assert.deepEqual(await articleList(page), ARTICLES.map((text, i) => ({ title: expectedTitle(text), current: i === 1 })));
    assert.equal(await page.inputValue('#text'), ARTICLES[1], 'the article that was open is open again');
    assert.match(await page.textContent('#file-message'), /Restored 3 articles kept in this browser/);
    assert.equal(Number(await page.getAttribute('#stat-words', 'data-value')), analyze(ARTICLES[1]).stats.words);
    assert.equal((await storedKeys(page)).length, 4, 'an index and one key per article');

    // Storage full: fill it to the brim, then add a 200 KB article. Writing it fails; the page
    // says so, marks it, and goes on analyzing. The others stay kept.
    const filled = await page.evaluate(() => {
      let size = 4_000_000;
      let stored = 0;
      for (let i = 0; size >= 1000; i++) {
        try {
          localStorage.setItem(`test-filler-${i}`, 'x'.repeat(size));
          stored += size;
        } catch {
          size = Math.floor(size / 2);
          i--;
        }
      }
      return stored;
    });
    assert.ok(filled > 1_000_000, 'the test filled the storage');
    const big = `${ARTICLES[0]}\n\n${'Warga terus membersihkan lumpur di rumah mereka. '.repeat(4200)}`;
    await page.click('#add-article');
    await page.fill('#text', big);
    await settled(page);
    await page.waitForFunction(() => /Not kept after a reload/.test(document.getElementById('storage-message').textContent));
    assert.match(await page.textContent('#storage-message'), /storage for this page is full/);
    assert.match(await page.textContent('#file-list li:nth-child(4)'), /not kept after a reload/);
    assert.equal(Number(await page.getAttribute('#stat-words', 'data-value')), analyze(big).stats.words, 'the page keeps working');
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('test-filler-')).forEach((k) => localStorage.removeItem(k)));
    await page.reload();
    await page.waitForFunction(() => document.getElementById('status').textContent === 'Ready');
    assert.equal((await articleList(page)).length, 3, 'the article that did not fit is not back, the others are');

    // Clear all: nothing left on the page or in storage; Undo brings it back.
    await page.click('#clear-all');
    await settled(page);
    assert.equal(await page.locator('#file-panel').isHidden(), true);
    assert.equal(await page.inputValue('#text'), '');
    assert.equal(await page.locator('#empty').isVisible(), true);
    assert.deepEqual(await storedKeys(page), []);
    assert.match(await page.textContent('#file-message'), /Removed 3 articles from this page and from this browser.s storage/);
    await page.click('#file-message .undo');
    await settled(page);
    assert.equal((await articleList(page)).length, 3);
    await page.click('#clear-all');
    await page.reload();
    await page.waitForFunction(() => document.getElementById('status').textContent === 'Ready');
    await settled(page);
    assert.equal(await page.locator('#file-panel').isHidden(), true, 'nothing comes back after Clear all');
    assert.equal(await page.locator('#empty').isVisible(), true);
    assert.deepEqual(await storedKeys(page), []);
    check();
  } finally {
    await close();
  }
});

test('keyboard only: the list, the tabs, a link of the comparison, export and Clear all', async () => {
  const { page, check, close } = await openPage();
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      return { id: el?.id ?? '', className: el?.className ?? '', text: el?.textContent?.trim() ?? '' };
    });
  /** Presses Tab until `predicate(focused)` holds (at most `max` times). */
  const tabTo = async (predicate, what, max = 40) => {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      if (predicate(await focused())) return;
    }
    assert.fail(`Tab never reached ${what}`);
  };
  try {
    await pasteArticles(page, ARTICLES);
    // From the text box, Shift+Tab goes back into the list; Enter opens an article.
    await page.focus('#text');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    // The export group sits between the list and the text box; go back until an article.
    for (let i = 0; i < 8 && !(await focused()).className.includes('file-'); i++) await page.keyboard.press('Shift+Tab');
    assert.match((await focused()).className, /file-(open|remove)/);
    await page.focus('#file-list li:nth-child(3) .file-open');
    await page.keyboard.press('Enter');
    await settled(page);
    assert.equal(await page.inputValue('#text'), ARTICLES[2]);
    assert.equal((await articleList(page))[2].current, true);

    // The tabs: Tab reaches the selected one, → shows the comparison.
    await page.focus('#text');
    await tabTo((f) => f.id === 'tab-article', 'the tab of this article');
    await page.keyboard.press('ArrowRight');
    assert.equal((await focused()).id, 'tab-compare');
    assert.equal(await page.getAttribute('#tab-compare', 'aria-selected'), 'true');
    assert.equal(await page.locator('#panel-compare').isVisible(), true);
    assert.equal(await page.locator('#panel-article').isHidden(), true);
    await compareReady(page);

    // A count in the matrix opens its article at the entity: Enter on it.
    const corpus = analyzeCorpus(ARTICLES);
    const shared = corpus.entities.find((e) => e.documentFrequency >= 2 && e.documents.some((d) => d.document === 1));
    assert.ok(shared, 'the fixture has an entity in two articles');
    const share = shared.documents.find((d) => d.document === 1);
    await tabTo((f) => f.className === 'cell-open', 'a count in the matrix');
    await page.focus(`#cmp-matrix tr[data-index="${corpus.entities.indexOf(shared)}"] .cell-open[data-doc="1"]`);
    await page.keyboard.press('Enter');
    await settled(page);
    assert.equal(await page.getAttribute('#tab-article', 'aria-selected'), 'true');
    assert.equal(await page.inputValue('#text'), ARTICLES[1]);
    const entity = corpus.documents[1].entities[share.entity];
    await page.waitForFunction((key) => document.getElementById('reading').dataset.selected === key, `${entity.label}:${entity.text}`);
    assert.equal((await focused()).id, 'hit-next', 'focus on the stepper, where Enter goes to the next mention');
    assert.match(await page.textContent('#hit-position'), /1 of \d+/);
    const marked = await page.$$eval('#reading mark', (marks) => marks.map((m) => m.textContent));
    assert.deepEqual(marked, entity.mentions.map(({ start, end }) => ARTICLES[1].slice(start, end)));

    // Export by keyboard.
    await page.focus('#export-article [data-export="json"]');
    const { text } = await downloaded(page, () => page.keyboard.press('Enter'));
    assert.deepEqual(JSON.parse(text), analyze(ARTICLES[1]));

    // Clear all by keyboard; focus lands on Undo, Enter undoes.
    await page.focus('#clear-all');
    await page.keyboard.press('Enter');
    assert.equal((await focused()).text, 'Undo');
    assert.equal(await page.locator('#file-panel').isHidden(), true);
    await page.keyboard.press('Enter');
    await settled(page);
    assert.equal((await articleList(page)).length, 3);
    check();
  } finally {
    await close();
  }
});

test('the page scripts still never turn strings into markup, and nothing is sent anywhere', () => {
  const source = readFileSync(new URL('../../www/app.js', import.meta.url), 'utf8');
  assert.doesNotMatch(source, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/);
  assert.doesNotMatch(source, /\bfetch\(|XMLHttpRequest|sendBeacon|WebSocket|EventSource/);
});
