// Builds the web page as a static folder that any static host can serve at its root:
//
//   node scripts/build-site.mjs [OUTDIR]     # site/ by default; run `npm run build` first
//
// OUTDIR gets the page (www/), js/browser.mjs, the browser build from pkg/ (glue, .wasm,
// snippets) and the service worker, rewritten with the list of files to precache and a cache
// version that is a hash of their contents. Also `_headers` (the Netlify / Cloudflare Pages
// format) with the page's Content-Security-Policy; the policy is in index.html's meta element
// too, for hosts that cannot set headers. Prints the folder's size, raw and gzipped.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { CSP } from './serve.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const out = resolve(process.argv[2] ?? join(repo, 'site'));

/** Every file under `dir`, as paths relative to it with forward slashes; dotfiles skipped. */
function walk(dir, prefix = '') {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...walk(join(dir, entry.name), path));
    else if (entry.isFile()) files.push(path);
  }
  return files.sort();
}

const isInside = (parent, child) => child === parent || child.startsWith(parent + sep);

function checkOutput() {
  for (const source of ['www', 'js', 'pkg'].map((name) => join(repo, name))) {
    if (isInside(source, out)) throw new Error(`the output folder must not be inside ${relative(repo, source)}/: ${out}`);
  }
  if (isInside(out, resolve(repo))) throw new Error(`the output folder must not hold the repository: ${out}`);
  if (!existsSync(out)) return;
  const entries = readdirSync(out);
  // Only an empty folder or an earlier build is replaced, never some other folder by mistake.
  const earlierBuild = entries.includes('index.html') && entries.includes('sw.js') && readFileSync(join(out, 'sw.js'), 'utf8').includes("const PREFIX = 'kupas-'");
  if (entries.length && !earlierBuild) throw new Error(`${out} is not empty and is not an earlier site build; choose another folder`);
  rmSync(out, { recursive: true, force: true });
}

/** site path → source file. */
function sources() {
  const pkg = join(repo, 'pkg');
  if (!existsSync(join(pkg, 'kupas_bg.wasm')) || !existsSync(join(pkg, 'kupas.js'))) {
    throw new Error('pkg/ has no browser build: run `npm run build` first');
  }
  const files = new Map();
  for (const path of walk(join(repo, 'www'))) files.set(path, join(repo, 'www', path));
  files.set('js/browser.mjs', join(repo, 'js', 'browser.mjs'));
  files.set('pkg/kupas.js', join(pkg, 'kupas.js'));
  files.set('pkg/kupas_bg.wasm', join(pkg, 'kupas_bg.wasm'));
  if (existsSync(join(pkg, 'snippets'))) {
    for (const path of walk(join(pkg, 'snippets'))) files.set(`pkg/snippets/${path}`, join(pkg, 'snippets', path));
  }
  for (const needed of ['index.html', 'sw.js']) if (!files.has(needed)) throw new Error(`www/${needed} is missing`);
  return files;
}

/** The service worker with this build's version and file list in place of the development ones. */
function serviceWorker(source, version, precache) {
  const replace = (text, pattern, value, what) => {
    if (!pattern.test(text)) throw new Error(`www/sw.js: cannot find ${what} to rewrite`);
    return text.replace(pattern, () => value);
  };
  let text = replace(source, /^const VERSION = .*;$/m, `const VERSION = ${JSON.stringify(version)};`, 'const VERSION');
  const list = `const PRECACHE = [\n${precache.map((path) => `  ${JSON.stringify(path)},`).join('\n')}\n];`;
  text = replace(text, /^const PRECACHE = \[[^\]]*\];$/m, list, 'const PRECACHE = [...]');
  return text;
}

/** Every root-relative src/href of index.html is a file of the site. */
function checkReferences(html, paths) {
  for (const [, url] of html.matchAll(/\s(?:src|href)="(\/[^"]*)"/g)) {
    const path = url.slice(1).split(/[?#]/)[0];
    if (path !== '' && !paths.has(path)) throw new Error(`index.html refers to ${url}, which the site does not have`);
  }
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function main() {
  checkOutput();
  const files = sources();
  const contents = new Map([...files].map(([path, file]) => [path, readFileSync(file)]));
  checkReferences(contents.get('index.html').toString('utf8'), new Set(contents.keys()));

  // The version: a hash of every path and its bytes (the service worker's own text aside,
  // since it is about to carry the version).
  const hash = createHash('sha256');
  for (const [path, bytes] of [...contents].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (path === 'sw.js') continue;
    hash.update(`${path}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  const version = hash.digest('hex').slice(0, 16);
  const precache = ['/', ...[...contents.keys()].filter((path) => path !== 'sw.js').sort().map((path) => `/${path}`)];
  contents.set('sw.js', Buffer.from(serviceWorker(contents.get('sw.js').toString('utf8'), version, precache)));

  const headers = ['/', '/index.html'].map((path) =>
    [path, `  Content-Security-Policy: ${CSP}`, '  X-Content-Type-Options: nosniff', '  Referrer-Policy: no-referrer'].join('\n'),
  );
  contents.set('_headers', Buffer.from(`${headers.join('\n')}\n`));

  let raw = 0;
  let gzipped = 0;
  const rows = [];
  for (const [path, bytes] of [...contents].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const target = join(out, ...path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
    const zipped = gzipSync(bytes, { level: 9 }).length;
    raw += statSync(target).size;
    gzipped += zipped;
    rows.push([path, kb(bytes.length), kb(zipped)]);
  }
  const width = Math.max(...rows.map(([path]) => path.length));
  for (const [path, r, z] of rows) console.log(`  ${path.padEnd(width)}  ${r.padStart(9)}  ${z.padStart(9)} gzipped`);
  const near = relative(process.cwd(), out);
  const shown = near === '' ? '.' : near.startsWith('..') ? out : near;
  console.log(`${shown}/: ${contents.size} files, ${kb(raw)} raw, ${kb(gzipped)} gzipped (each file gzipped -9); cache version ${version}`);
}

try {
  main();
} catch (error) {
  console.error(`build-site: ${error.message}`);
  process.exit(1);
}
