// Shared helpers for the Playwright tests: open the page with a record of everything that
// went wrong, and wait for the newest result to be on screen.
import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { analyze } from '../../js/node.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from '../js/support.mjs';

/** Where screenshots go (git-ignored). */
export const shots = join(fileURLToPath(new URL('../../', import.meta.url)), 'tests', 'screenshots');

/** Files the page may load; anything else (or any other origin) is a failure. */
const ALLOWED_PATHS = new Set([
  '/',
  '/index.html',
  '/style.css',
  '/app.js',
  '/worker.js',
  '/favicon.svg',
  '/js/browser.mjs',
  '/pkg/kupas.js',
  '/pkg/kupas_bg.wasm',
  '/sw-register.js',
  '/sw.js',
]);
/** The binding's JavaScript snippet, under a folder named by a hash of the crate. */
const SNIPPET = /^\/pkg\/snippets\/kupas-[0-9a-f]+\/inline0\.js$/;

/**
 * Opens the page in a fresh context and records every request, console error, page error
 * and dialog. `check()` asserts that none of them went wrong.
 */
export async function openPage(browser, server, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  const record = { requests: [], consoleErrors: [], pageErrors: [], dialogs: [] };
  context.on('request', (req) => record.requests.push(req.url()));
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') record.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (error) => record.pageErrors.push(error.message));
  page.on('dialog', (dialog) => {
    record.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  await page.goto(server.url);
  await page.waitForFunction(() => document.getElementById('status').textContent === 'Ready');

  // `cspReportsAllowed`: parsing an HTML file with DOMParser is inert, but Chromium still
  // checks the page's CSP for the parsed document's inline handlers and styles and logs each
  // block as a console error. Those reports (and nothing else) are allowed when set.
  const check = ({ cspReportsAllowed = false } = {}) => {
    const origin = new URL(server.url).origin;
    for (const url of record.requests) {
      const parsed = new URL(url);
      assert.equal(parsed.origin, origin, `request to another origin: ${url}`);
      assert.ok(ALLOWED_PATHS.has(parsed.pathname) || SNIPPET.test(parsed.pathname), `unexpected request: ${url}`);
    }
    const csp = /violates the following Content Security Policy directive .*blocked/;
    const errors = cspReportsAllowed ? record.consoleErrors.filter((text) => !csp.test(text)) : record.consoleErrors;
    assert.deepEqual(errors, [], 'console errors');
    assert.deepEqual(record.pageErrors, [], 'page errors');
    assert.deepEqual(record.dialogs, [], 'dialogs');
  };
  return { context, page, record, check, close: () => context.close() };
}

/** Waits until no request is waiting for the debounce and the newest one is on screen. */
export async function settled(page) {
  await page.waitForFunction(() => {
    const results = document.getElementById('results');
    return !('pending' in results.dataset) && results.dataset.rendered === results.dataset.requested;
  });
}

/**
 * Starts the server and a browser before a test file's tests and stops them after. Returns
 * them (`browser`, `server`), `openPage(contextOptions?)` (see {@link openPage}) and
 * `analyzed(page, text)`, which types
 * `text` into the page, waits for its result and returns what the package gives for it.
 */
export function useBrowser() {
  let server;
  let browser;
  before(async () => {
    server = await startServer({ port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    mkdirSync(shots, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      return browser;
    },
    get server() {
      return server;
    },
    openPage: (contextOptions) => openPage(browser, server, contextOptions),
    analyzed: async (page, text) => {
      await page.fill('#text', text);
      await settled(page);
      return analyze(await page.inputValue('#text'));
    },
  };
}

// ---------------------------------------------------------------------------------------
// Many articles (tests/e2e/articles.test.mjs and compare.test.mjs)

/**
 * Three short made-up news articles about one flood, two in Indonesian and one in English:
 * a person, places, an organisation and dates that recur across them, and some of their own.
 */
export const ARTICLES = [
  [
    'Banjir Rendam Ratusan Rumah di Semarang',
    'Semarang - Banjir merendam ratusan rumah warga di Kota Semarang pada Senin (3/3/2025). Wali Kota Semarang ' +
      'Ratna Wulandari meninjau lokasi pengungsian bersama petugas Badan Penanggulangan Bencana Daerah (BPBD). ' +
      'Menurut Ratna, hujan deras sejak Minggu malam membuat Sungai Beringin meluap.',
    'BPBD mencatat 1.200 warga mengungsi ke balai desa. Gubernur Jawa Tengah Andi Prasetyo dijadwalkan meninjau ' +
      'tanggul di Tambak Lorok pada 5 Maret 2025.',
  ].join('\n'),
  [
    'Pengungsi Banjir Semarang Mulai Pulang',
    'Semarang - Sebagian pengungsi banjir di Semarang mulai pulang pada Rabu (5/3/2025). Wali Kota Ratna Wulandari ' +
      'mengatakan air sudah surut di sebagian besar wilayah kota.',
    'Badan Penanggulangan Bencana Daerah (BPBD) tetap membuka dapur umum hingga 10 Maret 2025. Warga Tambak Lorok ' +
      'berharap pemerintah segera membangun tanggul laut yang lebih tinggi.',
  ].join('\n'),
  [
    'Floods Recede in Central Java',
    'Semarang, Indonesia - Floodwaters receded across Semarang on March 6, 2025, after heavy rain displaced more ' +
      'than a thousand residents. Mayor Ratna Wulandari said the city would ask the Ministry of Public Works for ' +
      'help to build a new sea wall.',
    'The World Bank warned in January 2024 that coastal cities in Java face rising flood risks. Fishermen in ' +
      'Tambak Lorok said their boats were damaged.',
  ].join('\n'),
];

/** The title the page gives an article: its first line with text, trimmed. */
export const expectedTitle = (text) => (/\S[^\n]*/.exec(text)?.[0] ?? '').trim();

/**
 * Puts `texts` in the page as separate articles: one text with === lines between them, set
 * at once (as a paste does; the page splits text that arrives whole, not while typing).
 */
export async function pasteArticles(page, texts) {
  await page.evaluate((text) => {
    const box = document.getElementById('text');
    box.value = text;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, texts.join('\n\n===\n\n'));
  await page.waitForFunction((n) => document.querySelectorAll('#file-list li').length === n, texts.length);
  await settled(page);
}

/** The list of articles as shown: each one's title and whether it is the one open. */
export function articleList(page) {
  return page.$$eval('#file-list .file-open', (buttons) =>
    buttons.map((b) => ({ title: b.querySelector('.article-title').textContent, current: b.getAttribute('aria-current') === 'true' })),
  );
}

/** Waits until the comparison view shows the comparison of the articles as they are now. */
export async function compareReady(page) {
  await page.waitForFunction(() => {
    const compare = document.getElementById('compare');
    return compare.dataset.state === 'ready' && !('pending' in compare.dataset);
  });
}

/** A CSV text (RFC 4180: quoted fields, doubled quotes, CRLF) as rows of fields. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

/** A text cell as a spreadsheet-safe CSV export writes it: a leading apostrophe before = + - @. */
export const safeCsv = (text) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/**
 * A screenshot of the whole page as a reader who scrolls through it sees it. The page draws
 * the cards and text blocks far below the screen only as they come near it
 * (`content-visibility: auto`), and a full-page capture does not scroll, so they would come
 * out blank; here they are drawn for the capture, then the page is as it was.
 */
export async function fullScreenshot(page, path) {
  // Through the elements' style objects: the page's policy allows no inline style sheet.
  const drawn = '#results > .card, .reading .block';
  await page.evaluate((selector) => {
    for (const node of document.querySelectorAll(selector)) node.style.contentVisibility = 'visible';
  }, drawn);
  try {
    await page.screenshot({ path, fullPage: true });
  } finally {
    await page.evaluate((selector) => {
      for (const node of document.querySelectorAll(selector)) node.style.contentVisibility = '';
    }, drawn);
  }
}
