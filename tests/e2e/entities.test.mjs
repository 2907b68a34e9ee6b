// End-to-end tests of the entity highlights, their tooltip and the entity panel in Chromium
// (playwright-core, the system's /usr/bin/chromium). Expected entities and spans come from the
// Node build of the same package, never hard-coded; the fixture only has to make the Node
// build find what a test needs, and each test first checks that it does.
//
//   node --test tests/e2e/entities.test.mjs
//
// Screenshots go to tests/screenshots/ (git-ignored).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../js/node.mjs';
import { settled, shots, useBrowser } from './support.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const seed = join(repo, '..', 'shared', 'seeds', '000_c27b010dec6c9a7a.txt');

// A made-up story: a person named in full and then by surname, places named twice, organisations,
// a date, an amount and a percentage (for the value rules as they land), an outlet cited, and
// an editor credit (page furniture).
const ARTICLE = [
  'Presiden Joko Widodo bertemu Menteri Luar Negeri Retno Marsudi di Jakarta pada Senin (17/6/2024). ' +
    'Widodo mengatakan Indonesia siap membantu negara tetangga. Joko Widodo lalu terbang ke Surabaya.',
  '',
  'Di Surabaya, Widodo meninjau kantor Bank Indonesia dan berbicara dengan pedagang pasar. ' +
    'Retno Marsudi tetap di Jakarta untuk menerima tamu dari Malaysia.',
  '',
  'Anggaran kunjungan itu mencapai Rp1,5 miliar, naik 12% dibanding tahun lalu, kata juru bicara ' +
    'Kementerian Luar Negeri pada 18 Juni 2024 pukul 09.30 WIB, seperti dikutip Kompas.',
  '',
  'Editor: Budi Santoso',
].join('\n');

// What the page shows for each type: the tag after a highlight and the type's name.
const TYPES = {
  PERSON: { tag: 'PER', name: 'Person', plural: 'People' },
  ORGANIZATION: { tag: 'ORG', name: 'Organization', plural: 'Organizations' },
  LOCATION: { tag: 'LOC', name: 'Place', plural: 'Places' },
  DATE: { tag: 'DATE', name: 'Date', plural: 'Dates' },
  TIME: { tag: 'TIME', name: 'Time', plural: 'Times' },
  MONEY: { tag: 'MONEY', name: 'Money', plural: 'Money' },
  PERCENT: { tag: 'PCT', name: 'Percentage', plural: 'Percentages' },
  QUANTITY: { tag: 'QTY', name: 'Quantity', plural: 'Quantities' },
  URL: { tag: 'URL', name: 'Web address', plural: 'Web addresses' },
  EMAIL: { tag: 'EMAIL', name: 'Email address', plural: 'Email addresses' },
};
const ORDER = Object.keys(TYPES);

const { openPage, analyzed } = useBrowser();

/** Every highlighted mention as drawn: its pieces joined, its tag and the tag drawn after it. */
async function highlights(page) {
  return page.evaluate(() => {
    const byMention = new Map();
    for (const node of document.querySelectorAll('#reading .ent')) {
      const key = `${node.dataset.e}:${node.dataset.m}`;
      let mention = byMention.get(key);
      if (!mention) {
        mention = { e: Number(node.dataset.e), m: Number(node.dataset.m), text: '', tag: node.dataset.tag, pieces: 0, drawnTag: null, heads: 0 };
        byMention.set(key, mention);
      }
      mention.text += node.textContent;
      mention.pieces++;
      if (node.classList.contains('ent-head')) mention.heads++;
      if (node.classList.contains('ent-end')) {
        const after = getComputedStyle(node, '::after');
        mention.drawnTag = after.display === 'none' ? null : after.content.replace(/^"\u2060?|"$/g, '');
      }
    }
    return [...byMention.values()];
  });
}

/** The mentions the Node build gives, in text order: `{ e, m, text, label }`. */
function mentionsOf(text, entities) {
  const out = [];
  entities.forEach((entity, e) =>
    entity.mentions.forEach((span, m) => out.push({ e, m, start: span.start, text: text.slice(span.start, span.end), label: entity.label })),
  );
  return out.sort((a, b) => a.start - b.start);
}

/** The marks (places of the selection) in the reading view. */
async function marks(page) {
  return page.$$eval('#reading mark', (nodes) =>
    nodes.map((mark) => ({
      text: mark.textContent,
      n: Number(mark.dataset.occurrence),
      current: mark.getAttribute('aria-current') === 'true',
      inEntity: Boolean(mark.closest('.ent')),
      holdsEntity: Boolean(mark.querySelector('.ent')),
    })),
  );
}

const currentIndex = async (page) => (await marks(page)).findIndex((m) => m.current);

/** The tooltip as shown: visible or not, its type, name and facts. */
async function tooltip(page) {
  return page.evaluate(() => {
    const tip = document.getElementById('entity-tip');
    const visible = !tip.hidden && getComputedStyle(tip).visibility === 'visible';
    return {
      visible,
      role: tip.getAttribute('role'),
      type: tip.querySelector('.tip-type-name')?.textContent ?? null,
      tag: tip.querySelector('.tip-type .ent-tag')?.textContent ?? null,
      name: tip.querySelector('.tip-name')?.textContent ?? null,
      facts: Object.fromEntries([...tip.querySelectorAll('.tip-fact')].map((row) => [row.querySelector('dt').textContent, row.querySelector('dd').textContent])),
      elements: [...new Set([...tip.querySelectorAll('*')].map((n) => n.localName))].sort(),
      box: tip.getBoundingClientRect().toJSON(),
    };
  });
}

