// End-to-end tests of the comparison view (playwright-core, the system's Chromium): the
// entity × article matrix, shared and distinctive keywords, the timeline of dates, and the
// views in light and dark themes from 375 px to desktop. Expected values come from
// analyzeCorpus in the Node build of the same package.
//
//   node --test tests/e2e/compare.test.mjs
//
// Screenshots go to tests/screenshots/ (git-ignored), the comparison of the five seed
// articles too when ../shared/seeds is present. The README's picture (docs/compare.png) is
// compare-desktop-light.png, of the articles written for these tests: the seeds are not
// kupas's to copy, not even as a picture.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeCorpus } from '../../js/node.mjs';
import {
  ARTICLES,
  compareReady,
  expectedTitle,
  fullScreenshot,
  pasteArticles,
  settled,
  shots,
  useBrowser,
} from './support.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const seeds = join(repo, '..', 'shared', 'seeds');
const { openPage } = useBrowser();

/** The matrix as shown: per row its corpus index, label, name, "in" count and cell counts. */
function matrix(page) {
  return page.$$eval('#cmp-matrix tbody tr[data-index]', (rows) =>
    rows.map((tr) => ({
      index: Number(tr.dataset.index),
      label: tr.dataset.label,
      name: tr.querySelector('th[scope="row"] .row-name').textContent,
      df: Number(tr.querySelector('.df').dataset.df),
      cells: [...tr.querySelectorAll('td.cell')].map((td) => Number(td.dataset.count)),
    })),
  );
}

/** Opens every "Show more" of the matrix. */
async function showAllRows(page) {
  for (let more = page.locator('#cmp-matrix .more-row button'); await more.count(); ) await more.first().click();
}

