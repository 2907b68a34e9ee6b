// npm run bench:peers: kupas against the tools a user would pick instead, in one run, on the
// same inputs and the same machine. A benchmark: it asserts nothing and is not in `npm test`.
//
//   npm run bench:peers                  everything (a few minutes)
//   npm run bench:peers -- --quick       no 10 MB input
//   npm run bench:peers -- --only kupas,wink   some tools (kupas, wink, compromise, yake)
//
// What each tool computes per call:
// - kupas: `analyze(text)` with default options, the wasm package in Node (js/node.mjs):
//   normalize, sentences, tokens, language, page furniture, 20 keywords, entities.
// - wink-nlp + wink-eng-lite-web-model, full pipeline (every stage of the model: sentence
//   boundaries, negation, sentiment, part of speech, entities): `nlp.readDoc(text)`, then
//   `doc.sentences().out()`, `doc.tokens().out()`, `doc.entities().out(its.detail)`, and as its
//   keyword-ish output the 20 most frequent nouns and proper nouns that are not stopwords
//   (`tokens().filter(pos NOUN|PROPN, !stopWordFlag).out(its.normal, as.freqTable)`). Its entities
//   are dates, times, numbers, money, hashtags and the like: the model has no people,
//   organisations or places.
// - compromise: `nlp(text)` plus `.people()`, `.places()`, `.organizations()`, `.topics()`,
//   each `.json()`.
// - YAKE: the yake-rust crate (=1.0.3, a Rust port of the reference Python YAKE) built natively
//   in bench/yake/ (its own cargo project; the first run builds it, from crates.io), top 20
//   keyphrases of up to 3 words with the Indonesian stopword list and the crate's defaults.
//   Python `yake` is not installed here; the Rust port needs nothing beyond cargo.
//
// Inputs: each article in ../shared/seeds/*.txt (or, when that folder is absent,
// tests/fixtures/*.txt), and the articles joined by blank lines and repeated to 1 MB and 10 MB
// (MB = 10^6 bytes of UTF-8). A tool that refuses an input (kupas's JS binding refuses text
// over 16 Mi UTF-16 units with `text_too_large`) gets "refused" in that column. The large
// inputs repeat five articles, which favours a tool that works out each distinct word once
// per call (kupas's tagger does): the per-article figure is the one to quote.
//
// Measures, each tool in fresh child processes of its own:
// - throughput, MB/s: after a 2 s warm-up (wasm and JS code tier up to their optimised
//   compilers), the median of 7 samples (each at least 100 ms of calls)
//   per article, summed over the articles, in 3 more rounds after the main runs, every tool
//   in turn (the ratio is the median of the rounds' ratios, the rate the median rate); 1 MB: median of up to 3 calls; 10 MB: 1 or 2 calls,
//   or, when the 1 MB time says 10 MB would take over 2 minutes, 1 MB's rate, marked as
//   extrapolated (linear: kind to a tool whose cost grows faster than the text);
// - time to first result: module load + model load + the first article's result, from the
//   process start (performance.timeOrigin) to the result, in a fresh `node -e`: 11 rounds,
//   each starting every tool once in turn, so that the host's load falls on all alike; the
//   ratios are the medians of each round's kupas/tool ratio.
//   YAKE is a native binary: spawn to exit, as the parent sees it;
// - memory: the child's maxRSS (process.resourceUsage().maxRSS; VmHWM for the native binary)
//   after the first result, and at the end of the throughput child (its largest input);
// - download: the files a browser fetches, each gzipped at level 9: kupas
//   pkg/kupas_bg.wasm + pkg/kupas.js + its snippets + js/browser.mjs; wink-nlp with the web
//   model bundled and minified by esbuild (the package ships no browser build); compromise's
//   builds/compromise.js.
// The results also go to bench/peers-result.json (git-ignored).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const MB = 1e6;
const SEED_SAMPLES = 7;
const SAMPLE_MS = 100;
const WARM_UP_MS = 2000;
const LARGE_SAMPLES = 3;
const HUGE_SAMPLES = 2;
const BUDGET_MS = 120_000; // past this for 10 MB, extrapolate from 1 MB
const COLD_RUNS = 11;
const ARTICLE_ROUNDS = 3;
const TOP = 20;
const CHILD_FLAGS = ['--max-old-space-size=8192'];

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1].split(',') : null;

