// The static build (scripts/build-site.mjs) and the service worker (www/sw.js): the built
// folder works from any plain static server, a new build gets a cache of its own, and after a
// first visit the page works with the network off, from the build and from the development
// server alike.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../js/node.mjs';
import { CSP, startServer } from '../../scripts/serve.mjs';
import { openPage, settled, useBrowser } from './support.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const session = useBrowser();
let tmp;
let site; // { dir, stdout, version, precache }

/** Runs build-site.mjs (of `root`, the repository by default) into `out`. */
function buildSite(out, root = repo) {
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build-site.mjs'), out], { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under `dir`, relative, with forward slashes. */
function files(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? files(join(dir, entry.name), path) : [path];
  });
}

/** The version and precache list written into a built sw.js. */
function workerOf(dir) {
  const text = readFileSync(join(dir, 'sw.js'), 'utf8');
  const version = text.match(/^const VERSION = "([^"]*)";$/m)?.[1];
  const list = text.match(/^const PRECACHE = \[([^\]]*)\];$/m)?.[1];
  return { version, precache: list ? [...list.matchAll(/"([^"]*)"/g)].map((m) => m[1]) : null };
}

before(() => {
  tmp = mkdtempSync(join(tmpdir(), 'kupas-site-'));
  const dir = join(tmp, 'site');
  const built = buildSite(dir);
  assert.equal(built.status, 0, `build-site failed:\n${built.stderr}`);
  site = { dir, stdout: built.stdout, ...workerOf(dir) };
});

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Types `text`, waits for its result and checks the numbers against the Node build. */
async function analyzes(page, text) {
  await page.fill('#text', text);
  await settled(page);
  const expected = analyze(text);
  const shown = await page.evaluate(() => ({
    state: document.getElementById('results').dataset.state,
    words: Number(document.getElementById('stat-words').dataset.value),
    sentences: Number(document.getElementById('stat-sentences').dataset.value),
    code: document.getElementById('lang-code').textContent,
  }));
  assert.deepEqual(shown, { state: 'ready', words: expected.stats.words, sentences: expected.stats.sentences, code: expected.language.code });
}

/** Waits until the service worker controls the page and has stored the app shell. */
async function offlineReady(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return page.evaluate(async () => {
    const names = await caches.keys();
    const stored = {};
    for (const name of names) stored[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname).sort();
    return stored;
  });
}

/** Reloads with the network off and checks that the page comes back and still analyzes. */
async function reloadOffline({ page, context, record }, text) {
  await context.setOffline(true);
  const response = await page.reload();
  assert.ok(response.fromServiceWorker(), 'the page came from the service worker');
  await page.waitForFunction(() => document.getElementById('status').textContent === 'Ready');
  await analyzes(page, text);
  // The network is really off for the service worker too: a file it never stored fails (and
  // the browser logs that failure, the one console error expected here).
  const errors = record.consoleErrors.length;
  const probe = await page.evaluate(() => fetch('/sw.js', { cache: 'no-store' }).then((r) => `HTTP ${r.status}`, (e) => e.name));
  assert.equal(probe, 'TypeError', 'a file outside the cache cannot be fetched offline');
  await page.waitForTimeout(100);
  assert.deepEqual(record.consoleErrors.splice(errors), ['Failed to load resource: net::ERR_FAILED']);
}

const ARTICLE_ONLINE = 'Presiden tiba di Pyongyang pada Rabu (19/6/2024). Ia disambut Kim Jong-un di bandara.';
const ARTICLE_OFFLINE = 'Warga Semarang kembali ke rumah setelah banjir surut. Petugas membersihkan lumpur di jalan.';

test('build-site writes a folder with the page, the package files and a service worker that lists them all', () => {
  const got = files(site.dir).sort();
  for (const needed of ['index.html', 'app.js', 'worker.js', 'style.css', 'favicon.svg', 'sw.js', 'sw-register.js', 'js/browser.mjs', 'pkg/kupas.js', 'pkg/kupas_bg.wasm', '_headers']) {
    assert.ok(got.includes(needed), `site/${needed}`);
  }
  assert.equal(got.filter((path) => /^pkg\/snippets\/kupas-[0-9a-f]+\/inline0\.js$/.test(path)).length, 1, 'the binding snippet');
  assert.ok(!got.some((path) => path.endsWith('.cjs') || path.endsWith('.d.ts')), 'only the browser build');
  assert.ok(readFileSync(join(site.dir, 'pkg', 'kupas_bg.wasm')).equals(readFileSync(join(repo, 'pkg', 'kupas_bg.wasm'))), 'the .wasm is copied as built');

  // The precache list is exactly the copied files (the worker itself and the host's header
  // file aside), plus / for the page.
  assert.match(site.version, /^[0-9a-f]{16}$/);
  const expected = ['/', ...got.filter((path) => path !== 'sw.js' && path !== '_headers').map((path) => `/${path}`)].sort();
  assert.deepEqual([...site.precache].sort(), expected);

  // The policy: in the page for any host, and in full (with frame-ancestors) for hosts that read _headers.
  const meta = readFileSync(join(site.dir, 'index.html'), 'utf8').match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)?.[1];
  assert.equal(meta, CSP.replace(/; frame-ancestors [^;]*/, ''));
  assert.ok(readFileSync(join(site.dir, '_headers'), 'utf8').includes(`Content-Security-Policy: ${CSP}`));

  // The size, raw and gzipped.
  assert.match(site.stdout, /\d+ files, [\d.]+ KB raw, [\d.]+ KB gzipped/);
  console.log(`# ${site.stdout.trim().split('\n').at(-1)}`);
});