/** The entity panel as shown: per group its label, heading and entities. */
async function panel(page) {
  return page.$$eval('#entity-groups .ent-group', (groups) => {
    // The text on screen, without the words only a screen reader reads.
    const visible = (node) => {
      if (!node) return '';
      const copy = node.cloneNode(true);
      for (const hidden of copy.querySelectorAll('.visually-hidden')) hidden.remove();
      return copy.textContent;
    };
    return groups.map((group) => ({
      label: group.dataset.label,
      heading: group.querySelector('h4 .ent-group-name').textContent,
      count: group.querySelector('h4 .ent-group-count').textContent,
      listLabelledBy: group.querySelector('ul').getAttribute('aria-labelledby') === group.querySelector('h4').id,
      entities: [...group.querySelectorAll('.entity')].map((button) => ({
        key: button.dataset.key,
        name: button.querySelector('.ent-name').textContent,
        count: button.querySelector('.ent-count').textContent,
        aliases: visible(button.querySelector('.ent-aliases')),
        facts: [...button.querySelectorAll('.ent-fact')].map(visible),
        pressed: button.getAttribute('aria-pressed'),
        // What a screen reader announces: the text without the parts hidden from it.
        spoken: (() => {
          const copy = button.cloneNode(true);
          for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
          return copy.textContent;
        })(),
      })),
    }));
  });
}

/** The panel's order: types in the page's order, then most mentions first, then first mention. */
function expectedGroups(entities) {
  const groups = [];
  for (const label of ORDER) {
    const items = entities.filter((e) => e.label === label);
    if (!items.length) continue;
    items.sort((a, b) => b.count - a.count || a.mentions[0].start - b.mentions[0].start);
    groups.push({ label, items });
  }
  return groups;
}

const entityKey = (entity) => `${entity.label}:${entity.text}`;
const find = (entities, label, text) => entities.findIndex((e) => e.label === label && e.text === text);

/** The text of the reading view (the tags after highlights are drawn by CSS, not text). */
const readingText = (page) => page.textContent('#reading');

test('entities are highlighted in the text with their type tag; the text itself is untouched', async () => {
  const { page, check, close } = await openPage();
  try {
    const expected = await analyzed(page, ARTICLE);
    const widodo = find(expected.entities, 'PERSON', 'Joko Widodo');
    assert.ok(widodo >= 0, 'the Node build finds Joko Widodo');
    assert.ok(expected.entities[widodo].aliases.includes('Widodo'), 'the Node build folds Widodo into Joko Widodo');
    assert.ok(expected.entities.some((e) => e.label === 'LOCATION'), 'the Node build finds places');
    assert.ok(expected.entities.some((e) => e.label === 'ORGANIZATION'), 'the Node build finds organisations');

    assert.equal(await readingText(page), ARTICLE, 'the reading view is the text, character for character');
    const want = mentionsOf(ARTICLE, expected.entities);
    const got = await highlights(page);
    assert.deepEqual(
      got.map(({ e, m, text }) => ({ e, m, text })),
      want.map(({ e, m, text }) => ({ e, m, text })),
      'one highlight per mention, in text order, over exactly the mention',
    );
    for (const mention of got) {
      const label = expected.entities[mention.e].label;
      assert.equal(mention.tag, TYPES[label].tag, `${mention.text}: tag`);
      assert.equal(mention.drawnTag, TYPES[label].tag, `${mention.text}: the tag is drawn after it`);
      assert.equal(mention.heads, 1, `${mention.text}: one first piece`);
    }
    assert.equal(await page.getAttribute('#reading', 'data-mentions'), String(want.length));

    // The legend names the types present, in the panel's order, with their mention counts.
    const legend = await page.$$eval('#entity-legend .legend-type', (buttons) =>
      buttons.map((b) => ({ label: b.dataset.label, name: b.querySelector('.ent-sample').textContent, count: b.querySelector('.legend-count').textContent, pressed: b.getAttribute('aria-pressed') })),
    );
    const present = ORDER.filter((label) => expected.entities.some((e) => e.label === label));
    assert.deepEqual(legend.map((l) => l.label), present);
    for (const item of legend) {
      const mentions = expected.entities.filter((e) => e.label === item.label).reduce((sum, e) => sum + e.count, 0);
      assert.equal(item.name, TYPES[item.label].name);
      assert.equal(item.count.replace(/\D+/g, ''), String(mentions));
      assert.equal(item.pressed, 'true');
    }
    check();
  } finally {
    await close();
  }
});

