// npm run bench: throughput of kupas natively (examples/bench.rs) and as the wasm package in
// Node (js/node.mjs), on the same inputs, plus the download size of the browser build.
//
// Inputs: the articles in ../shared/seeds/*.txt when that folder exists, else the repository
// fixtures. They are joined by blank lines into a ~5 KB article (cut at a line break at or
// before 5 KiB) and repeated into ~1 MB of text; both are written to a temp folder and given
// to the native binary with --raw, so the two sides measure exactly the same bytes. When
// ../shared/data/ner exists, a third input has no repeats: the NER training sentences.
// Method on both sides: warm up 300 ms, then 7 samples of at least 200 ms; the median, and
// the fastest sample ("best"), which is the steadier figure on a shared, noisy machine.
// MB/s counts 10^6 bytes of UTF-8 input per second. A benchmark: it asserts nothing.
// Cold start: in fresh Node processes (import, then the first article), and in the page in
// headless Chromium when it is installed (a fresh browser context each time, so nothing is
// cached): from navigation to the page's "Ready", then from pasting the first article to its
// result in the DOM and to the end of the frame that shows it; pasted the moment "Ready"
// shows (the engine is still compiling the page's and the worker's code in the background)
// and, as a person would, 300 ms later.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const ARTICLE_BYTES = 5 * 1024;
const LARGE_BYTES = 1024 * 1024;
const WARM_UP_MS = 300;
const SAMPLE_MS = 200;
const SAMPLES = 7;
const COLD_RUNS = 5;

// ── inputs ──────────────────────────────────────────────────────────────────────────────
const seeds = join(root, '..', 'shared', 'seeds');
const seedFiles = existsSync(seeds) ? readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort() : [];
const articleFiles = seedFiles.length
  ? seedFiles.map((f) => join(seeds, f))
  : ['id_banjir.txt', 'en_summit.txt'].map((f) => join(root, 'tests', 'fixtures', f));
const source = seedFiles.length
  ? `../shared/seeds (${seedFiles.length} articles)`
  : `tests/fixtures (id_banjir.txt, en_summit.txt; ../shared/seeds not found)`;

const joined = articleFiles
  .map((f) => readFileSync(f, 'utf8').trim())
  .filter(Boolean)
  .join('\n\n');

/** `joined` repeated, separated by blank lines, until it is at least `bytes` of UTF-8. */
function repeatTo(bytes) {
  const parts = [joined];
  let length = Buffer.byteLength(joined);
  const step = Buffer.byteLength(joined) + 2;
  while (length < bytes) {
    parts.push(joined);
    length += step;
  }
  return parts.join('\n\n');
}

/** About 5 KiB: cut at the last line break at or before 5 KiB (same rule as bench.rs). */
function article() {
  const buffer = Buffer.from(repeatTo(ARTICLE_BYTES), 'utf8');
  if (buffer.length <= ARTICLE_BYTES) return buffer.toString('utf8');
  const cut = buffer.subarray(0, ARTICLE_BYTES + 1).lastIndexOf(0x0a);
  return cut > 0 ? buffer.subarray(0, cut).toString('utf8').trimEnd() : buffer.toString('utf8');
}

/**
 * Text that does not repeat itself: the sentences of the Indonesian NER data sets in
 * ../shared/data/ner (tokens joined by spaces, five sentences a paragraph), or null when the
 * folder is missing. Repeated articles let kupas reuse what it worked out for a word; this
 * shows the rate when nearly every sentence is new.
 */
function differentText() {
  const folder = join(root, '..', 'shared', 'data', 'ner');
  const files = ['idner-news-2k/train.txt', 'nergrit/train_preprocess.txt'].map((f) => join(folder, f));
  if (!files.every(existsSync)) return null;
  const sentences = [];
  for (const file of files) {
    let words = [];
    for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
      const token = line.trim().split(/\s+/)[0];
      if (token) words.push(token);
      else if (words.length) {
        sentences.push(words.join(' '));
        words = [];
      }
    }
    if (words.length) sentences.push(words.join(' '));
  }
  const paragraphs = [];
  for (let i = 0; i < sentences.length; i += 5) paragraphs.push(sentences.slice(i, i + 5).join(' '));
  return paragraphs.join('\n\n');
}

const inputs = [
  { name: 'article ~5 KB', file: 'article-5kb.txt', text: article() },
  { name: 'text ~1 MB', file: 'text-1mb.txt', text: repeatTo(LARGE_BYTES) },
];
const different = differentText();
if (different) inputs.push({ name: 'different text ~0.5 MB', file: 'text-different.txt', text: different });
const work = mkdtempSync(join(tmpdir(), 'kupas-bench-'));
for (const input of inputs) {
  input.path = join(work, input.file);
  writeFileSync(input.path, input.text);
  input.bytes = Buffer.byteLength(input.text);
}