/** WCAG contrast of two CSS colours as computed: rgb(0-255 …) or color(srgb 0-1 …). */
function contrast(a, b) {
  const lum = (css) => {
    const scale = css.startsWith('color(srgb') ? 1 : 255;
    const [r, g, b2] = css.replace('color(srgb', '').match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => {
      const c = v / scale;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b2;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** No box of the page is wider than the window, and no card is wider than itself. */
async function assertNoOverflow(page, name) {
  const overflow = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth - window.innerWidth,
    boxes: [...document.querySelectorAll('.card, .input-pane, .file-item, .export-bar, .view-tabs, .tl-item')]
      .filter((el) => el.offsetParent && el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.className}: ${el.scrollWidth} > ${el.clientWidth}`),
  }));
  assert.ok(overflow.page <= 0, `${name}: the page scrolls sideways by ${overflow.page}px`);
  assert.deepEqual(overflow.boxes, [], `${name}: boxes wider than themselves`);
}

test('the matrix, the keywords and the timeline show what analyzeCorpus gives; links open an article at a date', async () => {
  const corpus = analyzeCorpus(ARTICLES);
  // What the fixture must give for the test to mean something.
  assert.ok(corpus.entities.some((e) => e.documentFrequency >= 2 && e.label === 'PERSON'), 'a person in two articles');
  assert.ok(corpus.keywords.some((k) => k.documentFrequency === 3), 'a keyword in all three');
  const dates = corpus.entities.filter((e) => e.label === 'DATE' && /^\d{4}/.test(e.value ?? ''));
  assert.ok(dates.length >= 4, 'dates with a year');

  const { page, check, close } = await openPage();
  try {
    await pasteArticles(page, ARTICLES);
    assert.equal(await page.locator('#panel-compare').isHidden(), true);
    await page.click('#tab-compare');
    await compareReady(page);
    assert.match(await page.textContent('#compare-status'), /3 articles compared in/);

    // The articles with their numbers, titles and counts.
    const rows = await page.$$eval('#cmp-article-rows tr', (trs) =>
      trs.map((tr) => ({ title: tr.querySelector('.art-title').textContent, words: Number(tr.children[3].dataset.value), sentences: Number(tr.children[4].dataset.value) })),
    );
    assert.deepEqual(rows, corpus.documents.map((doc, d) => ({ title: expectedTitle(ARTICLES[d]), words: doc.stats.words, sentences: doc.stats.sentences })));

    // The matrix: a real table, one column per article, a row per corpus entity, grouped by type.
    const heads = await page.$$eval('#cmp-matrix thead th', (ths) => ths.map((th) => ({ scope: th.getAttribute('scope'), text: th.textContent })));
    assert.deepEqual(heads.map((th) => th.scope), ['col', 'col', 'col', 'col', 'col']);
    assert.deepEqual(heads.slice(2).map((th) => th.text), ARTICLES.map((text, i) => `Article ${i + 1}${expectedTitle(text)}`));
    await showAllRows(page);
    const shown = await matrix(page);
    assert.equal(shown.length, corpus.entities.length, 'every corpus entity has a row');
    for (const row of shown) {
      const entity = corpus.entities[row.index];
      assert.equal(row.name, entity.text);
      assert.equal(row.label, entity.label);
      assert.equal(row.df, entity.documentFrequency);
      const want = ARTICLES.map((_, d) => entity.documents.find((share) => share.document === d)?.count ?? 0);
      assert.deepEqual(row.cells, want, `${entity.text}: counts per article`);
    }
    // Grouped: each type's rows together, under a row header of scope rowgroup.
    const groups = await page.$$eval('#cmp-matrix tbody', (bodies) =>
      bodies.map((body) => ({ label: body.dataset.label, scope: body.querySelector('.group-row th').getAttribute('scope'), labels: [...new Set([...body.querySelectorAll('tr[data-label]')].map((tr) => tr.dataset.label))] })),
    );
    assert.deepEqual(groups.map((g) => g.labels), groups.map((g) => [g.label]));
    assert.ok(groups.every((g) => g.scope === 'rowgroup'));
    assert.equal(new Set(groups.map((g) => g.label)).size, groups.length, 'one group per type');

    // Keywords: those in all articles, and each article's own.
    const n = ARTICLES.length;
    const sharedAll = await page.$$eval('#cmp-shared [data-group="all"] .chip', (chips) => chips.map((c) => c.dataset.key));
    assert.deepEqual(sharedAll, corpus.keywords.filter((k) => k.documentFrequency === n).map((k) => k.key));
    assert.ok(sharedAll.length > 0);
    const distinct = await page.$$eval('#cmp-distinct > li', (items) => items.map((li) => [...li.querySelectorAll('.chip')].map((c) => c.dataset.key)));
    assert.equal(distinct.length, n);
    const inOthers = (key, d) => corpus.documents.some((doc, o) => o !== d && doc.keywords.some((k) => k.key === key)) ||
      (corpus.keywords.find((k) => k.key === key)?.documentFrequency ?? 1) > 1;
    distinct.forEach((keys, d) => {
      assert.ok(keys.length > 0, `article ${d + 1} has distinctive keywords`);
      const own = corpus.documents[d].keywords.map((k) => k.key);
      assert.deepEqual(keys, own.filter((key) => !inOthers(key, d)).slice(0, keys.length), `article ${d + 1}: its own keywords, in its order`);
      for (const key of keys) assert.ok(!sharedAll.includes(key));
    });

    // The timeline: every date with a year, each once, in date order.
    const timeline = await page.$$eval('#cmp-timeline .tl-item', (items) =>
      items.map((li) => ({ value: li.dataset.value, datetime: li.querySelector('time')?.getAttribute('datetime') ?? null, iso: li.querySelector('.tl-iso').textContent })),
    );
    assert.deepEqual(timeline.map((t) => t.value).sort(), dates.map((e) => e.value).sort());
    const starts = timeline.map((t) => t.value.split('/')[0]);
    for (let i = 1; i < starts.length; i++) assert.ok(starts[i - 1] <= starts[i], `${starts[i - 1]} before ${starts[i]}`);
    for (const t of timeline) {
      assert.equal(t.iso, t.value, 'the ISO value is shown');
      assert.equal(t.datetime, t.value.split('/')[0], 'a machine-readable <time>');
    }

    // A date of the timeline opens its article at that date.
    const date = dates.find((e) => e.documents.some((share) => share.document === 1));
    const share = date.documents.find((s) => s.document === 1);
    await page.click(`#cmp-timeline .tl-item[data-value="${date.value}"] .tl-open[data-doc="1"]`);
    await settled(page);
    assert.equal(await page.getAttribute('#tab-article', 'aria-selected'), 'true');
    assert.equal(await page.inputValue('#text'), ARTICLES[1]);
    const entity = corpus.documents[1].entities[share.entity];
    await page.waitForFunction((key) => document.getElementById('reading').dataset.selected === key, `${entity.label}:${entity.text}`);
    await page.waitForFunction(() => !('revealing' in document.getElementById('reading').dataset));
    const current = await page.$eval('#reading mark[aria-current="true"]', (mark) => ({ text: mark.textContent, start: Number(mark.dataset.start) }));
    const first = [...entity.mentions].sort((a, b) => a.start - b.start)[0];
    assert.deepEqual(current, { text: ARTICLES[1].slice(first.start, first.end), start: first.start }, 'the current place is its first mention');

    // Editing an article updates the comparison.
    await page.click('#tab-compare');
    await compareReady(page);
    await page.locator('#text').press('Control+End');
    await page.locator('#text').pressSequentially(' Ratna Wulandari kembali ke Semarang.');
    await settled(page);
    await compareReady(page);
    const edited = analyzeCorpus([ARTICLES[0], await page.inputValue('#text'), ARTICLES[2]]);
    await showAllRows(page);
    const after = await matrix(page);
    assert.deepEqual(after.map((row) => row.cells), after.map((row) => ARTICLES.map((_, d) => edited.entities[row.index].documents.find((s) => s.document === d)?.count ?? 0)));
    check();
  } finally {
    await close();
  }
});

test('screenshots and contrast: the list and the comparison, light and dark, desktop and 375 px', async () => {
  for (const [name, options] of [
    ['desktop-light', {}],
    ['desktop-dark', { colorScheme: 'dark' }],
    ['phone-light', { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }],
    ['phone-dark', { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, colorScheme: 'dark' }],
  ]) {
    const { page, check, close } = await openPage(options);
    try {
      await pasteArticles(page, ARTICLES);
      await page.evaluate(() => {
        document.getElementById('text').blur();
        window.scrollTo(0, 0);
      });
      await assertNoOverflow(page, `${name} list`);
      await page.screenshot({ path: join(shots, `articles-${name}.png`) });

      await page.click('#tab-compare');
      await compareReady(page);
      await assertNoOverflow(page, `${name} compare`);
      await page.locator('#view-tabs').scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollBy(0, document.getElementById('view-tabs').getBoundingClientRect().top - 8));
      await page.screenshot({ path: join(shots, `compare-${name}.png`) });
      await fullScreenshot(page, join(shots, `compare-${name}-full.png`));

      // Text against what it sits on: matrix cells at every shade, headers, tabs, timeline.
      const pairs = await page.evaluate(() => {
        const bg = (el) => {
          for (let node = el; node; node = node.parentElement) {
            const colour = getComputedStyle(node).backgroundColor;
            if (colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') return colour;
          }
          return getComputedStyle(document.body).backgroundColor;
        };
        const out = [];
        const add = (what, el) => el && out.push({ what, fg: getComputedStyle(el).color, bg: bg(el) });
        for (let level = 1; level <= 4; level++) {
          const probe = document.createElement('td');
          probe.className = `cell lv-${level}`;
          const button = document.createElement('button');
          button.className = 'cell-open';
          button.textContent = '9';
          probe.append(button);
          const row = document.querySelector('#cmp-matrix tbody tr[data-index]');
          row.append(probe);
          add(`cell level ${level}`, button);
          probe.remove();
        }
        add('column title', document.querySelector('.col-title'));
        add('row facts', document.querySelector('.row-facts'));
        add('in count', document.querySelector('.cmp-matrix .df'));
        add('tab', document.querySelector('.view-tab[aria-selected="false"]'));
        add('tab selected', document.querySelector('.view-tab[aria-selected="true"]'));
        add('timeline date', document.querySelector('.tl-date'));
        add('timeline ISO', document.querySelector('.tl-iso'));
        add('timeline link', document.querySelector('.tl-open'));
        add('timeline count', document.querySelector('.tl-count'));
        add('article link', document.querySelector('.art-open'));
        add('chip count', document.querySelector('#cmp-shared .chip-count'));
        add('export label', document.querySelector('#compare .export-label'));
        add('list meta', document.querySelector('.file-meta'));
        add('article number', document.querySelector('.file-item.current .file-num'));
        add('clear all', document.getElementById('clear-all'));
        return out;
      });
      for (const { what, fg, bg } of pairs) assert.ok(contrast(fg, bg) >= 4.5, `${name}: ${what} ${contrast(fg, bg).toFixed(2)}:1 (${fg} on ${bg})`);
      check();
    } finally {
      await close();
    }
  }
});

test('the five seed articles: opened as files, compared and pictured', async (t) => {
  if (!existsSync(seeds)) {
    t.skip('../shared/seeds is absent');
    return;
  }
  const files = readdirSync(seeds).filter((name) => name.endsWith('.txt')).sort().map((name) => join(seeds, name));
  assert.equal(files.length, 5);
  const { page, check, close } = await openPage();
  try {
    await page.setInputFiles('#file-input', files);
    await page.waitForFunction(() => document.querySelectorAll('#file-list li').length === 5);
    await settled(page);
    await page.click('#tab-compare');
    await compareReady(page);
    await assertNoOverflow(page, 'seeds');
    // The matrix at the top of the window, the list of articles beside it (it stays in view).
    await page.evaluate(() => {
      document.activeElement?.blur();
      const card = document.getElementById('cmp-entities-heading').closest('.card');
      window.scrollTo(0, card.getBoundingClientRect().top + window.scrollY - 16);
    });
    const shot = join(shots, 'compare-seeds-desktop-light.png');
    await page.screenshot({ path: shot });
    assert.ok(statSync(shot).size < 300 * 1024, `the picture is ${(statSync(shot).size / 1024).toFixed(0)} KB`);
    check();
  } finally {
    await close();
  }
});
