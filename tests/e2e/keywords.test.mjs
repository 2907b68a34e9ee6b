// End-to-end tests of the keyword panel and the reading view in Chromium (playwright-core,
// the system's /usr/bin/chromium). Expected keywords and spans come from the Node build of
// the same package, never hard-coded.
//
//   node --test tests/e2e/
//
// Screenshots go to tests/screenshots/ (git-ignored).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyze } from '../../js/node.mjs';
import { settled, shots, useBrowser } from './support.mjs';

// A made-up local news story with page furniture: a related-story link and an editor credit.
const ARTICLE = [
  'Harga Cabai Rawit di Pasar Kota Naik Tajam',
  '',
  'Kota Bandar Baru - Harga cabai rawit di sejumlah pasar tradisional Kota Bandar Baru naik tajam sejak awal pekan. ' +
    'Pedagang menyebut pasokan cabai rawit dari petani berkurang karena hujan deras mengguyur sentra produksi.',
  '',
  'Baca Juga: Harga Bawang Merah Turun Jelang Panen Raya',
  '',
  '"Sekarang cabai rawit dijual Rp80.000 per kilogram, padahal pekan lalu masih Rp55.000," kata Siti Aminah, ' +
    'pedagang di Pasar Sentral. Menurut dia, pembeli mulai mengurangi belanja cabai.',
  '',
  'Dinas Perdagangan Kota Bandar Baru berjanji menggelar operasi pasar pekan depan untuk menekan harga cabai rawit. ' +
    'Petugas juga akan memantau stok di gudang distributor.',
  '',
  'Editor: Budi Santoso',
].join('\n');

const { openPage, analyzed } = useBrowser();

/** The keyword list as shown: text, score (bar width and hidden text), count. */
async function shownKeywords(page) {
  return page.$$eval('#keywords .keyword', (buttons) =>
    buttons.map((button) => {
      const track = button.querySelector('.kw-track').getBoundingClientRect();
      const fill = button.querySelector('.kw-fill').getBoundingClientRect();
      return {
        text: button.querySelector('.kw-text').textContent,
        key: button.dataset.key,
        barShare: fill.width / track.width,
        fillWidth: fill.width,
        trackWidth: track.width,
        scoreText: button.querySelector('.kw-score').textContent,
        count: button.querySelector('.kw-count').textContent,
        // What a screen reader announces: the text without the parts hidden from it.
        name: (() => {
          const copy = button.cloneNode(true);
          for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
          return copy.textContent;
        })(),
        pressed: button.getAttribute('aria-pressed'),
        tag: button.tagName,
      };
    }),
  );
}

/** The marks in the reading view: each one's text, occurrence number and whether it is current. */
async function marks(page) {
  return page.$$eval('#reading mark', (nodes) =>
    nodes.map((mark) => ({
      text: mark.textContent,
      n: Number(mark.dataset.occurrence),
      current: mark.getAttribute('aria-current') === 'true',
      inFurniture: Boolean(mark.closest('.furniture')),
    })),
  );
}

const currentIndex = async (page) => (await marks(page)).findIndex((m) => m.current);

/** The occurrences' texts, in text order, as the Node build gives them. */
const occurrenceTexts = (text, keyword) =>
  [...keyword.occurrences].sort((a, b) => a.start - b.start).map(({ start, end }) => text.slice(start, end));

/** True when `node`'s box lies inside the reading view's visible box (once scrolling is done). */
async function visibleInReading(page, selector) {
  await page.waitForFunction(() => !('revealing' in document.getElementById('reading').dataset));
  return page.evaluate((selector) => {
    const box = document.getElementById('reading').getBoundingClientRect();
    const node = document.querySelector(selector)?.getBoundingClientRect();
    return Boolean(node) && node.top >= box.top - 1 && node.bottom <= box.bottom + 1;
  }, selector);
}