// ── inputs ────────────────────────────────────────────────────────────────────────────────
const seedsDir = join(root, '..', 'shared', 'seeds');
const fromSeeds = existsSync(seedsDir) && readdirSync(seedsDir).some((f) => f.endsWith('.txt'));
const articleDir = fromSeeds ? seedsDir : join(root, 'tests', 'fixtures');
if (!fromSeeds) console.log('[peers] ../shared/seeds not found: the seed articles are skipped; using tests/fixtures/*.txt instead');
const articles = readdirSync(articleDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ name: f, path: join(articleDir, f), text: readFileSync(join(articleDir, f), 'utf8') }))
  .filter((a) => a.text.trim());
const joined = articles.map((a) => a.text.trim()).join('\n\n');
const repeatTo = (bytes) => {
  const parts = [];
  let length = 0;
  while (length < bytes) {
    parts.push(joined);
    length += Buffer.byteLength(joined) + 2;
  }
  return parts.join('\n\n');
};
const work = mkdtempSync(join(tmpdir(), 'kupas-peers-'));
const large = [
  { name: '1 MB', bytes: MB },
  ...(quick ? [] : [{ name: '10 MB', bytes: 10 * MB }]),
].map((l) => {
  const path = join(work, `${l.name.replace(' ', '')}.txt`);
  const text = repeatTo(l.bytes);
  writeFileSync(path, text);
  return { name: l.name, path, bytes: Buffer.byteLength(text) };
});
for (const a of articles) a.bytes = Buffer.byteLength(a.text);
const seedBytes = articles.reduce((n, a) => n + a.bytes, 0);

// ── tools ─────────────────────────────────────────────────────────────────────────────────
const dep = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
const kupasUrl = pathToFileURL(join(root, 'js', 'node.mjs')).href;
const NAMED = ['PERSON', 'ORGANIZATION', 'LOCATION'];
const tools = [
  {
    id: 'kupas',
    name: `kupas ${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version} (wasm in Node)`,
    what: 'analyze(text), default options: sentences, tokens, language, furniture, 20 keywords, entities',
    load: `const { analyze } = await import(${JSON.stringify(kupasUrl)});`,
    run: `(text) => analyze(text)`,
    summary: `(r) => ({
      entities: r.entities.map((e) => ({ label: e.label, text: e.text, count: e.count })),
      keywords: r.keywords.slice(0, 10).map((k) => k.text),
    })`,
  },
  {
    id: 'wink',
    name: `wink-nlp ${dep('wink-nlp')} + wink-eng-lite-web-model ${dep('wink-eng-lite-web-model')}`,
    what: 'readDoc (full model pipeline) + sentences + tokens + entities(detail) + top-20 noun frequency table',
    load: `const winkNLP = (await import('wink-nlp')).default;
      const model = (await import('wink-eng-lite-web-model')).default;
      const nlp = winkNLP(model);
      const { its, as } = nlp;`,
    run: `(text) => {
      const doc = nlp.readDoc(text);
      const sentences = doc.sentences().out();
      const tokens = doc.tokens().out();
      const entities = doc.entities().out(its.detail);
      const keywords = doc
        .tokens()
        .filter((t) => (t.out(its.pos) === 'NOUN' || t.out(its.pos) === 'PROPN') && !t.out(its.stopWordFlag))
        .out(its.normal, as.freqTable)
        .slice(0, ${TOP});
      return { sentences, tokens, entities, keywords };
    }`,
    summary: `(r) => ({
      entities: r.entities.map((e) => ({ label: e.type, text: e.value, count: 1 })),
      keywords: r.keywords.slice(0, 10).map(([k]) => k),
    })`,
  },
  {
    id: 'compromise',
    name: `compromise ${dep('compromise')}`,
    what: 'nlp(text) + people() + places() + organizations() + topics(), each .json()',
    load: `const nlp = (await import('compromise')).default;`,
    run: `(text) => {
      const doc = nlp(text);
      return {
        people: doc.people().json(),
        places: doc.places().json(),
        organizations: doc.organizations().json(),
        topics: doc.topics().json(),
      };
    }`,
    summary: `(r) => {
      const clean = (t) => t.trim().replace(/^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$/gu, '');
      const of = (list, label) => list.map((m) => ({ label, text: clean(m.text), count: 1 }));
      return {
        entities: [...of(r.people, 'PERSON'), ...of(r.organizations, 'ORGANIZATION'), ...of(r.places, 'LOCATION')],
        keywords: r.topics.slice(0, 10).map((m) => clean(m.text)),
      };
    }`,
  },
  {
    id: 'yake',
    name: 'YAKE (yake-rust 1.0.3, native)',
    what: 'top 20 keyphrases (1-3 words), Indonesian stopwords, yake-rust defaults',
    native: true,
  },
].filter((t) => !only || only.includes(t.id));