console.log(`kupas bench: inputs from ${source}`);
console.log(`node ${process.version}, ${process.platform}-${process.arch}; MB = 10^6 bytes of UTF-8; median of ${SAMPLES} samples\n`);

try {
  // ── native ──────────────────────────────────────────────────────────────────────────────
  console.log('[native] cargo run --release --example bench …');
  const cargo = spawnSync(
    'cargo',
    ['run', '--release', '--quiet', '--example', 'bench', '--', '--json', '--raw', ...inputs.map((i) => i.path)],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 << 20 },
  );
  if (cargo.status === 0) {
    const rows = cargo.stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line));
    inputs.forEach((input, i) => {
      const row = rows[i];
      if (row && row.bytes === input.bytes) input.native = row;
      else console.warn(`[native] unexpected output for ${input.name}: ${JSON.stringify(row)}`);
    });
  } else {
    console.warn(`[native] failed (${cargo.error?.message ?? `exit ${cargo.status}`}); native column left empty`);
  }

  // ── wasm in Node ────────────────────────────────────────────────────────────────────────
  console.log('[wasm] js/node.mjs …');
  const cold = coldStart(inputs[0].path);
  const page = await pageColdStart(inputs[0].text, 0);
  const pageLater = page && (await pageColdStart(inputs[0].text, 300));
  const { analyze } = await import(pathToFileURL(join(root, 'js', 'node.mjs')).href);
  for (const input of inputs) {
    input.wasm = measure(() => analyze(input.text));
    input.keywordsOnly = measure(() => analyze(input.text, { entities: false }));
    input.bare = measure(() => analyze(input.text, { keywords: 0 }));
  }

  // ── sizes ───────────────────────────────────────────────────────────────────────────────
  const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
  const wasmBytes = readFileSync(join(root, 'pkg', 'kupas_bg.wasm'));
  const snippets = join(root, 'pkg', 'snippets');
  const glueFiles = ['pkg/kupas.js', 'js/browser.mjs', ...(existsSync(snippets) ? readdirSync(snippets, { recursive: true }) : [])
    .filter((f) => f.endsWith('.js'))
    .map((f) => join('pkg', 'snippets', f))];
  const glue = Buffer.concat(glueFiles.map((f) => readFileSync(join(root, f))));

  // ── report ──────────────────────────────────────────────────────────────────────────────
  const fmt = (value, digits) => (value === undefined ? 'n/a' : value.toFixed(digits));
  const table = [
    [
      'input',
      'bytes',
      'native MB/s',
      'wasm MB/s',
      'best native',
      'best wasm',
      'wasm/native',
      'native ms/call',
      'wasm ms/call',
      'wasm no-entities MB/s',
      'wasm no-keywords MB/s',
    ],
    ...inputs.map((i) => [
      i.name,
      String(i.bytes),
      fmt(i.native?.mbPerS, 2),
      fmt(i.wasm.mbPerS(i.bytes), 2),
      fmt(i.native?.bestMbPerS, 2),
      fmt(i.wasm.bestMbPerS(i.bytes), 2),
      i.native ? `${(i.wasm.mbPerS(i.bytes) / i.native.mbPerS).toFixed(2)}x` : 'n/a',
      fmt(i.native?.msPerCall, 3),
      fmt(i.wasm.ms, 3),
      fmt(i.keywordsOnly.mbPerS(i.bytes), 2),
      fmt(i.bare.mbPerS(i.bytes), 2),
    ]),
  ];
  const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
  console.log('');
  for (const [r, row] of table.entries()) {
    console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
    if (r === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  const [art] = inputs;
  console.log('');
  console.log(
    `ms per 5 KB article (${art.bytes} bytes): native ${fmt(art.native?.msPerCall, 3)} ms, wasm ${fmt(art.wasm.ms, 3)} ms, ` +
      `wasm without entities ${fmt(art.keywordsOnly.ms, 3)} ms`,
  );
  if (cold) {
    console.log(
      `cold start in a fresh node (median of ${COLD_RUNS}): import js/node.mjs ${cold.importMs.toFixed(1)} ms ` +
        `(read + compile + instantiate the .wasm), first article ${cold.firstMs.toFixed(2)} ms`,
    );
  }
  if (page) {
    const shown = (p) => `${p.firstMs.toFixed(1)} ms to the result in the page, ${p.paintedMs.toFixed(1)} ms to the end of its frame`;
    console.log(
      `cold start in the page, headless Chromium (median of ${COLD_RUNS}): navigation to Ready ${page.readyMs.toFixed(1)} ms ` +
        `(page, worker, .wasm, warm-up); pasting the first article at Ready: ${shown(page)}` +
        (pageLater ? `; pasting it 300 ms after Ready: ${shown(pageLater)}` : ''),
    );
  }
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`pkg/kupas_bg.wasm: ${kb(wasmBytes.length)} raw, ${kb(gz(wasmBytes))} gzipped (level 9)`);
  console.log(`JS glue for browsers (${glueFiles.join(' + ')}): ${kb(glue.length)} raw, ${kb(gz(glue))} gzipped (level 9)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/**
 * The page's cold start in headless Chromium: COLD_RUNS fresh contexts, each timing navigation
 * to "Ready", then, `settleMs` later, pasting `text` to its result in the DOM and to the end of
 * the frame that shows it. `null` without Chromium.
 */
async function pageColdStart(text, settleMs) {
  const { CHROMIUM, CHROMIUM_ARGS } = await import(pathToFileURL(join(root, 'tests', 'js', 'support.mjs')).href);
  if (!existsSync(CHROMIUM)) return null;
  const { chromium } = await import('playwright-core');
  const { startServer } = await import(pathToFileURL(join(root, 'scripts', 'serve.mjs')).href);
  const server = await startServer({ port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const runs = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(server.url);
      await page.waitForFunction(() => document.getElementById('status').textContent === 'Ready');
      const readyMs = await page.evaluate(() => performance.now());
      if (settleMs > 0) await page.waitForTimeout(settleMs);
      const { firstMs, paintedMs } = await page.evaluate(
        (article) =>
          new Promise((done) => {
            const results = document.getElementById('results');
            const box = document.getElementById('text');
            const started = performance.now();
            new MutationObserver(() => {
              if (!('pending' in results.dataset) && results.dataset.requested && results.dataset.rendered === results.dataset.requested) {
                const firstMs = performance.now() - started;
                // A task queued in the next frame runs once its layout and paint are done.
                requestAnimationFrame(() => setTimeout(() => done({ firstMs, paintedMs: performance.now() - started })));
              }
            }).observe(results, { attributes: true });
            box.value = article;
            box.dispatchEvent(new Event('input', { bubbles: true }));
          }),
        text,
      );
      runs.push({ readyMs, firstMs, paintedMs });
      await context.close();
    }
    const median = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(COLD_RUNS / 2)];
    return { readyMs: median('readyMs'), firstMs: median('firstMs'), paintedMs: median('paintedMs') };
  } catch (error) {
    console.warn(`[page] cold start in Chromium failed: ${error.message}`);
    return null;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Warm-up, then SAMPLES samples of at least SAMPLE_MS each; the median time per call. */
function measure(fn) {
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < WARM_UP_MS || calls === 0) {
    fn();
    calls++;
  }
  const perCall = (performance.now() - start) / calls;
  const batch = Math.max(1, Math.ceil(SAMPLE_MS / perCall));
  const samples = [];
  for (let s = 0; s < SAMPLES; s++) {
    const t = performance.now();
    for (let i = 0; i < batch; i++) fn();
    samples.push((performance.now() - t) / batch);
  }
  samples.sort((a, b) => a - b);
  const ms = samples[Math.floor(SAMPLES / 2)];
  const best = samples[0];
  return {
    ms,
    calls: batch,
    mbPerS: (bytes) => bytes / (ms / 1e3) / 1e6,
    bestMbPerS: (bytes) => bytes / (best / 1e3) / 1e6,
  };
}

/** Import + first analyze in fresh node processes: what a CLI or a serverless call pays. */
function coldStart(articlePath) {
  const entry = pathToFileURL(join(root, 'js', 'node.mjs')).href;
  const code = `
    import { readFileSync } from 'node:fs';
    const text = readFileSync(${JSON.stringify(articlePath)}, 'utf8');
    const t0 = performance.now();
    const { analyze } = await import(${JSON.stringify(entry)});
    const t1 = performance.now();
    analyze(text);
    const t2 = performance.now();
    console.log(JSON.stringify({ importMs: t1 - t0, firstMs: t2 - t1 }));
  `;
  const runs = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
    if (child.status !== 0) {
      console.warn(`[wasm] cold start run failed: ${child.stderr}`);
      return null;
    }
    runs.push(JSON.parse(child.stdout));
  }
  const median = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(COLD_RUNS / 2)];
  return { importMs: median('importMs'), firstMs: median('firstMs') };
}