test('the keyword panel lists the ranked keywords with score bars and counts, first after the overview', async () => {
  const { page, check, close } = await openPage();
  try {
    const expected = await analyzed(page, ARTICLE);
    assert.ok(expected.keywords.length >= 5, 'the Node build finds keywords in the fixture');
    const got = await shownKeywords(page);
    assert.deepEqual(
      got.map((k) => k.text),
      expected.keywords.map((k) => k.text),
      'same phrases, same order',
    );
    expected.keywords.forEach((keyword, i) => {
      const shown = got[i];
      assert.equal(shown.tag, 'BUTTON');
      assert.equal(shown.key, keyword.key);
      assert.equal(shown.pressed, 'false');
      // The bar's width is the score (a sliver of 3px at least, so that a low score still shows).
      const want = Math.max(3, keyword.score * shown.trackWidth);
      assert.ok(Math.abs(shown.fillWidth - want) < 1.5,
        `${keyword.text}: bar ${shown.barShare.toFixed(3)} of its track for score ${keyword.score.toFixed(3)}`);
      assert.match(shown.scoreText, new RegExp(`score ${keyword.score.toFixed(2)} of 1`));
      assert.equal(shown.count.replace(/\D+/g, ''), String(keyword.count));
      assert.equal(
        shown.name,
        `${keyword.text}, score ${keyword.score.toFixed(2)} of 1, ${keyword.count} ${keyword.count === 1 ? 'occurrence' : 'occurrences'}`,
        'the name a screen reader reads',
      );
    });
    assert.equal(got[0].barShare > 0.98, true, 'the first keyword has a full bar');

    // The keyword panel is the first card after the overview; notes of the fixture: none.
    const order = await page.$$eval('#results > section', (cards) => cards.map((c) => c.querySelector('h3').id));
    assert.deepEqual(order.slice(0, 3), ['overview-heading', 'keywords-heading', 'reading-heading']);
    assert.equal(await page.locator('#notes').isHidden(), true);
    check();
  } finally {
    await close();
  }
});

test('selecting a keyword marks exactly its occurrences; next and previous move the current mark', async () => {
  const { page, check, close } = await openPage();
  try {
    const expected = await analyzed(page, ARTICLE);
    // The reading view is the analyzed text itself, untouched.
    assert.equal(await page.textContent('#reading'), ARTICLE);

    for (const keyword of expected.keywords.slice(0, 6)) {
      await page.click(`#keywords .keyword[data-rank="${expected.keywords.indexOf(keyword)}"]`);
      const got = await marks(page);
      assert.equal(got.length, keyword.count, `${keyword.text}: ${keyword.count} marks`);
      assert.deepEqual(got.map((m) => m.text), occurrenceTexts(ARTICLE, keyword), `${keyword.text}: marked texts`);
      assert.deepEqual(got.map((m) => m.n), [...got.keys()], 'one mark per occurrence, in text order');
      assert.equal(got.filter((m) => m.current).length, 1, 'one current mark');
      assert.equal(got[0].current, true, 'selecting goes to the first place');
      assert.equal(await page.getAttribute(`#keywords .keyword[data-key="${keyword.key}"]`, 'aria-pressed'), 'true');
      assert.equal(await page.locator('#keywords .keyword[aria-pressed="true"]').count(), 1);
      assert.equal(await page.textContent('#reading'), ARTICLE, 'marking never changes the text');
    }

    // The top keyword: every mark is (case-insensitively) the phrase itself.
    const top = expected.keywords[0];
    await page.click('#keywords .keyword[data-rank="0"]');
    assert.ok(top.count >= 3, 'the fixture repeats its top keyword');
    const forms = (await marks(page)).map((m) => m.text.toLocaleLowerCase('id'));
    for (const form of forms) assert.equal(form, top.text.toLocaleLowerCase('id'));
    assert.equal(await currentIndex(page), 0);
    assert.match(await page.textContent('#hit-position'), new RegExp(`1 of ${top.count}`));

    // Next, Next, Previous, and wrapping around at both ends.
    await page.click('#hit-next');
    assert.equal(await currentIndex(page), 1);
    assert.match(await page.textContent('#hit-position'), new RegExp(`2 of ${top.count}`));
    await page.click('#hit-next');
    assert.equal(await currentIndex(page), 2);
    await page.click('#hit-prev');
    assert.equal(await currentIndex(page), 1);
    await page.click('#hit-prev');
    await page.click('#hit-prev');
    assert.equal(await currentIndex(page), top.count - 1, 'previous from the first wraps to the last');
    await page.click('#hit-next');
    assert.equal(await currentIndex(page), 0, 'next from the last wraps to the first');
    // Clicking the selected keyword again goes to its next place.
    await page.click('#keywords .keyword[data-rank="0"]');
    assert.equal(await currentIndex(page), 1);
    // Clicking a mark makes it the current one.
    await page.click('#reading mark[data-occurrence="2"]');
    assert.equal(await currentIndex(page), 2);

    // Clear removes every mark.
    await page.click('#hit-clear');
    assert.equal((await marks(page)).length, 0);
    assert.equal(await page.locator('#keywords .keyword[aria-pressed="true"]').count(), 0);
    assert.equal(await page.isDisabled('#hit-next'), true);
    check();
  } finally {
    await close();
  }
});