/** The code of a child process: load the tool, then `body`. */
function childCode(tool, body) {
  return `
    const started = performance.now(); // Node's own start-up, before any of this code
    import { readFileSync } from 'node:fs';
    const plan = JSON.parse(process.env.KUPAS_PEERS_PLAN);
    const first = readFileSync(plan.first, 'utf8');
    ${tool.load}
    const run = ${tool.run};
    const summary = ${tool.summary};
    ${body}
  `;
}

const COLD = `
  const loaded = performance.now();
  const result = run(first);
  const done = performance.now();
  console.log(JSON.stringify({ startMs: started, loadMs: loaded, firstMs: done, maxRssKb: process.resourceUsage().maxRSS }));
`;

const THROUGHPUT = `
  const now = () => performance.now();
  const out = { articles: [], large: [] };
  let sink = 0;
  const call = (text) => { const r = run(text); sink += r ? 1 : 0; return r; };
  // Warm-up over all the articles.
  const texts = plan.articles.map((a) => readFileSync(a.path, 'utf8'));
  for (const t0 = now(); now() - t0 < ${WARM_UP_MS};) for (const t of texts) call(t);
  plan.articles.forEach((a, i) => {
    const samples = [];
    for (let s = 0; s < ${SEED_SAMPLES}; s++) {
      let calls = 0;
      const t0 = now();
      do { call(texts[i]); calls++; } while (now() - t0 < ${SAMPLE_MS});
      samples.push((now() - t0) / calls);
    }
    samples.sort((x, y) => x - y);
    out.articles.push({ name: a.name, bytes: a.bytes, ms: samples[samples.length >> 1], samples, ...summary(run(texts[i])) });
  });
  let previous = null;
  for (const l of plan.large) {
    const text = readFileSync(l.path, 'utf8');
    const estimate = previous ? previous.ms * (l.bytes / previous.bytes) : 0;
    if (estimate > ${BUDGET_MS}) {
      out.large.push({ name: l.name, bytes: l.bytes, ms: estimate, extrapolated: true, from: previous.name });
      continue;
    }
    // The first large input gets one warm-up call when the articles' rate says it is quick
    // (the first call on a large text grows the heap, or the wasm memory).
    const perByte = out.articles.reduce((n, a) => n + a.ms, 0) / out.articles.reduce((n, a) => n + a.bytes, 0);
    const samples = [];
    try {
      if (!previous && l.bytes * perByte < 5000) call(text);
      for (let s = 0; s < l.samples; s++) {
        const t0 = now();
        call(text);
        samples.push(now() - t0);
        if (now() - t0 > 20000) break; // slow: one or two calls say enough
      }
    } catch (e) {
      // A tool may refuse a text (kupas has a size limit): say so, and go on.
      out.large.push({ name: l.name, bytes: l.bytes, error: \`\${e.code ?? e.name}: \${e.message}\` });
      continue;
    }
    samples.sort((x, y) => x - y);
    previous = { name: l.name, bytes: l.bytes, ms: samples[(samples.length - 1) >> 1] };
    out.large.push({ ...previous, samples, extrapolated: false });
  }
  out.maxRssKb = process.resourceUsage().maxRSS;
  out.sink = sink;
  console.log(JSON.stringify(out));
`;