test('a tooltip built from text shows type, canonical name and mention on hover and on focus', async () => {
  const { page, check, close } = await openPage();
  try {
    const expected = await analyzed(page, ARTICLE);
    const e = find(expected.entities, 'PERSON', 'Joko Widodo');
    const entity = expected.entities[e];
    // The second mention is the short form "Widodo".
    const short = entity.mentions.findIndex((s) => ARTICLE.slice(s.start, s.end) === 'Widodo');
    assert.ok(short > 0, 'the Node build has a mention "Widodo"');

    assert.equal((await tooltip(page)).visible, false, 'no tooltip at first');
    await page.hover(`#reading .ent-head[data-e="${e}"][data-m="${short}"]`);
    let tip = await tooltip(page);
    assert.equal(tip.visible, true, 'hovering shows the tooltip');
    assert.equal(tip.role, 'tooltip');
    assert.equal(tip.type, 'Person');
    assert.equal(tip.tag, 'PER');
    assert.equal(tip.name, 'Joko Widodo', 'the canonical name, not the surface form');
    assert.equal(tip.facts.Here, 'Widodo', 'the form used at this place');
    assert.equal(tip.facts.Mention, `${short + 1} of ${entity.count}`);
    assert.match(tip.facts.Also, /Widodo/);
    assert.deepEqual(tip.elements, ['dd', 'div', 'dl', 'dt', 'p', 'span']);
    // It sits next to the highlight, inside the window.
    const anchor = await page.locator(`#reading .ent-head[data-e="${e}"][data-m="${short}"]`).boundingBox();
    assert.ok(Math.abs(tip.box.top - (anchor.y + anchor.height)) < 12 || Math.abs(tip.box.bottom - anchor.y) < 12, 'next to the highlight');
    assert.ok(tip.box.left >= 0 && tip.box.right <= 1280);

    // The pointer may move onto the tooltip without it going away (WCAG 1.4.13).
    await page.mouse.move(tip.box.left + 10, tip.box.top + 10, { steps: 4 });
    await page.waitForTimeout(400);
    assert.equal((await tooltip(page)).visible, true, 'the tooltip stays while the pointer is on it');
    // Esc hides it.
    await page.keyboard.press('Escape');
    assert.equal((await tooltip(page)).visible, false, 'Esc hides the tooltip');
    // Moving away from a highlight hides it.
    await page.hover(`#reading .ent-head[data-e="${e}"][data-m="0"]`);
    assert.equal((await tooltip(page)).visible, true);
    await page.hover('#reading-heading');
    await page.waitForFunction(() => document.getElementById('entity-tip').hidden);

    // Keyboard: Tab from the reading view reaches the first highlight, and its tooltip shows.
    const want = mentionsOf(ARTICLE, expected.entities);
    await page.focus('#reading');
    await page.keyboard.press('Tab');
    const focused = () =>
      page.evaluate(() => {
        const node = document.activeElement;
        return node?.classList.contains('ent')
          ? { e: Number(node.dataset.e), m: Number(node.dataset.m), role: node.getAttribute('role'), label: node.getAttribute('aria-label'), describedBy: node.getAttribute('aria-describedby') }
          : { id: node?.id, className: node?.className };
      });
    let at = await focused();
    assert.deepEqual({ e: at.e, m: at.m }, { e: want[0].e, m: want[0].m }, 'Tab lands on the first highlight');
    assert.equal(at.role, 'button');
    assert.equal(at.describedBy, 'entity-tip', 'the tooltip describes the focused highlight');
    assert.equal(at.label, `${want[0].text} (${TYPES[want[0].label].name.toLowerCase()})`);
    tip = await tooltip(page);
    assert.equal(tip.visible, true, 'focus shows the tooltip');
    assert.equal(tip.name, expected.entities[want[0].e].text);
    assert.equal(tip.type, TYPES[want[0].label].name);

    // → and ← move between highlights in text order; the tooltip follows.
    for (let i = 1; i < 4; i++) {
      await page.keyboard.press('ArrowRight');
      at = await focused();
      assert.deepEqual({ e: at.e, m: at.m }, { e: want[i].e, m: want[i].m }, `→ reaches highlight ${i + 1}`);
      tip = await tooltip(page);
      assert.equal(tip.name, expected.entities[want[i].e].text);
      assert.equal(tip.facts.Mention, `${want[i].m + 1} of ${expected.entities[want[i].e].count}`);
    }
    await page.keyboard.press('ArrowLeft');
    assert.deepEqual(await focused().then(({ e, m }) => ({ e, m })), { e: want[2].e, m: want[2].m });
    await page.keyboard.press('End');
    assert.deepEqual(await focused().then(({ e, m }) => ({ e, m })), { e: want.at(-1).e, m: want.at(-1).m }, 'End: the last highlight');
    await page.keyboard.press('Home');
    assert.deepEqual(await focused().then(({ e, m }) => ({ e, m })), { e: want[0].e, m: want[0].m }, 'Home: the first highlight');
    await page.keyboard.press('Escape');
    assert.equal((await tooltip(page)).visible, false, 'Esc hides the tooltip');
    // Only one highlight is a tab stop: the next Tab leaves the text for the entity panel.
    await page.keyboard.press('Tab');
    at = await focused();
    assert.match(at.className, /\bentity\b/, 'Tab then goes to the entity panel');
    assert.equal((await tooltip(page)).visible, false, 'leaving the highlight hides the tooltip');
    check();
  } finally {
    await close();
  }
});

test('the entity panel groups entities by type with counts and aliases', async () => {
  const { page, check, close } = await openPage();
  try {
    const expected = await analyzed(page, ARTICLE);
    const got = await panel(page);
    const want = expectedGroups(expected.entities);
    assert.deepEqual(got.map((g) => g.label), want.map((g) => g.label), 'types in order: people, organisations, places, then values');
    want.forEach(({ label, items }, i) => {
      const group = got[i];
      assert.equal(group.heading, TYPES[label].plural);
      assert.equal(group.count.replace(/\D+/g, ''), String(items.length));
      assert.ok(group.listLabelledBy, 'each list is named by its heading');
      assert.deepEqual(group.entities.map((e) => e.name), items.map((e) => e.text), `${label}: names, most mentioned first`);
      items.forEach((entity, k) => {
        const shown = group.entities[k];
        assert.equal(shown.key, entityKey(entity));
        assert.equal(shown.count.replace(/\D+/g, ''), String(entity.count));
        assert.equal(shown.pressed, 'false');
        const aliases = entity.aliases.filter((a) => a !== entity.text);
        if (aliases.length) assert.equal(shown.aliases, `also ${aliases.join(', ')}`);
        else assert.equal(shown.aliases, '');
        assert.ok(
          shown.spoken.startsWith(`${entity.text}, ${entity.count} ${entity.count === 1 ? 'mention' : 'mentions'}`),
          `what a screen reader reads: ${shown.spoken}`,
        );
      });
    });
    // Joko Widodo: four mentions, "Widodo" as an alias.
    const people = got.find((g) => g.label === 'PERSON');
    const widodo = people.entities.find((e) => e.name === 'Joko Widodo');
    assert.equal(widodo.aliases, 'also Widodo');
    assert.match(widodo.spoken, /^Joko Widodo, 4 mentions, also Widodo$/);
    // The panel is a card after the reading view.
    const order = await page.$$eval('#results > section', (cards) => cards.map((c) => c.querySelector('h3').id));
    assert.deepEqual(order.slice(0, 4), ['overview-heading', 'keywords-heading', 'reading-heading', 'entities-heading']);
    check();
  } finally {
    await close();
  }
});