test('the current place is scrolled into view in a long text', async () => {
  const { page, check, close } = await openPage();
  try {
    // The story, then many filler paragraphs, then the story again: the last places are far down.
    // About 25 KB: the text is drawn in blocks, and the last ones are never laid out until shown.
    const filler = Array.from({ length: 350 }, (_, i) => `Paragraf pengisi nomor ${i + 1} tentang cuaca dan lalu lintas kota.`).join('\n\n');
    const text = `${ARTICLE}\n\n${filler}\n\n${ARTICLE}`;
    const expected = await analyzed(page, text);
    // The story's own top keyword: it occurs at the top and again at the bottom.
    const storyKey = analyze(ARTICLE).keywords[0].key;
    const rank = expected.keywords.findIndex((k) => k.key === storyKey);
    assert.ok(rank >= 0, 'the story\'s top keyword is still a keyword');
    const top = expected.keywords[rank];
    await page.click(`#keywords .keyword[data-rank="${rank}"]`);
    assert.equal((await marks(page)).length, top.count);
    assert.ok(await visibleInReading(page, '#reading mark[aria-current="true"]'), 'first place visible');
    const scrolled = () => page.$eval('#reading', (box) => box.scrollTop);
    const firstTop = await scrolled();
    await page.click('#hit-prev'); // wraps to the last place, far below
    assert.equal(await currentIndex(page), top.count - 1);
    assert.ok(await visibleInReading(page, '#reading mark[aria-current="true"]'), 'last place scrolled into view');
    assert.ok((await scrolled()) > firstTop, 'the reading view scrolled down');
    // The current place is on screen, not only inside the reading view's box.
    const onScreen = () =>
      page.$eval('#reading mark[aria-current="true"]', (mark) => {
        const rect = mark.getBoundingClientRect();
        return rect.top >= 0 && rect.bottom <= window.innerHeight;
      });
    assert.ok(await onScreen(), 'the page scrolled to show it');
    // Every place in turn, forwards then backwards: each one lands in view.
    for (const [button, index] of [
      ...Array.from({ length: top.count }, (_, i) => ['#hit-next', i]),
      ...Array.from({ length: top.count }, (_, i) => ['#hit-prev', (2 * top.count - 2 - i) % top.count]),
    ]) {
      await page.click(button);
      assert.equal(await currentIndex(page), index);
      assert.ok(await visibleInReading(page, '#reading mark[aria-current="true"]'), `place ${index + 1} in view`);
      assert.ok(await onScreen(), `place ${index + 1} on screen`);
    }
    check();
  } finally {
    await close();
  }
});

