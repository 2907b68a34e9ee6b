// The browser build in real Chromium, from the packed tarball:
//  1. zero-config Vite: `import { init, analyze } from 'kupas'` with no vite config, built
//     with `vite build` and served statically, then the same page on the Vite dev server;
//  2. a plain `<script type="module">` page importing the package's js/browser.mjs.
// The browser's result must equal what the Node entry computes for the same text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../js/node.mjs';
import { freePort, installTarball, launchChromium, loadResult, pack, root, serve, tempDir, writeFiles } from './support.mjs';

const VITE = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const TEXT = 'Presiden tiba di Jakarta pada 18/6/2024.\r\nIa disambut 😀Kim Jong-un dan kafe\u0301 ＰＢＢ. 🇮🇩 Selesai!';
const OPTIONS = { tokens: true };
const expected = analyze(TEXT, OPTIONS);

let work;
let project;
let installed;
let browser;

before(async () => {
  work = tempDir('vite');
  const { tarball } = pack(work.dir);
  project = join(work.dir, 'app');
  mkdirSync(project);
  installed = installTarball(project, tarball);
  writeFiles(project, {
    'index.html':
      '<!doctype html>\n<html lang="id">\n<head><meta charset="utf-8"><title>kupas in vite</title></head>\n' +
      '<body>\n<script type="module" src="./main.js"></script>\n</body>\n</html>\n',
    'main.js':
      "import { init, analyze } from 'kupas';\n" +
      'await init();\n' +
      `document.body.dataset.result = JSON.stringify(analyze(${JSON.stringify(TEXT)}, ${JSON.stringify(OPTIONS)}));\n`,
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  work?.remove();
});

const skipWithoutChromium = (t) => {
  if (browser) return false;
  t.skip('Chromium is not installed at /usr/bin/chromium');
  return true;
};

test('vite build with no config bundles the wasm as an asset', { timeout: 60_000 }, () => {
  assert.ok(!existsSync(join(project, 'vite.config.js')) && !existsSync(join(project, 'vite.config.mjs')));
  const build = spawnSync(process.execPath, [VITE, 'build'], { cwd: project, encoding: 'utf8', timeout: 60_000 });
  assert.equal(build.status, 0, `vite build failed:\n${build.stdout}\n${build.stderr}`);
  const assets = readdirSync(join(project, 'dist', 'assets'));
  assert.ok(assets.some((f) => f.endsWith('.wasm')), `no .wasm asset in ${assets}`);
  const js = assets.filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(project, 'dist', 'assets', f), 'utf8')).join('\n');
  // The browser entry was chosen, not the Node one that reads the file system.
  assert.doesNotMatch(js, /node:fs|readFileSync/);
});

test('the vite build runs in Chromium', { timeout: 60_000 }, async (t) => {
  if (skipWithoutChromium(t)) return;
  const server = await serve(join(project, 'dist'));
  try {
    const { result, errors, consoleErrors } = await loadResult(browser, `${server.url}/`);
    assert.deepEqual(errors, []);
    assert.deepEqual(consoleErrors.filter((m) => /wasm|instantiate|MIME/i.test(m)), []);
    assert.deepEqual(result, expected);
    assert.deepEqual(
      result.sentences.map((s) => TEXT.slice(s.start, s.end)),
      ['Presiden tiba di Jakarta pada 18/6/2024.', 'Ia disambut 😀Kim Jong-un dan kafe\u0301 ＰＢＢ.', '🇮🇩 Selesai!'],
    );
    assert.equal(server.requests.filter((p) => p.endsWith('.wasm')).length, 1);
  } finally {
    await server.close();
  }
});

test('the vite dev server serves the same page', { timeout: 60_000 }, async (t) => {
  if (skipWithoutChromium(t)) return;
  const port = await freePort();
  const dev = spawn(process.execPath, [VITE, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: project,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Under CI=true Vite colours its banner, splitting the URL with escape codes.
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  let log = '';
  dev.stdout.on('data', (chunk) => (log += chunk));
  dev.stderr.on('data', (chunk) => (log += chunk));
  try {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`vite dev did not start:\n${log}`)), 20_000);
      const check = () => {
        if (log.replace(/\x1b\[[0-9;]*m/g, '').includes(`127.0.0.1:${port}`)) {
          clearTimeout(timer);
          resolve();
        }
      };
      dev.stdout.on('data', check);
      dev.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`vite dev exited with ${code}:\n${log}`));
      });
    });
    const { result, errors, consoleErrors } = await loadResult(browser, `http://127.0.0.1:${port}/`);
    assert.deepEqual(errors, []);
    assert.deepEqual(consoleErrors.filter((m) => /wasm|instantiate|MIME/i.test(m)), [], log);
    assert.deepEqual(result, expected);
  } finally {
    dev.kill('SIGTERM');
    if (dev.exitCode === null) await new Promise((resolve) => dev.once('exit', resolve));
  }
});

test('a plain <script type="module"> page: init() is required, idempotent and shared', { timeout: 60_000 }, async (t) => {
  if (skipWithoutChromium(t)) return;
  const page = `<!doctype html>
<html><head><meta charset="utf-8"><title>kupas plain module</title></head><body>
<script type="module">
  import { init, analyze, version } from './js/browser.mjs';
  const out = {};
  const attempt = (fn) => { try { fn(); return null; } catch (e) { return { code: e.code, name: e.name, message: e.message }; } };
  out.analyzeBefore = attempt(() => analyze('Ia pulang.'));
  out.versionBefore = attempt(() => version());
  const first = init();
  const second = init();
  out.samePromise = first === second;
  out.initResults = await Promise.all([first, second]);
  out.initAgain = await init();
  out.version = version();
  out.analysis = analyze(${JSON.stringify(TEXT)}, ${JSON.stringify(OPTIONS)});
  out.badOptions = attempt(() => analyze('x', { tokenz: true }));
  out.badText = attempt(() => analyze(42));
  document.body.dataset.result = JSON.stringify(out);
</script>
</body></html>`;
  const server = await serve(installed, { '/plain.html': page });
  try {
    const { result, errors } = await loadResult(browser, `${server.url}/plain.html`);
    assert.deepEqual(errors, []);
    assert.equal(result.analyzeBefore?.code, 'not_initialized');
    assert.equal(result.analyzeBefore.name, 'Error');
    assert.match(result.analyzeBefore.message, /init\(\)/);
    assert.equal(result.versionBefore?.code, 'not_initialized');
    assert.equal(result.samePromise, true);
    assert.deepEqual(result.initResults, [null, null]); // undefined serializes as null in arrays
    assert.equal(result.version, JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')).version);
    assert.deepEqual(result.analysis, expected);
    assert.equal(result.badOptions?.code, 'invalid_options');
    assert.equal(result.badText?.code, 'invalid_text');
    assert.equal(result.badText.name, 'TypeError');
    // Two init() calls and a third later: the .wasm is fetched once.
    assert.equal(server.requests.filter((p) => p.endsWith('.wasm')).length, 1, server.requests.join(' '));
  } finally {
    await server.close();
  }
});