test('keyboard only: select an entity, step through its mentions, move along the panel, clear', async () => {
  const { page, check, close } = await openPage();
  try {
    const expected = await analyzed(page, ARTICLE);
    const [first, second] = expectedGroups(expected.entities)[0].items;
    const texts = (entity) => [...entity.mentions].sort((a, b) => a.start - b.start).map(({ start, end }) => ARTICLE.slice(start, end));
    assert.ok(first.count >= 3, 'the first entity is mentioned several times');

    await page.focus(`#entity-groups .entity[data-key="${entityKey(first)}"]`);
    const focusedKey = () => page.evaluate(() => document.activeElement?.dataset?.key);
    await page.keyboard.press('Enter');
    let got = await marks(page);
    assert.deepEqual(got.map((m) => m.text), texts(first), 'every mention marked');
    assert.ok(got.every((m) => m.inEntity), 'each mark sits inside its highlight');
    assert.equal(await currentIndex(page), 0, 'Enter goes to the first mention');
    assert.equal(await page.getAttribute(`#entity-groups .entity[data-key="${entityKey(first)}"]`, 'aria-pressed'), 'true');
    assert.match(await page.textContent('#hit-position'), new RegExp(`“${first.text}” \\(person\\): 1 of ${first.count}`));
    assert.equal(await focusedKey(), entityKey(first), 'focus stays on the entity');
    assert.equal(await readingText(page), ARTICLE);

    await page.keyboard.press('Enter');
    assert.equal(await currentIndex(page), 1, 'Enter again: the next mention');
    await page.keyboard.press('ArrowRight');
    assert.equal(await currentIndex(page), 2, '→: the next mention');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await currentIndex(page), 1, '←: the previous mention');
    await page.keyboard.press('Shift+Enter');
    assert.equal(await currentIndex(page), 0, 'Shift+Enter: the previous mention');
    await page.keyboard.press('Shift+Enter');
    assert.equal(await currentIndex(page), first.count - 1, 'wraps around to the last');
    await page.keyboard.press('Space');
    assert.equal(await currentIndex(page), 0, 'Space acts like Enter');
    // The stepper buttons work too.
    await page.click('#hit-next');
    assert.equal(await currentIndex(page), 1);

    // ↓ moves to the next entity without selecting it; Enter selects that one.
    await page.focus(`#entity-groups .entity[data-key="${entityKey(first)}"]`);
    await page.keyboard.press('ArrowDown');
    assert.equal(await focusedKey(), entityKey(second));
    await page.keyboard.press('Enter');
    assert.deepEqual((await marks(page)).map((m) => m.text), texts(second));
    await page.keyboard.press('End');
    const last = await page.$$eval('#entity-groups .entity', (buttons) => buttons.at(-1).dataset.key);
    assert.equal(await focusedKey(), last, 'End: the last entity, across the types');
    await page.keyboard.press('Home');
    assert.equal(await focusedKey(), entityKey(first));
    await page.keyboard.press('Escape');
    assert.equal((await marks(page)).length, 0, 'Esc clears the marks');
    assert.match(await page.textContent('#hit-position'), /No keyword selected/);
    assert.equal(await page.locator('#entity-groups .entity[aria-pressed="true"]').count(), 0);

    // From the text: Enter on a highlight selects its entity at that very mention.
    const want = mentionsOf(ARTICLE, expected.entities);
    const target = want.findIndex((m) => m.e === expected.entities.indexOf(first) && m.m === 1);
    await page.focus('#reading');
    await page.keyboard.press('Tab');
    for (let i = 0; i < target; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    got = await marks(page);
    assert.deepEqual(got.map((m) => m.text), texts(first));
    assert.equal(await currentIndex(page), 1, 'the mention with focus is the current place');
    const still = await page.evaluate(() => ({ e: document.activeElement?.dataset.e, m: document.activeElement?.dataset.m }));
    assert.deepEqual(still, { e: String(expected.entities.indexOf(first)), m: '1' }, 'focus stays on that highlight after redrawing');
    // Its tooltip is still open, next to it (the stepper above the text changed size meanwhile).
    const tip = await tooltip(page);
    const box = await page.evaluate(() => document.activeElement.getBoundingClientRect().toJSON());
    assert.equal(tip.visible, true);
    assert.equal(tip.name, first.text);
    assert.ok(Math.abs(tip.box.top - box.bottom) < 12 || Math.abs(tip.box.bottom - box.top) < 12, 'the tooltip is next to the highlight');
    await page.keyboard.press('Escape'); // hides the tooltip
    await page.keyboard.press('Escape'); // then clears the selection
    assert.equal((await marks(page)).length, 0);
    check();
  } finally {
    await close();
  }
});

test('a mention far down a long text is scrolled into view when stepping to it', async () => {
  const { page, check, close } = await openPage();
  try {
    const filler = Array.from({ length: 300 }, (_, i) => `Paragraf pengisi nomor ${i + 1} tentang cuaca dan lalu lintas kota.`).join('\n\n');
    const text = `${ARTICLE}\n\n${filler}\n\n${ARTICLE}`;
    const expected = await analyzed(page, text);
    const entity = expected.entities.find((e) => e.label === 'PERSON' && e.text === 'Joko Widodo');
    assert.ok(entity && entity.count >= 8, 'the Node build finds Joko Widodo in both copies');
    await page.click(`#entity-groups .entity[data-key="${entityKey(entity)}"]`);
    await page.click('#hit-prev'); // wraps to the last mention, far below
    assert.equal(await currentIndex(page), entity.count - 1);
    await page.waitForFunction(() => !('revealing' in document.getElementById('reading').dataset));
    const inView = await page.evaluate(() => {
      const box = document.getElementById('reading').getBoundingClientRect();
      const mark = document.querySelector('#reading mark[aria-current="true"]').getBoundingClientRect();
      return mark.top >= box.top - 1 && mark.bottom <= box.bottom + 1 && mark.top >= 0 && mark.bottom <= window.innerHeight;
    });
    assert.ok(inView, 'the last mention is scrolled into view');
    check();
  } finally {
    await close();
  }
});