test('page furniture is dimmed in the reading view and named in a tooltip', async () => {
  const { page, check, close } = await openPage();
  try {
    const expected = await analyzed(page, ARTICLE);
    const want = (expected.boilerplate ?? []).map(({ start, end, kind }) => ({ text: ARTICLE.slice(start, end), kind }));
    assert.ok(want.some((b) => b.text.startsWith('Baca Juga:')), 'the Node build finds the related-story line');
    assert.ok(want.some((b) => b.text.startsWith('Editor:')), 'the Node build finds the credit line');

    const got = await page.$$eval('#reading .furniture', (spans) =>
      spans.map((span) => ({
        text: span.textContent,
        kind: span.dataset.kind,
        title: span.title,
        color: getComputedStyle(span).color,
      })),
    );
    assert.deepEqual(got.map(({ text, kind }) => ({ text, kind })), want);
    for (const span of got) assert.equal(span.title, `Page furniture: ${span.kind}`);
    const storyColor = await page.$eval('#reading', (box) => getComputedStyle(box).color);
    for (const span of got) assert.notEqual(span.color, storyColor, 'furniture is drawn dimmer than the story');

    // The overview says the counts leave the furniture out.
    assert.match(await page.textContent('#furniture-summary'), /count the story only/);
    // No keyword comes from the furniture lines: selecting each one never marks inside them.
    for (let i = 0; i < expected.keywords.length; i++) {
      await page.click(`#keywords .keyword[data-rank="${i}"]`);
      assert.ok((await marks(page)).every((m) => !m.inFurniture), `${expected.keywords[i].text} stays out of the furniture`);
    }
    check();
  } finally {
    await close();
  }
});

test('keyboard only: Tab to a keyword, Enter selects it, Enter and arrows step, Esc clears', async () => {
  const { page, check, close } = await openPage();
  try {
    const expected = await analyzed(page, ARTICLE);
    const top = expected.keywords[0];
    // From the text box, Tab reaches the first keyword (nothing focusable lies between them).
    await page.focus('#text');
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => document.activeElement?.dataset?.key ?? document.activeElement?.id);
    assert.equal(await focused(), top.key, 'Tab lands on the first keyword');
    assert.equal((await marks(page)).length, 0);

    await page.keyboard.press('Enter');
    assert.equal((await marks(page)).length, top.count);
    assert.equal(await currentIndex(page), 0);
    assert.equal(await focused(), top.key, 'focus stays on the keyword');
    await page.keyboard.press('Enter');
    assert.equal(await currentIndex(page), 1, 'Enter again: the next place');
    await page.keyboard.press('ArrowRight');
    assert.equal(await currentIndex(page), 2, '→: the next place');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await currentIndex(page), 1, '←: the previous place');
    await page.keyboard.press('Shift+Enter');
    assert.equal(await currentIndex(page), 0, 'Shift+Enter: the previous place');
    await page.keyboard.press('Space');
    assert.equal(await currentIndex(page), 1, 'Space acts like Enter');

    // ↓ moves to the next keyword without selecting it; Enter selects that one.
    await page.keyboard.press('ArrowDown');
    const second = expected.keywords[1];
    assert.equal(await focused(), second.key);
    assert.equal(await page.getAttribute(`#keywords .keyword[data-key="${top.key}"]`, 'aria-pressed'), 'true');
    await page.keyboard.press('Enter');
    assert.equal((await marks(page)).length, second.count);
    assert.deepEqual((await marks(page)).map((m) => m.text), occurrenceTexts(ARTICLE, second));
    await page.keyboard.press('ArrowUp');
    assert.equal(await focused(), top.key);

    await page.keyboard.press('Escape');
    assert.equal((await marks(page)).length, 0, 'Esc clears the marks');
    assert.match(await page.textContent('#hit-position'), /No keyword selected/);

    // The keys are explained on the page.
    assert.match(await page.textContent('#keywords-hint'), /Enter.*next.*Shift\s*\+\s*Enter.*previous.*Esc/s);
    check();
  } finally {
    await close();
  }
});