function node(tool, body, plan) {
  const child = spawnSync(process.execPath, [...CHILD_FLAGS, '--input-type=module', '-e', childCode(tool, body)], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, KUPAS_PEERS_PLAN: JSON.stringify(plan) },
    maxBuffer: 64 << 20,
  });
  if (child.status !== 0) throw new Error(`${tool.id} child failed (${child.signal ?? child.status}): ${child.stderr.slice(-1500)}`);
  return JSON.parse(child.stdout.trim().split('\n').pop());
}

const yakeDir = join(root, 'bench', 'yake');
const yakeBin = join(yakeDir, 'target', 'release', 'kupas-bench-yake');
function yake(path, runs) {
  const t0 = performance.now();
  const child = spawnSync(yakeBin, ['id', String(TOP), path, String(runs)], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const wallMs = performance.now() - t0;
  if (child.status !== 0) throw new Error(`yake failed: ${child.stderr.slice(-1500)}`);
  return { ...JSON.parse(child.stdout), wallMs };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];
const rate = (bytes, ms) => bytes / MB / (ms / 1e3);

let yakeBuilt = false;
function buildYake() {
  if (yakeBuilt) return;
  console.log('[peers] yake: cargo build --release in bench/yake …');
  const build = spawnSync('cargo', ['build', '--release', '--quiet'], { cwd: yakeDir, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('bench/yake did not build');
  yakeBuilt = true;
}

/** YAKE on each article: the median of its calls after the first. */
function yakeArticles() {
  return articles.map((a) => {
    const r = yake(a.path, SEED_SAMPLES + 1);
    return { name: a.name, bytes: a.bytes, ms: median(r.timesMs.slice(1)), samples: r.timesMs.slice(1), entities: [], keywords: r.keywords.slice(0, 10) };
  });
}

/** One tool's rate on the seed articles (MB/s, summed over them), in a fresh process. */
function articleRate(tool) {
  const list = tool.native
    ? yakeArticles()
    : node(tool, THROUGHPUT, { first: articles[0].path, articles: articles.map(({ name, path, bytes }) => ({ name, path, bytes })), large: [] }).articles;
  return rate(list.reduce((n, a) => n + a.bytes, 0), list.reduce((n, a) => n + a.ms, 0));
}

function measureNative() {
  buildYake();
  const out = { articles: yakeArticles(), large: [] };
  let previous = null;
  let maxRssKb = 0;
  for (const l of large) {
    const estimate = previous ? previous.ms * (l.bytes / previous.bytes) : 0;
    if (estimate > BUDGET_MS) {
      out.large.push({ name: l.name, bytes: l.bytes, ms: estimate, extrapolated: true, from: previous.name });
      continue;
    }
    const probe = yake(l.path, 1);
    let samples = probe.timesMs;
    maxRssKb = Math.max(maxRssKb, probe.maxRssKb);
    const wanted = l.bytes > 2 * MB ? HUGE_SAMPLES : LARGE_SAMPLES;
    if (samples[0] < 20000 && wanted > 1) {
      const more = yake(l.path, wanted - 1);
      samples = [...samples, ...more.timesMs];
    }
    previous = { name: l.name, bytes: l.bytes, ms: median(samples) };
    out.large.push({ ...previous, samples, extrapolated: false });
  }
  out.maxRssKb = maxRssKb;
  return { throughput: out };
}

/** One cold start of `tool`: a fresh process, to its first article's result. */
function coldStart(tool) {
  if (!tool.native) return node(tool, COLD, { first: articles[0].path });
  const r = yake(articles[0].path, 1);
  return { firstMs: r.wallMs, maxRssKb: r.maxRssKb, wall: true };
}

/**
 * The cold starts of every tool, taken in turns (kupas, wink, compromise, yake, kupas, …) so
 * that a change in the host's load falls on all of them alike; each tool's medians, and each
 * tool's start time divided by kupas's in the same round (the median of those is the ratio
 * the bars read).
 */
function measureColds(list) {
  const runs = Object.fromEntries(list.map((t) => [t.id, []]));
  for (let i = 0; i < COLD_RUNS; i++) {
    for (const tool of list) {
      try {
        runs[tool.id].push(coldStart(tool));
      } catch (e) {
        if (i === 0) console.warn(`[peers] ${tool.id}: cold start failed: ${e.message}`);
      }
    }
  }
  const colds = {};
  for (const tool of list) {
    const r = runs[tool.id];
    if (r.length === 0) continue;
    const of = (key) => (r.every((c) => Number.isFinite(c[key])) ? median(r.map((c) => c[key])) : undefined);
    colds[tool.id] = { startMs: of('startMs'), loadMs: of('loadMs'), firstMs: of('firstMs'), maxRssKb: of('maxRssKb'), wall: !!tool.native, runs: r };
  }
  // Paired: kupas's time over the tool's in the same round, from the process start and after
  // Node's own start-up.
  const k = runs.kupas ?? [];
  for (const tool of list) {
    const r = runs[tool.id];
    if (!colds[tool.id] || tool.id === 'kupas' || k.length !== r.length || k.length === 0) continue;
    colds[tool.id].paired = median(k.map((c, i) => c.firstMs / r[i].firstMs));
    if (!tool.native) colds[tool.id].pairedOwn = median(k.map((c, i) => (c.firstMs - c.startMs) / (r[i].firstMs - r[i].startMs)));
  }
  return colds;
}

function measureNode(tool) {
  const plan = {
    first: articles[0].path,
    articles: articles.map(({ name, path, bytes }) => ({ name, path, bytes })),
    large: large.map((l) => ({ ...l, samples: l.bytes > 2 * MB ? HUGE_SAMPLES : LARGE_SAMPLES })),
  };
  return { throughput: node(tool, THROUGHPUT, plan) };
}

// ── sizes ─────────────────────────────────────────────────────────────────────────────────
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
async function downloads() {
  const sizes = {};
  const snippets = join(root, 'pkg', 'snippets');
  const kupasFiles = [
    'pkg/kupas_bg.wasm',
    'pkg/kupas.js',
    ...(existsSync(snippets) ? readdirSync(snippets, { recursive: true }) : [])
      .filter((f) => String(f).endsWith('.js'))
      .map((f) => join('pkg', 'snippets', String(f))),
    'js/browser.mjs',
  ];
  sizes.kupas = {
    files: kupasFiles,
    raw: kupasFiles.reduce((n, f) => n + readFileSync(join(root, f)).length, 0),
    gzip: kupasFiles.reduce((n, f) => n + gz(readFileSync(join(root, f))), 0),
  };
  try {
    const esbuild = await import('esbuild');
    const bundle = await esbuild.build({
      stdin: {
        contents: "import winkNLP from 'wink-nlp'; import model from 'wink-eng-lite-web-model'; export default winkNLP(model);",
        resolveDir: root,
      },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    });
    const bytes = bundle.outputFiles[0].contents;
    sizes.wink = { files: ['wink-nlp + wink-eng-lite-web-model, bundled and minified by esbuild'], raw: bytes.length, gzip: gz(bytes) };
  } catch (e) {
    console.warn(`[peers] could not bundle wink-nlp: ${e.message}`);
  }
  const dist = 'node_modules/compromise/builds/compromise.js';
  const c = readFileSync(join(root, dist));
  sizes.compromise = { files: [dist], raw: c.length, gzip: gz(c) };
  return sizes;
}

// ── run ───────────────────────────────────────────────────────────────────────────────────
console.log(
  `[peers] node ${process.version}, ${cpus().length} cores; ${articles.length} articles from ${fromSeeds ? '../shared/seeds' : 'tests/fixtures'} ` +
    `(${seedBytes} bytes), ${large.map((l) => `${l.name} (${l.bytes} bytes)`).join(', ')}`,
);
const results = {};
const started = performance.now();
try {
  const t0 = performance.now();
  console.log(`[peers] cold starts, ${COLD_RUNS} rounds of ${tools.map((t) => t.id).join(', ')} in turn …`);
  if (tools.some((t) => t.native)) buildYake();
  const colds = measureColds(tools);
  console.log(`[peers] cold starts: ${((performance.now() - t0) / 1e3).toFixed(1)} s`);
  for (const tool of tools) {
    const t0 = performance.now();
    console.log(`[peers] ${tool.id}: ${tool.what} …`);
    try {
      if (!colds[tool.id]) throw new Error('no cold start succeeded');
      results[tool.id] = { cold: colds[tool.id], ...(tool.native ? measureNative() : measureNode(tool)) };
    } catch (e) {
      console.warn(`[peers] ${tool.id} failed: ${e.message}`);
      continue;
    }
    console.log(`[peers] ${tool.id}: ${((performance.now() - t0) / 1e3).toFixed(1)} s`);
  }
  // The seed articles again, every tool in turn, a few rounds: the articles take seconds, so
  // the host's load can differ between one tool's run and the next; the per-article ratios
  // are the medians of each round's.
  const measured = tools.filter((t) => results[t.id]);
  console.log(`[peers] the seed articles again, ${ARTICLE_ROUNDS} rounds of ${measured.map((t) => t.id).join(', ')} in turn …`);
  const t1 = performance.now();
  for (let i = 0; i < ARTICLE_ROUNDS; i++) {
    for (const tool of measured) {
      try {
        (results[tool.id].articleRounds ??= []).push(articleRate(tool));
      } catch (e) {
        console.warn(`[peers] ${tool.id}: articles round failed: ${e.message}`);
      }
    }
  }
  console.log(`[peers] article rounds: ${((performance.now() - t1) / 1e3).toFixed(1)} s`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
const sizes = await downloads();

// ── report ────────────────────────────────────────────────────────────────────────────────
for (const tool of tools) {
  const r = results[tool.id];
  if (!r) continue;
  const t = r.throughput;
  r.rates = {
    articles: r.articleRounds?.length
      ? median(r.articleRounds)
      : rate(t.articles.reduce((n, a) => n + a.bytes, 0), t.articles.reduce((n, a) => n + a.ms, 0)),
    ...Object.fromEntries(t.large.filter((l) => !l.error).map((l) => [l.name, rate(l.bytes, l.ms)])),
  };
  r.errors = Object.fromEntries(t.large.filter((l) => l.error).map((l) => [l.name, l.error]));
  r.extrapolated = Object.fromEntries(t.large.map((l) => [l.name, l.extrapolated]));
}
const inputs = ['articles', ...large.map((l) => l.name)];
const label = (i) => (i === 'articles' ? `${fromSeeds ? 'seeds' : 'fixtures'} MB/s` : `${i} MB/s`);
const f = (x, d = 2) => (x === undefined || Number.isNaN(x) ? 'n/a' : x >= 100 ? x.toFixed(0) : x.toFixed(d));
const kb = (n) => (n === undefined ? 'n/a' : `${(n / 1024).toFixed(0)} KB`);
const kupas = results.kupas;
/** kupas's rate over `r`'s on `input`: on the articles, the median of the rounds' ratios. */
const ratioOf = (r, input) => {
  const [k, p] = [kupas.articleRounds ?? [], r.articleRounds ?? []];
  if (input === 'articles' && k.length > 0 && k.length === p.length) return median(k.map((x, i) => x / p[i]));
  return kupas.rates[input] / r.rates[input];
};
const rows = [
  ['tool', ...inputs.map(label), 'node start ms', 'load ms', 'first result ms', 'RSS first MB', 'RSS peak MB', 'download gz'],
];
for (const tool of tools) {
  const r = results[tool.id];
  if (!r) continue;
  rows.push([
    tool.id,
    ...inputs.map((i) => (r.errors[i] ? 'refused‡' : f(r.rates[i]) + (r.extrapolated[i] ? '*' : ''))),
    f(r.cold.startMs, 1),
    f(r.cold.loadMs, 1),
    `${f(r.cold.firstMs, 1)}${r.cold.wall ? '†' : ''}`,
    f(r.cold.maxRssKb / 1024, 1),
    f(r.throughput.maxRssKb / 1024, 0),
    kb(sizes[tool.id]?.gzip),
  ]);
}
for (const tool of tools) {
  const r = results[tool.id];
  if (tool.id === 'kupas' || !r || !kupas) continue;
  rows.push([
    `kupas/${tool.id}`,
    ...inputs.map((i) => {
      const x = ratioOf(r, i);
      return Number.isFinite(x) ? `${f(x, 1)}×${r.extrapolated[i] || kupas.extrapolated[i] ? '*' : ''}` : 'n/a';
    }),
    '',
    r.cold.loadMs === undefined ? 'n/a' : `${f(kupas.cold.loadMs / r.cold.loadMs, 2)}×`,
    `${f(r.cold.paired ?? kupas.cold.firstMs / r.cold.firstMs, 2)}×`,
    `${f(kupas.cold.maxRssKb / r.cold.maxRssKb, 2)}×`,
    `${f(kupas.throughput.maxRssKb / r.throughput.maxRssKb, 2)}×`,
    sizes[tool.id] ? `${f(sizes.kupas.gzip / sizes[tool.id].gzip, 2)}×` : 'n/a',
  ]);
}
const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
console.log('');
for (const tool of tools) if (results[tool.id]) console.log(`${tool.id}: ${tool.name}: ${tool.what}`);
console.log(
  'MB/s: 10^6 bytes of UTF-8 per second; node start ms: Node itself up, load ms: module + model loaded, first result ms: ' +
    'the first article analysed, each from the process start; RSS: maxRSS after the first result, and at the end of the throughput run',
);
console.log('');
for (const [i, row] of rows.entries()) {
  console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
console.log('* extrapolated from the 1 MB rate (10 MB would take over 2 minutes)');
for (const tool of tools) {
  for (const [input, error] of Object.entries(results[tool.id]?.errors ?? {})) console.log(`‡ ${tool.id} refused ${input}: ${error}`);
}
if (results.yake) console.log('† YAKE is a native binary: spawn to exit as the parent sees it; its throughput is native code, not wasm');

// The bars of the issue.
// Throughput bars: on every input both tools analysed.
const bars = [];
const throughputBar = (peer, need, bar) => {
  const ratios = inputs.map((i) => ratioOf(results[peer], i));
  const judged = ratios.filter((x) => Number.isFinite(x));
  bars.push({ bar, ratios, met: judged.length > 0 && judged.every((x) => x >= need), need });
};
if (kupas && results.wink) throughputBar('wink', 10, 'full analyze ≥ 10× wink-nlp full-pipeline throughput');
if (kupas && results.compromise) throughputBar('compromise', 100, "full analyze ≥ 100× compromise's throughput");
if (kupas && results.wink) {
  const [k, w] = [kupas.cold, results.wink.cold];
  const x = w.paired ?? k.firstMs / w.firstMs;
  const own = w.pairedOwn ?? (k.firstMs - k.startMs) / (w.firstMs - w.startMs);
  const share = (ratio) => `${f(ratio * 100, 0)} %`;
  bars.push({
    bar: "time to first result ≤ half of wink-nlp's",
    value:
      `${f(x, 2)}× from the process start, median of ${COLD_RUNS} rounds taken in turns (medians ${f(k.firstMs, 1)} / ${f(w.firstMs, 1)} ms); ` +
      `after Node's own start-up ${f(own, 2)}× (${f(k.firstMs - k.startMs, 1)} / ${f(w.firstMs - w.startMs, 1)} ms); ` +
      `rounds at or under half: ${share(k.runs.filter((c, i) => c.firstMs <= 0.5 * w.runs[i].firstMs).length / k.runs.length)}`,
    met: x <= 0.5,
  });
}
if (sizes.kupas && sizes.wink) {
  const x = sizes.kupas.gzip / sizes.wink.gzip;
  bars.push({ bar: 'download ≤ a third of wink-nlp with its model', value: `${kb(sizes.kupas.gzip)} / ${kb(sizes.wink.gzip)} = ${f(x, 2)}×`, met: x <= 1 / 3 });
}
console.log('');
for (const b of bars) {
  const value =
    b.value ??
    inputs
      .map((i, k) => `${i === 'articles' ? (fromSeeds ? 'seeds' : 'fixtures') : i} ${Number.isFinite(b.ratios[k]) ? `${f(b.ratios[k], 1)}×` : 'n/a'}`)
      .join(', ');
  console.log(`${b.met ? 'met    ' : 'NOT met'}  ${b.bar}: ${value}`);
}

// Entities on the articles: for the README's honesty, not a metric.
console.log(`\nPeople, organisations and places found in the ${articles.length} articles (mentions / distinct names; kupas's names are resolved entities):`);
const quality = {};
for (const tool of tools) {
  const r = results[tool.id];
  if (!r) continue;
  const found = r.throughput.articles.flatMap((a) => a.entities);
  const count = (l) => {
    const of = found.filter((e) => e.label === l);
    return `${of.reduce((n, e) => n + e.count, 0)} / ${new Set(of.map((e) => e.text.toLowerCase())).size}`;
  };
  const others = found.filter((e) => !NAMED.includes(e.label));
  const examples = [...new Map(found.filter((e) => NAMED.includes(e.label)).map((e) => [`${e.label}:${e.text}`, e])).values()];
  const shown = (examples.length ? examples : [...new Map(others.map((e) => [`${e.label}:${e.text}`, e])).values()]).slice(0, 10);
  quality[tool.id] = {
    PERSON: count('PERSON'),
    ORGANIZATION: count('ORGANIZATION'),
    LOCATION: count('LOCATION'),
    otherTypes: others.length,
    examples: shown.map((e) => `${e.text} (${e.label})`),
    keywords: r.throughput.articles[0]?.keywords ?? [],
  };
  const q = quality[tool.id];
  if (tool.native) {
    console.log(`- ${tool.id}: no entities (keywords only)`);
  } else {
    console.log(
      `- ${tool.id}: PERSON ${q.PERSON}, ORGANIZATION ${q.ORGANIZATION}, LOCATION ${q.LOCATION}; other types: ${q.otherTypes} mentions` +
        `\n    e.g. ${q.examples.join('; ') || '(none)'}`,
    );
  }
  console.log(`    first article's keyword-ish output: ${q.keywords.join('; ') || '(none)'}`);
}

mkdirSync(join(root, 'bench'), { recursive: true });
const outPath = join(root, 'bench', 'peers-result.json');
writeFileSync(
  outPath,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      cores: cpus().length,
      inputs: { source: fromSeeds ? '../shared/seeds' : 'tests/fixtures', articles: articles.map(({ name, bytes }) => ({ name, bytes })), large },
      tools: Object.fromEntries(tools.filter((t) => results[t.id]).map((t) => [t.id, { name: t.name, what: t.what, ...results[t.id], download: sizes[t.id] ?? null, entities: quality[t.id] }])),
      bars,
    },
    null,
    2,
  ),
);
console.log(`\n[peers] ${((performance.now() - started) / 1e3).toFixed(0)} s; results in bench/peers-result.json`);