test('keyword marks and entity highlights coexist without splitting or losing text', async () => {
  const { page, check, close } = await openPage();
  try {
    const expected = await analyzed(page, ARTICLE);
    const before = await highlights(page);
    const occurrences = (keyword) => [...keyword.occurrences].sort((a, b) => a.start - b.start).map(({ start, end }) => ARTICLE.slice(start, end));
    // Each keyword in turn: its marks are exactly its occurrences (one mark each, never cut by
    // an entity), the entity highlights stay as they were, and the text stays the same.
    for (let rank = 0; rank < expected.keywords.length; rank++) {
      const keyword = expected.keywords[rank];
      await page.click(`#keywords .keyword[data-rank="${rank}"]`);
      const got = await marks(page);
      assert.deepEqual(got.map((m) => m.text), occurrences(keyword), `${keyword.text}: marks`);
      assert.deepEqual(got.map((m) => m.n), [...got.keys()], `${keyword.text}: one mark per occurrence`);
      assert.deepEqual(await highlights(page), before, `${keyword.text}: entity highlights unchanged`);
      assert.equal(await readingText(page), ARTICLE, `${keyword.text}: text unchanged`);
    }
    // A keyword that is a name: its marks sit inside the entity highlights of the same span.
    const name = expected.keywords.findIndex((k) => k.text === 'Joko Widodo');
    assert.ok(name >= 0, 'the Node build has the keyword Joko Widodo');
    await page.click(`#keywords .keyword[data-rank="${name}"]`);
    assert.ok((await marks(page)).filter((m) => m.text === 'Joko Widodo').every((m) => m.inEntity));
    // A keyword phrase longer than the name inside it: the mark holds the highlight.
    const longer = expected.keywords.findIndex((k) => k.occurrences.some(({ start, end }) => {
      return expected.entities.some((e) => e.mentions.some((m) => m.start >= start && m.end <= end && m.end - m.start < end - start));
    }));
    if (longer >= 0) {
      await page.click(`#keywords .keyword[data-rank="${longer}"]`);
      assert.ok((await marks(page)).some((m) => m.holdsEntity), `${expected.keywords[longer].text}: the mark holds a highlight`);
    }

    // Selecting an entity replaces the keyword selection, and the other way round.
    const entity = expected.entities.find((e) => e.label === 'LOCATION');
    await page.click(`#entity-groups .entity[data-key="${entityKey(entity)}"]`);
    assert.equal(await page.locator('#keywords .keyword[aria-pressed="true"]').count(), 0);
    assert.equal(await page.getAttribute(`#entity-groups .entity[data-key="${entityKey(entity)}"]`, 'aria-pressed'), 'true');
    assert.equal((await marks(page)).length, entity.count);
    await page.click('#keywords .keyword[data-rank="0"]');
    assert.equal(await page.locator('#entity-groups .entity[aria-pressed="true"]').count(), 0);
    assert.equal((await marks(page)).length, expected.keywords[0].count);

    // A click on a highlight outside the marks selects its entity at that mention.
    const jakarta = find(expected.entities, 'LOCATION', 'Jakarta');
    assert.ok(jakarta >= 0, 'the Node build finds Jakarta');
    await page.click(`#reading .ent-head[data-e="${jakarta}"][data-m="1"]`);
    assert.equal(await page.getAttribute(`#entity-groups .entity[data-key="LOCATION:Jakarta"]`, 'aria-pressed'), 'true');
    assert.equal(await currentIndex(page), 1, 'the clicked mention is the current place');

    // Page furniture is still dimmed and labelled, with the highlights around it.
    const furniture = await page.$$eval('#reading .furniture', (spans) => spans.map((s) => ({ text: s.textContent, kind: s.dataset.kind, color: getComputedStyle(s).color })));
    assert.deepEqual(
      furniture.map(({ text, kind }) => ({ text, kind })),
      expected.boilerplate.map(({ start, end, kind }) => ({ text: ARTICLE.slice(start, end), kind })),
    );
    assert.ok(furniture.length > 0, 'the Node build finds the editor credit');
    const storyColor = await page.$eval('#reading', (box) => getComputedStyle(box).color);
    for (const span of furniture) assert.notEqual(span.color, storyColor);
    check();
  } finally {
    await close();
  }
});

test('the legend switches the highlights of one type off and on', async () => {
  const { page, check, close } = await openPage();
  try {
    const expected = await analyzed(page, ARTICLE);
    const places = mentionsOf(ARTICLE, expected.entities).filter((m) => m.label === 'LOCATION');
    const all = (await highlights(page)).length;
    await page.click('#entity-legend .legend-type[data-label="LOCATION"]');
    assert.equal(await page.getAttribute('#entity-legend .legend-type[data-label="LOCATION"]', 'aria-pressed'), 'false');
    const got = await highlights(page);
    assert.equal(got.length, all - places.length);
    assert.ok(got.every((h) => expected.entities[h.e].label !== 'LOCATION'), 'no place is highlighted');
    assert.equal(await readingText(page), ARTICLE);
    // Still off after the text changes; on again with a second click.
    await page.locator('#text').press('Control+End');
    await page.locator('#text').pressSequentially(' Jakarta.');
    await settled(page);
    assert.ok((await highlights(page)).every((h) => expected.entities[h.e]?.label !== 'LOCATION'));
    await page.click('#entity-legend .legend-type[data-label="LOCATION"]');
    assert.ok((await highlights(page)).some((h) => h.tag === 'LOC'));
    check();
  } finally {
    await close();
  }
});

test('markup pasted with the names stays text in the highlights, the tooltip and the panel', async () => {
  const { page, check, close } = await openPage();
  try {
    const attack = '<img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script> <b onmouseover="window.__pwned=3">Joko Widodo</b>';
    const text = `${ARTICLE}\n\n${attack} Joko Widodo <img src=x onerror=alert(1)>.`;
    const expected = await analyzed(page, text);
    assert.equal(await readingText(page), text, 'the reading view shows the markup as text');
    const want = mentionsOf(text, expected.entities);
    assert.deepEqual((await highlights(page)).map((h) => h.text), want.map((m) => m.text));
    // Hover every highlight: the tooltip is only ever made of the page's own elements.
    for (const node of await page.$$('#reading .ent-head')) {
      await node.hover();
      const tip = await tooltip(page);
      assert.equal(tip.visible, true);
      for (const name of tip.elements) assert.ok(['dd', 'div', 'dl', 'dt', 'p', 'span'].includes(name), `the tooltip holds <${name}>`);
    }
    const injected = await page.evaluate(() => ({
      pwned: window.__pwned,
      images: document.querySelectorAll('img').length,
      bold: document.querySelectorAll('#results b, #entity-tip b').length,
      readingElements: [...new Set([...document.querySelectorAll('#reading *')].map((n) => n.localName))].sort(),
      panelElements: [...new Set([...document.querySelectorAll('#entity-groups *, #entity-legend *')].map((n) => n.localName))].sort(),
    }));
    assert.equal(injected.pwned, undefined);
    assert.equal(injected.images, 0);
    assert.equal(injected.bold, 0);
    for (const name of injected.readingElements) assert.ok(['mark', 'span'].includes(name), `reading view holds <${name}>`);
    for (const name of injected.panelElements) assert.ok(['button', 'div', 'h4', 'li', 'section', 'span', 'ul'].includes(name), `panel holds <${name}>`);
    check();
  } finally {
    await close();
  }
});

