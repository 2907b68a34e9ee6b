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
  '/style.css',
  '/app.js',
  '/worker.js',
  '/favicon.svg',
  '/js/browser.mjs',
  '/pkg/kupas.js',
  '/pkg/kupas_bg.wasm',
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
