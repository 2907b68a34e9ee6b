// Shared helpers for the package tests: pack the repository as npm would publish it,
// install the tarball into a throw-away project, serve a folder over http and launch
// Chromium. Not a test file itself (node --test only runs *.test.* files).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Ordinary news prose written for the tests, Indonesian with an English sentence, to fill
 * megabytes with (names, dates and amounts included).
 */
export const PARAGRAPH =
  'Pemerintah Provinsi Kalimantan Timur menyiapkan anggaran Rp1,5 triliun untuk memperbaiki ' +
  'jalan penghubung antarkabupaten pada Senin (3/6/2024). Gubernur mengatakan pekerjaan ' +
  'dimulai bulan depan dan ditargetkan rampung sebelum akhir tahun, sementara warga berharap ' +
  'biaya angkut sembako turun. "Kami ingin distribusi barang lebih lancar," ujarnya di ' +
  'Samarinda. The provincial government said the 2024 budget also covers bridges near ' +
  'Balikpapan, where traffic rose 12 percent last year.\n\n';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** A fresh temporary directory, removed by the returned `remove()`. */
export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), `kupas-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function npm(args, cwd) {
  const result = spawnSync('npm', args, { cwd, encoding: 'utf8', timeout: 120_000 });
  return { ok: result.status === 0, stdout: result.stdout ?? '', stderr: result.stderr ?? '', error: result.error };
}

/**
 * Runs `npm pack --json` in the repository into `dest`.
 * @returns {{ tarball: string, files: string[] }} the tarball's path and its file list
 */
export function pack(dest) {
  const result = npm(['pack', '--json', '--pack-destination', dest], root);
  if (!result.ok) throw new Error(`npm pack failed:\n${result.stderr}${result.error ?? ''}`);
  // npm prints warnings on stderr; stdout is the JSON (scripts could print before it).
  const json = JSON.parse(result.stdout.slice(result.stdout.indexOf('[')));
  const [info] = json;
  return { tarball: join(dest, info.filename), files: info.files.map((f) => f.path) };
}

/**
 * Creates an npm project in `dir` and installs `tarball` into it: offline first (kupas has
 * no runtime dependencies), then online if the offline install failed.
 */
export function installTarball(dir, tarball) {
  const init = npm(['init', '-y'], dir);
  if (!init.ok) throw new Error(`npm init failed:\n${init.stderr}`);
  const base = ['install', tarball, '--no-audit', '--no-fund'];
  let result = npm([...base, '--offline'], dir);
  if (!result.ok) result = npm(base, dir);
  if (!result.ok) throw new Error(`npm install ${tarball} failed:\n${result.stderr}`);
  return join(dir, 'node_modules', 'kupas');
}

/** Writes `files` ({ relative path: content }) into `dir`. */
export function writeFiles(dir, files) {
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
}

/** Runs node on `script` in `cwd` and parses what it prints as JSON. */
export function runNodeJson(cwd, script) {
  const out = execFileSync(process.execPath, [script], { cwd, encoding: 'utf8', timeout: 30_000 });
  return JSON.parse(out);
}

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

/**
 * Serves the folder `dir` on 127.0.0.1 (a random port), plus in-memory `pages`
 * ({ '/path': html }). `requests` records every path asked for.
 */
export async function serve(dir, pages = {}) {
  const requests = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    if (Object.hasOwn(pages, path)) {
      res.writeHead(200, { 'content-type': MIME['.html'], 'cache-control': 'no-store' });
      res.end(pages[path]);
      return;
    }
    const file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
    if (!(file === dir || file.startsWith(dir.endsWith(sep) ? dir : dir + sep)) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return { url, requests, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** A TCP port that was free a moment ago (for servers that need a port number up front). */
export async function freePort() {
  const server = createNetServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Launches headless Chromium through playwright-core, or returns null when it is absent. */
export async function launchChromium() {
  if (!existsSync(CHROMIUM)) return null;
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * Opens `url` in a new page, waits for `document.body.dataset.result` and returns it parsed,
 * with the page's uncaught errors and console errors.
 */
export async function loadResult(browser, url, timeout = 20_000) {
  const page = await browser.newPage();
  const errors = [];
  const consoleErrors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') consoleErrors.push(message.text());
  });
  try {
    await page.goto(url);
    await page.waitForFunction(() => document.body?.dataset.result, null, { timeout }).catch((error) => {
      throw new Error(`no result on ${url}: ${error.message}\npage errors: ${errors.join('\n')}\nconsole: ${consoleErrors.join('\n')}`);
    });
    const result = JSON.parse(await page.evaluate(() => document.body.dataset.result));
    return { result, errors, consoleErrors };
  } finally {
    await page.close();
  }
}
