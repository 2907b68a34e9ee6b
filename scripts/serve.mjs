// A small, dependency-free static server for the kupas web page.
//
//   node scripts/serve.mjs              # PORT=8080 by default, a free port if that one is busy
//   node scripts/serve.mjs --root site  # one folder at the root instead (a static build)
//
// Routes: /js/… → the repository's js/, /pkg/… → pkg/, everything else → www/ (/ → index.html).
// Only GET and HEAD; only files inside those three folders; binds 127.0.0.1 by default.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat, realpath } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join, resolve, sep, extname } from 'node:path';

const repo = fileURLToPath(new URL('..', import.meta.url));

/** URL prefix → folder on disk. Checked in order; the last one catches everything. */
const ROUTES = [
  ['/js/', join(repo, 'js')],
  ['/pkg/', join(repo, 'pkg')],
  ['/', join(repo, 'www')],
];

export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

function send(res, status, message, method) {
  const body = `${status} ${message}\n`;
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  res.end(method === 'HEAD' ? undefined : body);
}

/** True when `child` is `parent` itself or lies inside it. */
function inside(parent, child) {
  return child === parent || child.startsWith(parent.endsWith(sep) ? parent : parent + sep);
}

/** Maps a request path to a file inside one of the roots, or null. */
async function locate(pathname, routes) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const [prefix, dir] = routes.find(([p]) => decoded.startsWith(p));
  let rest = decoded.slice(prefix.length);
  if (prefix === '/' && (rest === '' || rest.endsWith('/'))) rest += 'index.html';
  const root = resolve(dir);
  const candidate = resolve(root, '.' + sep + rest);
  if (!inside(root, candidate)) return null;
  try {
    // Resolve symlinks too, so a link cannot lead out of the root.
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(candidate)]);
    if (!inside(realRoot, realFile)) return null;
    const info = await stat(realFile);
    if (!info.isFile()) return null;
    return { file: realFile, size: info.size };
  } catch {
    return null;
  }
}

async function handle(req, res, routes) {
  const method = req.method;
  if (method !== 'GET' && method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return send(res, 405, 'Method Not Allowed', method);
  }
  let pathname;
  try {
    pathname = new URL(req.url, 'http://localhost').pathname;
  } catch {
    return send(res, 400, 'Bad Request', method);
  }
  const found = await locate(pathname, routes);
  if (!found) return send(res, 404, 'Not Found', method);

  const ext = extname(found.file).toLowerCase();
  const type = TYPES[ext] ?? 'application/octet-stream';
  const headers = {
    'Content-Type': type,
    'Content-Length': found.size,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
  if (type.startsWith('text/html')) headers['Content-Security-Policy'] = CSP;
  res.writeHead(200, headers);
  if (method === 'HEAD') return res.end();
  const stream = createReadStream(found.file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

function listen(server, port, host) {
  return new Promise((ok, fail) => {
    const onError = (error) => {
      server.off('listening', onListening);
      fail(error);
    };
    const onListening = () => {
      server.off('error', onError);
      ok();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/**
 * Starts the server. `port` defaults to $PORT or 8080; when that port is taken, a free one is
 * used instead. Pass `port: 0` for a free port straight away (tests do). `root`: serve that one
 * folder at / (a static build such as site/) instead of the repository's routes.
 * @returns {Promise<{ url: string, port: number, close(): Promise<void> }>}
 */
export async function startServer({ port, host = '127.0.0.1', root } = {}) {
  const routes = root === undefined ? ROUTES : [['/', resolve(root)]];
  const wanted = port ?? (process.env.PORT !== undefined && process.env.PORT !== '' ? Number(process.env.PORT) : 8080);
  if (!Number.isInteger(wanted) || wanted < 0 || wanted > 65535) throw new Error(`invalid port: ${wanted}`);
  const server = createServer((req, res) => {
    handle(req, res, routes).catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal Server Error', req.method);
      else res.destroy();
    });
  });
  try {
    await listen(server, wanted, host);
  } catch (error) {
    if (error.code !== 'EADDRINUSE' || wanted === 0) throw error;
    await listen(server, 0, host);
  }
  const actual = server.address().port;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${actual}/`,
    port: actual,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections?.();
      }),
  };
}

const direct = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (direct) {
  const at = process.argv.indexOf('--root');
  const root = at === -1 ? undefined : process.argv[at + 1];
  if (at !== -1 && !root) throw new Error('--root needs a folder');
  const { url, port, close } = await startServer({ root });
  const wanted = Number(process.env.PORT || 8080);
  if (port !== wanted) console.log(`port ${wanted} is busy; using ${port} instead`);
  console.log(`kupas is running at ${url}`);
  const stop = () => close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