test('crossing, nested and repeated spans draw every character exactly once', async () => {
  // The analysis never gives crossing spans today, so this test changes the worker's answer
  // on its way to the page (the page is what is under test here, not the analysis): extra
  // entity mentions that cross a keyword's places, the page furniture and each other.
  const text = [
    'Presiden Joko Widodo tiba di Jakarta Pusat pada Senin pagi. 🇮🇩 Warga Jakarta menyambut Joko Widodo.',
    'Editor: Budi Santoso',
  ].join('\n');
  const at = (needle, from = 0) => text.indexOf(needle, from);
  const jw = at('Joko Widodo');
  const jk = at('Jakarta Pusat');
  const flag = at('🇮🇩');
  const editor = at('Editor:');
  const extra = [
    // crosses the keyword's first place "Joko Widodo": "Presiden Joko"
    { text: 'Presiden Joko', label: 'PERSON', aliases: [], count: 1, mentions: [{ start: 0, end: jw + 4 }] },
    // nested twice inside "Jakarta Pusat pada Senin": "Jakarta Pusat" and "Pusat"
    { text: 'Jakarta Pusat pada Senin', label: 'DATE', aliases: [], count: 1, mentions: [{ start: jk, end: at('Senin') + 5 }], value: '2024-06-17' },
    { text: 'Jakarta Pusat', label: 'LOCATION', aliases: [], count: 1, mentions: [{ start: jk, end: jk + 13 }] },
    { text: 'Pusat', label: 'LOCATION', aliases: [], count: 1, mentions: [{ start: jk + 8, end: jk + 13 }] },
    // the same span twice
    { text: 'pagi', label: 'TIME', aliases: [], count: 2, mentions: [{ start: at('pagi'), end: at('pagi') + 4 }, { start: at('pagi'), end: at('pagi') + 4 }] },
    // splits the flag's surrogate pairs, and crosses into the furniture line
    { text: 'flag', label: 'QUANTITY', aliases: [], count: 1, mentions: [{ start: flag + 1, end: flag + 3 }], amount: 1, unit: 'flag' },
    { text: 'Widodo.\nEditor', label: 'ORGANIZATION', aliases: [], count: 1, mentions: [{ start: text.lastIndexOf('Widodo'), end: editor + 6 }] },
    // out of range, empty and reversed spans are left out
    { text: 'nothing', label: 'URL', aliases: [], count: 3, mentions: [{ start: 5, end: 5 }, { start: 9, end: 3 }, { start: text.length - 2, end: text.length + 50 }] },
  ];
  const { context, page, check, close } = await openPage();
  try {
    await context.route('**/worker.js', async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(
        'self.postMessage({ id, result, ms });',
        `result.entities = [...result.entities, ...${JSON.stringify(extra)}];\n    self.postMessage({ id, result, ms });`,
      );
      assert.ok(body.includes('...result.entities'), 'the worker answers with self.postMessage({ id, result, ms })');
      await route.fulfill({ response, body });
    });
    await page.reload();
    await page.waitForFunction(() => document.getElementById('status').textContent === 'Ready');
    const expected = await analyzed(page, text);
    const entities = [...expected.entities, ...extra];
    const keyword = expected.keywords.findIndex((k) => k.text === 'Joko Widodo');
    assert.ok(keyword >= 0, 'the Node build has the keyword Joko Widodo');
    assert.ok(expected.boilerplate.some((b) => text.slice(b.start, b.end).startsWith('Editor:')), 'the Node build finds the credit');

    const assertDrawn = async (what) => {
      assert.equal(await readingText(page), text, `${what}: every character once, in order`);
      // Every valid mention is drawn whole, however it is cut into pieces.
      const got = new Map((await highlights(page)).map((h) => [`${h.e}:${h.m}`, h]));
      entities.forEach((entity, e) =>
        entity.mentions.forEach(({ start, end }, m) => {
          const valid = start < end && end <= text.length;
          const drawn = got.get(`${e}:${m}`);
          if (!valid) assert.equal(drawn, undefined, `${what}: ${start}-${end} left out`);
          else assert.equal(drawn?.text, text.slice(start, end), `${what}: ${entity.text} drawn whole`);
          if (valid) assert.equal(drawn.drawnTag, TYPES[entity.label].tag, `${what}: ${entity.text} tagged once, at its end`);
        }),
      );
    };
    await assertDrawn('no selection');
    // The keyword's places stay one mark each, even where an entity crosses them.
    await page.click(`#keywords .keyword[data-rank="${keyword}"]`);
    const got = await marks(page);
    assert.deepEqual(got.map((m) => m.text), ['Joko Widodo', 'Joko Widodo']);
    assert.deepEqual(got.map((m) => m.n), [0, 1], 'one mark per place');
    await assertDrawn('keyword selected');
    // The furniture line is still one dimmed span, and the crossing entity is cut instead.
    const furniture = await page.$$eval('#reading .furniture', (spans) => spans.map((span) => span.textContent));
    assert.deepEqual(furniture, ['Editor: Budi Santoso']);
    // Selecting the repeated "pagi" marks its place once.
    await page.click('#entity-groups .entity[data-key="TIME:pagi"]');
    assert.deepEqual((await marks(page)).map((m) => m.text), ['pagi']);
    await assertDrawn('entity selected');
    check();
  } finally {
    await close();
  }
});

/** Skips the rest of a test, saying why, when the Node build finds no entity of `label`. */
function entityOr(t, expected, label, why) {
  const entity = expected.entities.find((e) => e.label === label);
  if (!entity) t.skip(`no ${label} entity in the analysis yet: ${why}`);
  return entity;
}