test('the selection survives editing the text, and the reading view follows the text', async () => {
  const { page, check, close } = await openPage();
  try {
    const expected = await analyzed(page, ARTICLE);
    const top = expected.keywords[0];
    await page.click('#keywords .keyword[data-rank="0"]');
    await page.locator('#text').press('Control+End');
    const more = `\n\nWarga berharap harga ${top.text} segera turun.`;
    await page.locator('#text').pressSequentially(more);
    await settled(page);
    const text = await page.inputValue('#text');
    assert.equal(await page.textContent('#reading'), text);
    const now = analyze(text).keywords.find((k) => k.key === top.key);
    assert.ok(now, 'the keyword is still found');
    assert.deepEqual((await marks(page)).map((m) => m.text), occurrenceTexts(text, now));
    check();
  } finally {
    await close();
  }
});

test('markup pasted into the article shows as text in the keyword panel and reading view, and never runs', async () => {
  const { page, check, close } = await openPage();
  try {
    const attack =
      '<script>window.__pwned=1</script> <img src=x onerror="window.__pwned=2"> ' +
      '<b onmouseover="window.__pwned=3">tebal</b>';
    // Repeated, so that pieces of the markup become keywords.
    const text = `${ARTICLE}\n\n${attack}\n\n${attack} ${attack}\n\nPasar ${attack}`;
    const expected = await analyzed(page, text);
    assert.equal(await page.textContent('#reading'), text, 'the reading view shows the markup as text');
    for (let i = 0; i < expected.keywords.length; i++) {
      await page.click(`#keywords .keyword[data-rank="${i}"]`);
      assert.deepEqual(
        (await marks(page)).map((m) => m.text),
        occurrenceTexts(text, expected.keywords[i]),
      );
    }
    await page.hover('#reading');
    const injected = await page.evaluate(() => ({
      pwned: window.__pwned,
      scripts: [...document.scripts].map((s) => s.getAttribute('src')),
      images: document.querySelectorAll('img').length,
      bold: document.querySelectorAll('#results b').length,
      readingElements: [...new Set([...document.querySelectorAll('#reading *')].map((n) => n.localName))].sort(),
    }));
    assert.equal(injected.pwned, undefined);
    assert.deepEqual(injected.scripts, ['/app.js', '/sw-register.js'], 'only the page scripts');
    assert.equal(injected.images, 0);
    assert.equal(injected.bold, 0);
    for (const name of injected.readingElements) assert.ok(['mark', 'span'].includes(name), `reading view holds <${name}>`);
    check();
  } finally {
    await close();
  }
});

