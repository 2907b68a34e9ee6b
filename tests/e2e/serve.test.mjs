// Tests for scripts/serve.mjs: routes, MIME types, security headers, no way out of the roots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { startServer, CSP } from '../../scripts/serve.mjs';

let server;
let base;

before(async () => {
  server = await startServer({ port: 0 });
  base = new URL(server.url);
});

after(async () => {
  await server?.close();
});

/** A raw GET that sends `path` exactly as given (fetch would normalize "..", "%2e" and such). */
function raw(path, method = 'GET') {
  return new Promise((ok, fail) => {
    const req = request({ host: base.hostname, port: base.port, path, method }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

test('binds 127.0.0.1 and prints a usable URL', () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  assert.ok(server.port > 0);
});

test('serves the page at / with a strict CSP and nosniff', async () => {
  const res = await raw('/');
  assert.equal(res.status, 200);
  assert.match(res.headers['content-type'], /^text\/html/);
  assert.equal(res.headers['content-security-policy'], CSP);
  assert.match(CSP, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.match(CSP, /frame-ancestors 'none'/);
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  assert.match(res.body.toString('utf8'), /<title>kupas<\/title>/);
  const same = await raw('/index.html');
  assert.equal(same.status, 200);
  assert.deepEqual(same.body, res.body);
});

test('the page carries the same policy in a meta element (minus frame-ancestors, which a meta cannot set)', async () => {
  const html = (await raw('/')).body.toString('utf8');
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  assert.ok(meta, 'CSP meta element');
  const withoutFrameAncestors = CSP.split('; ').filter((d) => !d.startsWith('frame-ancestors')).join('; ');
  assert.equal(meta[1], withoutFrameAncestors);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline scripts');
  assert.doesNotMatch(html, /<style|\sstyle=/, 'no inline styles');
  assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//, 'no remote resources');
});

test('MIME types for scripts, modules, styles and wasm', async () => {
  const cases = [
    ['/app.js', /^text\/javascript/],
    ['/worker.js', /^text\/javascript/],
    ['/style.css', /^text\/css/],
    ['/js/browser.mjs', /^text\/javascript/],
    ['/pkg/kupas.js', /^text\/javascript/],
    ['/pkg/kupas_bg.wasm', /^application\/wasm$/],
  ];
  for (const [path, type] of cases) {
    const res = await raw(path);
    assert.equal(res.status, 200, path);
    assert.match(res.headers['content-type'], type, path);
    assert.equal(res.headers['x-content-type-options'], 'nosniff', path);
    assert.equal(res.headers['content-security-policy'], undefined, `${path} is not HTML`);
  }
  const wasm = await raw('/pkg/kupas_bg.wasm');
  assert.deepEqual([...wasm.body.subarray(0, 4)], [0x00, 0x61, 0x73, 0x6d], 'wasm magic number');
});

test('HEAD works and other methods are refused', async () => {
  const head = await raw('/', 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.body.length, 0);
  assert.ok(Number(head.headers['content-length']) > 0);
  const post = await raw('/', 'POST');
  assert.equal(post.status, 405);
});

test('404 for missing files and directories, and nothing outside the roots', async () => {
  const refused = [
    '/nope.html',
    '/js/',
    '/pkg',
    '/../package.json',
    '/js/../package.json',
    '/js/../../package.json',
    '/%2e%2e/package.json',
    '/%2e%2e%2fpackage.json',
    '/js/%2e%2e/Cargo.toml',
    '/js/..%2f..%2fpackage.json',
    '/pkg/%2e%2e%2f%2e%2e%2fetc/passwd',
    '/..%5c..%5cpackage.json',
    '/%00',
    '/%E0%A4%A',
    '/src/lib.rs',
    '/scripts/serve.mjs',
  ];
  for (const path of refused) {
    const res = await raw(path);
    assert.ok(res.status === 404 || res.status === 400, `${path} → ${res.status}`);
    assert.doesNotMatch(res.body.toString('utf8'), /"name": "kupas"|\[package\]|root:/, path);
  }
});

test('falls back to a free port when the wanted one is busy', async () => {
  const blocker = createServer();
  await new Promise((ok) => blocker.listen(0, '127.0.0.1', ok));
  const busy = blocker.address().port;
  const second = await startServer({ port: busy });
  try {
    assert.notEqual(second.port, busy);
    const res = await fetch(second.url);
    assert.equal(res.status, 200);
  } finally {
    await second.close();
    await new Promise((ok) => blocker.close(ok));
  }
});