test('the cache version follows the contents; a folder that is not a build is never replaced', () => {
  // The same sources give the same version.
  const again = join(tmp, 'again');
  assert.equal(buildSite(again).status, 0);
  assert.equal(workerOf(again).version, site.version);

  // One changed byte in a copy of the sources gives another version.
  const copy = join(tmp, 'copy');
  for (const part of ['www', 'pkg', 'js', 'scripts']) cpSync(join(repo, part), join(copy, part), { recursive: true });
  appendFileSync(join(copy, 'www', 'style.css'), '\n/* changed */\n');
  const changed = join(tmp, 'changed');
  assert.equal(buildSite(changed, copy).status, 0);
  assert.notEqual(workerOf(changed).version, site.version);
  assert.deepEqual(workerOf(changed).precache, site.precache);

  // Another folder with something in it is left alone.
  const foreign = join(tmp, 'foreign');
  mkdirSync(foreign);
  writeFileSync(join(foreign, 'notes.txt'), 'keep me');
  const refused = buildSite(foreign);
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /not empty and is not an earlier site build/);
  assert.equal(readFileSync(join(foreign, 'notes.txt'), 'utf8'), 'keep me');
});

test('the built site works from a plain static server, and offline after the first visit', async () => {
  const server = await startServer({ port: 0, root: site.dir });
  let open;
  try {
    open = await openPage(session.browser, server);
    const { page, check } = open;
    await analyzes(page, ARTICLE_ONLINE);
    const stored = await offlineReady(page);
    assert.deepEqual(stored, { [`kupas-${site.version}`]: [...site.precache].sort() }, 'one cache, named by the version, with every file');

    await server.close(); // no server at all: only the cache can answer
    await reloadOffline(open, ARTICLE_OFFLINE);
    check();
  } finally {
    await open?.close();
    await server.close();
  }
});

test('a new build replaces the old cache; caches of other apps stay', async () => {
  const first = await startServer({ port: 0, root: site.dir });
  let open;
  let second;
  try {
    open = await openPage(session.browser, first);
    const { page, check } = open;
    await offlineReady(page);
    await page.evaluate(() => Promise.all([caches.open('kupas-0000000000000000'), caches.open('someone-else')]));

    // The same origin now serves another build (the copy with a changed style.css).
    const { port } = first;
    await first.close();
    second = await startServer({ port, root: join(tmp, 'changed') });
    assert.equal(second.port, port, 'the same origin');
    const { version } = workerOf(join(tmp, 'changed'));
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      const old = registration.active;
      await registration.update();
      // The new worker is 'activated' once its activate handler (the clean-up) has finished.
      const fresh = registration.installing ?? registration.waiting ?? registration.active;
      if (fresh === old) throw new Error('no new service worker');
      await new Promise((ok) => {
        const done = () => fresh.state === 'activated' && ok();
        fresh.addEventListener('statechange', done);
        done();
      });
    });
    const names = await page.evaluate(() => caches.keys());
    assert.deepEqual(names.sort(), [`kupas-${version}`, 'someone-else'].sort());
    const style = await page.evaluate(async (name) => (await (await caches.open(name)).match('/style.css')).text(), `kupas-${version}`);
    assert.ok(style.includes('/* changed */'), 'the new cache holds the new files');
    check();
  } finally {
    await open?.close();
    await first.close();
    await second?.close();
  }
});

test('on the development server too, the page works offline after the first visit', async () => {
  const open = await session.openPage();
  const { page, context, check, close } = open;
  try {
    await analyzes(page, ARTICLE_ONLINE);
    const stored = await offlineReady(page);
    const shell = stored['kupas-dev'];
    assert.ok(shell, `the development cache (${Object.keys(stored)})`);
    for (const path of ['/', '/index.html', '/app.js', '/worker.js', '/style.css', '/js/browser.mjs', '/pkg/kupas.js', '/pkg/kupas_bg.wasm']) {
      assert.ok(shell.includes(path), `cached ${path}`);
    }
    assert.ok(shell.some((path) => path.startsWith('/pkg/snippets/')), 'the snippet, found in the glue');
    await reloadOffline(open, ARTICLE_OFFLINE);
    await context.setOffline(false);
    check();
  } finally {
    await close();
  }
});