test('a date shows its normalised value in the tooltip and the panel', async (t) => {
  const { page, check, close } = await openPage();
  try {
    const expected = await analyzed(page, ARTICLE);
    const date = entityOr(t, expected, 'DATE', 'the date rules have not landed');
    if (!date) return;
    assert.ok(date.value, 'a date has a normalised value');
    const e = expected.entities.indexOf(date);
    await page.hover(`#reading .ent-head[data-e="${e}"][data-m="0"]`);
    const tip = await tooltip(page);
    assert.equal(tip.type, 'Date');
    assert.equal(tip.tag, 'DATE');
    assert.equal(tip.name, date.text);
    assert.equal(tip.facts.Value, date.value, 'the ISO value');
    if (/^\d{4}-\d{2}-\d{2}$/.test(date.value)) {
      const words = new Date(`${date.value}T00:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
      assert.equal(tip.facts.Reads, words, 'and the date in words');
    }
    const shown = (await panel(page)).find((g) => g.label === 'DATE').entities.find((x) => x.key === entityKey(date));
    assert.ok(shown.facts.includes(date.value), `the panel shows ${date.value}: ${shown.facts}`);
    check();
  } finally {
    await close();
  }
});

test('an amount of money shows its amount and currency in the tooltip and the panel', async (t) => {
  const { page, check, close } = await openPage();
  try {
    const expected = await analyzed(page, ARTICLE);
    const money = entityOr(t, expected, 'MONEY', 'the amount rules have not landed');
    if (!money) return;
    assert.equal(typeof money.amount, 'number', 'money has an amount');
    assert.ok(money.unit, 'money has a currency');
    const e = expected.entities.indexOf(money);
    await page.hover(`#reading .ent-head[data-e="${e}"][data-m="0"]`);
    const tip = await tooltip(page);
    assert.equal(tip.type, 'Money');
    assert.equal(tip.tag, 'MONEY');
    assert.equal(tip.name, money.text);
    const digits = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(money.amount);
    assert.ok(tip.facts.Amount.includes(money.unit), `the currency in "${tip.facts.Amount}"`);
    assert.ok(tip.facts.Amount.includes(digits), `the amount ${digits} in "${tip.facts.Amount}"`);
    const shown = (await panel(page)).find((g) => g.label === 'MONEY').entities.find((x) => x.key === entityKey(money));
    assert.ok(shown.facts.some((f) => f.includes(money.unit) && f.includes(digits)), `the panel shows the amount: ${shown.facts}`);
    check();
  } finally {
    await close();
  }
});

test('a cited news outlet is marked as a source', async (t) => {
  const { page, check, close } = await openPage();
  try {
    const expected = await analyzed(page, ARTICLE);
    const source = expected.entities.find((e) => e.role === 'source');
    if (!source) {
      t.skip('no entity with role "source" in the analysis yet: the source rule has not landed');
      return;
    }
    const e = expected.entities.indexOf(source);
    await page.hover(`#reading .ent-head[data-e="${e}"][data-m="0"]`);
    assert.match((await tooltip(page)).facts.Role, /^source/);
    const shown = (await panel(page)).find((g) => g.label === source.label).entities.find((x) => x.key === entityKey(source));
    assert.ok(shown.facts.some((f) => f.startsWith('source')), `the panel says so: ${shown.facts}`);
    check();
  } finally {
    await close();
  }
});

test('a 1 MB paste: highlights are capped, the text stays exact, the page stays responsive', async () => {
  const { page, check, close } = await openPage();
  try {
    const big = Array.from({ length: Math.ceil(1_000_000 / (ARTICLE.length + 2)) }, () => ARTICLE).join('\n\n');
    const started = Date.now();
    await page.evaluate((text) => {
      const box = document.getElementById('text');
      box.value = text;
      box.dispatchEvent(new Event('input'));
    }, big);
    await settled(page);
    const elapsed = Date.now() - started;
    const expected = analyze(big);
    const mentions = expected.entities.reduce((sum, e) => sum + e.count, 0);
    const shownLength = Number(await page.getAttribute('#reading', 'data-shown'));
    const drawn = Number(await page.getAttribute('#reading', 'data-mentions'));
    const inShown = mentionsOf(big, expected.entities).filter((m) => m.start + m.text.length <= shownLength).length;
    console.log(`# ${Math.round(big.length / 1024)} KB, ${mentions} mentions (${inShown} in the shown part): ${drawn} highlights, analysis and drawing ${elapsed} ms`);
    assert.ok(mentions > 10_000, `the Node build finds many mentions (${mentions})`);
    assert.ok(drawn > 0 && drawn <= Math.min(inShown, 8_000), `highlights drawn: ${drawn}`);
    const shownText = await page.evaluate(() =>
      [...document.getElementById('reading').childNodes].filter((n) => !n.classList?.contains('reading-cut')).map((n) => n.textContent).join(''),
    );
    assert.equal(shownText, big.slice(0, shownLength));
    // The panel lists a few entities per type, with "Show more".
    const listed = await page.locator('#entity-groups .entity').count();
    assert.ok(listed <= 12 * ORDER.length, `${listed} entities listed`);
    // Selecting an entity with thousands of mentions is quick.
    const top = expectedGroups(expected.entities)[0].items[0];
    const t0 = Date.now();
    await page.click(`#entity-groups .entity[data-key="${entityKey(top)}"]`);
    const selectMs = Date.now() - t0;
    console.log(`# selecting ${top.text} (${top.count} mentions) took ${selectMs} ms`);
    assert.ok((await marks(page)).length > 100);
    assert.ok(selectMs < 3000, `selecting took ${selectMs} ms`);
    assert.ok(elapsed < 15_000, `analysis and drawing took ${elapsed} ms`);

    // Names in every few words: more mentions in the shown part than are highlighted.
    const dense = 'Warga Jakarta, Surabaya, Bandung dan Medan. '.repeat(8000);
    await page.evaluate((text) => {
      const box = document.getElementById('text');
      box.value = text;
      box.dispatchEvent(new Event('input'));
    }, dense);
    await settled(page);
    const denseShown = Number(await page.getAttribute('#reading', 'data-shown'));
    const denseMentions = mentionsOf(dense, analyze(dense).entities).filter((m) => m.start + m.text.length <= denseShown);
    assert.ok(denseMentions.length > 8_000, `the Node build finds ${denseMentions.length} mentions in the shown part`);
    const denseDrawn = await highlights(page);
    assert.equal(denseDrawn.length, 8_000, 'highlights stop at 8,000');
    assert.deepEqual(
      denseDrawn.slice(-3).map(({ e, m, text }) => ({ e, m, text })),
      denseMentions.slice(7_997, 8_000).map(({ e, m, text }) => ({ e, m, text })),
      'the first 8,000 in text order',
    );
    assert.match(await page.textContent('#reading-note'), new RegExp(`Entity highlights stop after the first 8,000 of ${denseMentions.length.toLocaleString('en-US')} mentions`));
    assert.equal(await readingText(page).then((shown) => shown.replace(/…$/, '')), dense.slice(0, denseShown));
    check();
  } finally {
    await close();
  }
});

/** WCAG contrast ratio of two CSS rgb() colours. */
function contrast(a, b) {
  const lum = (css) => {
    const [r, g, bl] = css.match(/[\d.]+/g).slice(0, 3).map((v) => Number(v) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

test('screenshots and contrast: light and dark, desktop and phone', async () => {
  const article = existsSync(seed) ? readFileSync(seed, 'utf8') : ARTICLE;
  for (const [name, options] of [
    ['entities-desktop-light', {}],
    ['entities-desktop-dark', { colorScheme: 'dark' }],
    ['entities-phone-light', { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }],
    ['entities-phone-dark', { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, colorScheme: 'dark' }],
  ]) {
    const { page, check, close } = await openPage(options);
    try {
      const expected = await analyzed(page, article);
      assert.ok(expected.entities.length > 0);
      assert.equal(await readingText(page), article);

      // Every type's tag, underline and panel text, against the backgrounds it sits on.
      const colours = await page.evaluate((slugs) => {
        const reading = document.getElementById('reading');
        const out = [];
        for (const slug of slugs) {
          const probe = document.createElement('span');
          probe.className = `ent e-${slug} ent-end`;
          probe.dataset.tag = 'X';
          probe.textContent = 'x';
          reading.append(probe);
          const after = getComputedStyle(probe, '::after');
          out.push({ slug, tagText: after.color, tagBg: after.backgroundColor, line: getComputedStyle(probe).borderBottomColor });
          probe.remove();
        }
        return { out, readingBg: getComputedStyle(reading).backgroundColor, card: getComputedStyle(document.querySelector('.card')).backgroundColor };
      }, ['person', 'org', 'loc', 'date', 'time', 'money', 'pct', 'qty', 'url', 'email', 'other']);
      for (const { slug, tagText, tagBg, line } of colours.out) {
        assert.ok(contrast(tagText, tagBg) >= 4.5, `${name}: ${slug} tag ${contrast(tagText, tagBg).toFixed(2)}:1`);
        assert.ok(contrast(line, colours.readingBg) >= 3, `${name}: ${slug} underline ${contrast(line, colours.readingBg).toFixed(2)}:1`);
      }
      const tipColours = async () => page.$eval('#entity-tip', (tip) => {
        const style = (sel) => getComputedStyle(tip.querySelector(sel));
        return { bg: getComputedStyle(tip).backgroundColor, name: style('.tip-name').color, dt: style('dt').color };
      });
      // The panel's text against the card.
      const panelColours = await page.$eval('#entity-groups .entity', (button) => ({
        name: getComputedStyle(button.querySelector('.ent-name')).color,
        count: getComputedStyle(button.querySelector('.ent-count')).color,
      }));
      assert.ok(contrast(panelColours.name, colours.card) >= 4.5, `${name}: entity names`);
      assert.ok(contrast(panelColours.count, colours.card) >= 4.5, `${name}: entity counts`);

      const overflow = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth - window.innerWidth,
        boxes: [...document.querySelectorAll('.card, .entity, .ent-group, .ent-legend, .stepper')]
          .filter((el) => el.scrollWidth > el.clientWidth + 1)
          .map((el) => `${el.className}: ${el.scrollWidth} > ${el.clientWidth}`),
      }));
      assert.ok(overflow.page <= 0, `${name}: the page scrolls sideways by ${overflow.page}px`);
      assert.deepEqual(overflow.boxes, [], `${name}: boxes with content wider than themselves`);

      // The reading view with a tooltip open (on a phone, a tap does what a hover does).
      await page.evaluate(() => {
        const box = document.getElementById('text');
        box.setSelectionRange(0, 0);
        box.scrollTop = 0;
        box.blur();
      });
      await page.locator('#reading-heading').scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollBy(0, -8));
      const head = page.locator('#reading .ent-head').nth(2);
      if (options.isMobile) await head.tap();
      else await head.hover();
      await page.waitForFunction(() => !('revealing' in document.getElementById('reading').dataset));
      // The reading card at the top of the window: the tooltip follows its highlight.
      await page.evaluate(() => {
        const card = document.getElementById('reading-heading').closest('.card');
        window.scrollTo(0, card.getBoundingClientRect().top + window.scrollY - 12);
      });
      await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
      const tip = await tooltip(page);
      const anchor = await head.boundingBox();
      assert.ok(
        Math.abs(tip.box.top - (anchor.y + anchor.height)) < 12 || Math.abs(tip.box.bottom - anchor.y) < 12,
        `${name}: the tooltip stays next to its highlight after scrolling`,
      );
      assert.equal(tip.visible, true, `${name}: the tooltip shows`);
      assert.ok(tip.box.left >= 0 && tip.box.right <= (options.viewport?.width ?? 1280), `${name}: the tooltip fits the window`);
      const tc = await tipColours();
      assert.ok(contrast(tc.name, tc.bg) >= 4.5 && contrast(tc.dt, tc.bg) >= 4.5, `${name}: tooltip text`);
      await page.screenshot({ path: join(shots, `${name}.png`) });

      // The entity panel, with an entity selected.
      await page.keyboard.press('Escape');
      await page.locator('#entities-heading').scrollIntoViewIfNeeded();
      await page.click('#entity-groups .entity >> nth=0');
      await page.waitForFunction(() => !('revealing' in document.getElementById('reading').dataset));
      await page.evaluate(() => {
        const card = document.getElementById('entities-heading').closest('.card');
        window.scrollTo(0, card.getBoundingClientRect().top + window.scrollY - 12);
      });
      await page.screenshot({ path: join(shots, `${name}-panel.png`) });
      check();
    } finally {
      await close();
    }
  }
});