test('a very long text: the reading view shows its first part with a note, and highlights stay correct', async () => {
  const { page, check, close } = await openPage();
  try {
    const paragraph = ARTICLE.split('\n\n').slice(1, 4).join('\n\n');
    const long = Array.from({ length: 800 }, (_, i) => `${paragraph}\n\nBagian ${i + 1}.`).join('\n\n'); // about 380 KB
    await page.evaluate((text) => {
      const box = document.getElementById('text');
      box.value = text;
      box.dispatchEvent(new Event('input'));
    }, long);
    await settled(page);
    const expected = analyze(long);
    const shownLength = Number(await page.getAttribute('#reading', 'data-shown'));
    assert.ok(shownLength < long.length && shownLength >= 100_000, `shows part of the text (${shownLength})`);
    assert.equal(await page.locator('#reading-note').isVisible(), true);
    assert.match(await page.textContent('#reading-note'), /first [\d,]+ of [\d,]+ characters/);
    const shownText = await page.evaluate(() => {
      const box = document.getElementById('reading');
      return [...box.childNodes].filter((n) => !n.classList?.contains('reading-cut')).map((n) => n.textContent).join('');
    });
    assert.equal(shownText, long.slice(0, shownLength));

    const top = expected.keywords[0];
    const started = Date.now();
    await page.click('#keywords .keyword[data-rank="0"]');
    const elapsed = Date.now() - started;
    const inView = [...top.occurrences].sort((a, b) => a.start - b.start).filter((o) => o.end <= shownLength);
    const got = await marks(page);
    assert.equal(got.length, inView.length);
    assert.deepEqual(got.map((m) => m.text), inView.map(({ start, end }) => long.slice(start, end)));
    assert.match(await page.textContent('#hit-position'), /more past the shown text/);
    // The last shown place, far down, is scrolled into view.
    await page.click('#hit-prev');
    assert.equal(await currentIndex(page), inView.length - 1);
    assert.ok(await visibleInReading(page, '#reading mark[aria-current="true"]'), 'the last shown place is in view');
    console.log(`# ${Math.round(long.length / 1024)} KB text: ${got.length} marks drawn in ${elapsed} ms (click to done)`);
    assert.ok(elapsed < 2000, `selecting a keyword took ${elapsed} ms`);
    check();
  } finally {
    await close();
  }
});

test('a language without a stopword list shows the analyzer\'s note', async () => {
  const { page, check, close } = await openPage();
  try {
    const text = [
      'Le conseil municipal de la ville a voté hier soir le nouveau budget pour les écoles.',
      'Le maire a déclaré que le budget des écoles augmentera de dix pour cent cette année.',
      'Les parents des élèves ont salué la décision du conseil municipal.',
    ].join(' ');
    const expected = await analyzed(page, text);
    const notes = expected.notes ?? [];
    assert.ok(notes.length > 0, 'the Node build notes how the keywords were found');
    const got = await page.$$eval('#notes .note', (items) => items.map((li) => ({ code: li.dataset.code, message: li.textContent })));
    assert.deepEqual(got, notes.map(({ code, message }) => ({ code, message })));
    assert.equal(await page.locator('#notes').isVisible(), true);
    check();
  } finally {
    await close();
  }
});

test('keywords and reading view in light and dark themes, desktop and phone: no overflow', async () => {
  for (const [name, options] of [
    ['keywords-desktop-light', {}],
    ['keywords-desktop-dark', { colorScheme: 'dark' }],
    ['keywords-phone-light', { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }],
    ['keywords-phone-dark', { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, colorScheme: 'dark' }],
  ]) {
    const { page, check, close } = await openPage(options);
    try {
      const expected = await analyzed(page, ARTICLE);
      const listed = () => page.locator('#keywords .keyword').count();
      if (options.isMobile && expected.keywords.length > 10) {
        // A phone lists the first 10; "Show more" lists the rest and moves focus to the 11th.
        assert.equal(await listed(), 10, `${name}: 10 keywords at first`);
        await page.click('#keywords-more button');
        assert.equal(await listed(), expected.keywords.length, `${name}: all keywords after "Show more"`);
        assert.equal(await page.evaluate(() => document.activeElement?.dataset.rank), '10');
      } else {
        assert.equal(await listed(), expected.keywords.length, `${name}: every keyword listed`);
      }
      await page.click('#keywords .keyword[data-rank="0"]');
      await page.click('#hit-next');
      const overflow = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth - window.innerWidth,
        cards: [...document.querySelectorAll('.card, .keyword, .stepper')]
          .filter((el) => el.scrollWidth > el.clientWidth + 1)
          .map((el) => `${el.className}: ${el.scrollWidth} > ${el.clientWidth}`),
      }));
      assert.ok(overflow.page <= 0, `${name}: the page scrolls sideways by ${overflow.page}px`);
      assert.deepEqual(overflow.cards, [], `${name}: boxes with content wider than themselves`);
      await page.locator('#keywords-heading').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, `${name}.png`) });
      check();
    } finally {
      await close();
    }
  }
});
