// npm run fuzz: run each cargo-fuzz target in fuzz/ (libFuzzer, nightly Rust) for a bounded
// time and report what it found. Not part of `npm test`; tests/fuzz_corpus.rs replays the
// kept inputs in fuzz/regressions/ in the default `cargo test`.
//
//   npm run fuzz                          every target, 60 s each (FUZZ_SECONDS overrides)
//   npm run fuzz -- --seconds 300         longer
//   npm run fuzz -- --target analyze      one target (repeatable)
//   npm run fuzz -- --sanitizer address   ASan (the default is none: the core has no unsafe
//                                         code, and ASan slows every execution)
//   npm run fuzz -- --update-regressions  after the runs, minimise each corpus (cargo fuzz cmin)
//                                         and keep up to 40 small inputs per target in
//                                         fuzz/regressions/<target>/
//
// Installs cargo-fuzz (cargo install, from crates.io) when it is missing. Seeds the working
// corpus fuzz/corpus/<target>/ (git-ignored) from tests/fixtures/*.txt and, when present,
// ../shared/seeds/*.txt, each in the target's input format (fuzz/src/lib.rs). Builds with
// debug assertions and overflow checks (-a), as `cargo test` runs the core. libFuzzer runs in
// fork mode and goes on past a crash, so one run reports every kind of failure it found: each
// new artifact in fuzz/artifacts/<target>/ is replayed to read its panic, grouped by where it
// panicked, the smallest of each group minimised (cargo fuzz tmin) and printed with its path;
// then the script exits non-zero.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const fuzzDir = join(root, 'fuzz');
const TARGETS = ['analyze', 'corpus', 'options'];
const KEEP_PER_TARGET = 40;
const KEEP_MAX_BYTES = 1024;
const SEED_WINDOW = 16;

// ── arguments ─────────────────────────────────────────────────────────────────────────────
const args = process.argv.slice(2);
let seconds = Number(process.env.FUZZ_SECONDS ?? 60);
let sanitizer = 'none';
let updateRegressions = false;
const targets = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--seconds') seconds = Number(args[++i]);
  else if (arg === '--target') targets.push(args[++i]);
  else if (arg === '--sanitizer') sanitizer = args[++i];
  else if (arg === '--update-regressions') updateRegressions = true;
  else {
    console.error(`unknown argument ${arg}; see the header of scripts/fuzz.mjs`);
    process.exit(2);
  }
}
if (!(seconds > 0)) {
  console.error('--seconds (or FUZZ_SECONDS) must be a positive number');
  process.exit(2);
}
for (const t of targets) {
  if (!TARGETS.includes(t)) {
    console.error(`unknown target ${t}; targets: ${TARGETS.join(', ')}`);
    process.exit(2);
  }
}
if (!targets.length) targets.push(...TARGETS);

// ── tools ─────────────────────────────────────────────────────────────────────────────────
const nightly = spawnSync('cargo', ['+nightly', '--version'], { encoding: 'utf8' });
if (nightly.status !== 0) {
  console.error('cargo-fuzz needs a nightly toolchain: rustup toolchain install nightly');
  process.exit(1);
}
if (spawnSync('cargo', ['fuzz', '--version'], { stdio: 'ignore' }).status !== 0) {
  console.log('[fuzz] cargo-fuzz is missing: cargo install cargo-fuzz (a few minutes, once) …');
  const install = spawnSync('cargo', ['install', '--locked', 'cargo-fuzz'], { stdio: 'inherit' });
  if (install.status !== 0) {
    console.error('[fuzz] cargo install cargo-fuzz failed');
    process.exit(1);
  }
}
const common = ['+nightly', 'fuzz'];
const buildFlags = ['--debug-assertions', '--sanitizer', sanitizer];

// ── seeds ─────────────────────────────────────────────────────────────────────────────────
const fixtures = join(root, 'tests', 'fixtures');
const seedsDir = join(root, '..', 'shared', 'seeds');
const texts = (dir) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .map((f) => readFileSync(join(dir, f)))
    : [];
const fixtureTexts = texts(fixtures);
const seedTexts = texts(seedsDir);
console.log(
  `[fuzz] seeds: ${fixtureTexts.length} fixtures` +
    (seedTexts.length ? `, ${seedTexts.length} articles from ../shared/seeds` : ' (../shared/seeds not found)'),
);
const all = [...fixtureTexts, ...seedTexts];
const sep = Buffer.from([0xff]);
const seedInputs = {
  // default options, and tokens with UTF-16 offsets
  analyze: all.flatMap((t) => [Buffer.concat([Buffer.from([0]), t]), Buffer.concat([Buffer.from([0b101]), t])]),
  // the fixtures as one set, the seed articles as another
  corpus: [fixtureTexts, seedTexts]
    .filter((set) => set.length)
    .map((set) => Buffer.concat([Buffer.from([0]), ...set.flatMap((t, i) => (i ? [sep, t] : [t]))])),
  options: all.map((t, i) => {
    const json = [
      '{}',
      '{"tokens":true,"offsets":"utf16"}',
      '{"language":"en","keywords":5}',
      '{"offsets":"codepoints","keywords":0}',
    ][i % 4];
    return Buffer.concat([Buffer.from(json), Buffer.from([0]), t.subarray(0, 2048)]);
  }),
};
// The kept regressions seed the corpus too, except those tests/fuzz_corpus.rs lists as still
// failing (KNOWN_FAILURES): a crash on one of those is reported as known.
const testSource = readFileSync(join(root, 'tests', 'fuzz_corpus.rs'), 'utf8');
const knownList = testSource.match(/KNOWN_FAILURES[^=]*=\s*&\[([\s\S]*?)\];/)?.[1] ?? '';
const known = new Set([...knownList.matchAll(/\(\s*"([^"]+)"/g)].map((m) => m[1]));
const sha1 = (bytes) => createHash('sha1').update(bytes).digest('hex');
for (const target of targets) {
  const dir = join(fuzzDir, 'corpus', target);
  mkdirSync(dir, { recursive: true });
  const kept = join(fuzzDir, 'regressions', target);
  const regressions = existsSync(kept)
    ? readdirSync(kept)
        .filter((f) => !known.has(f))
        .map((f) => readFileSync(join(kept, f)))
    : [];
  for (const input of [...seedInputs[target], ...regressions]) {
    const file = join(dir, sha1(input));
    if (!existsSync(file)) writeFileSync(file, input);
  }
}

// ── build, then run each target ───────────────────────────────────────────────────────────
console.log(`[fuzz] cargo +nightly fuzz build ${buildFlags.join(' ')} …`);
const build = spawnSync('cargo', [...common, 'build', ...buildFlags], { cwd: fuzzDir, stdio: 'inherit' });
if (build.status !== 0) {
  console.error('[fuzz] build failed');
  process.exit(1);
}

const binDir = join(fuzzDir, 'target', 'x86_64-unknown-linux-gnu', 'release');
// What the known failures look like (the checks are shared, so a panic's place is the same
// in every target), to tell a known bug from a new one.
const knownKeys = new Map();
for (const target of TARGETS) {
  for (const f of known) {
    const path = join(fuzzDir, 'regressions', target, f);
    if (!existsSync(path)) continue;
    const { key } = replay(target, path);
    if (key === 'does not reproduce') console.log(`[fuzz] ${relative(root, path)} passes now: delete its line in KNOWN_FAILURES`);
    else knownKeys.set(key, relative(root, path));
  }
}
console.log(`[fuzz] known failures: ${[...knownKeys].map(([key, path]) => `${path} (${key})`).join(', ') || 'none'}`);
const results = [];
for (const target of targets) {
  console.log(`\n[fuzz] ${target}: ${seconds} s`);
  const corpusDirs = [join('corpus', target)];
  const artifacts = join(fuzzDir, 'artifacts', target);
  mkdirSync(artifacts, { recursive: true });
  const before = new Set(readdirSync(artifacts));
  // Fork mode, ignoring crashes: a run goes on past the first bug and reports every kind
  // it found, and an input in fuzz/regressions/ that still fails does not stop it.
  const libfuzzer = [
    `-max_total_time=${seconds}`,
    '-timeout=10',
    '-rss_limit_mb=2048',
    '-fork=1',
    '-ignore_crashes=1',
    '-ignore_timeouts=1',
    '-ignore_ooms=1',
    '-print_final_stats=1',
  ];
  const run = await runCapturing('cargo', [...common, 'run', ...buildFlags, target, ...corpusDirs, '--', ...libfuzzer]);
  const last = [...run.output.matchAll(/#(\d+): cov: .*?time: (\d+)s/g)].pop();
  const result = {
    target,
    runs: last ? Number(last[1]) : NaN,
    seconds: last ? Number(last[2]) : seconds,
    corpus: readdirSync(join(fuzzDir, 'corpus', target)).length,
    groups: [],
  };
  if (run.status !== 0 && !/-fork=1: \d+ seed inputs|INFO: fuzzed for/.test(run.output)) {
    result.error = `cargo fuzz run exited with ${run.status} before fuzzing`;
  }
  // Every new crash, replayed alone to read its panic; grouped by where it panicked.
  const found = readdirSync(artifacts).filter((f) => !before.has(f) && /^(crash|timeout|oom|slow-unit)-/.test(f));
  const groups = new Map();
  for (const f of found) {
    const path = join(artifacts, f);
    const why = replay(target, path);
    const group = groups.get(why.key) ?? { key: why.key, message: why.message, inputs: [] };
    group.inputs.push({ path, size: statSync(path).size });
    groups.set(why.key, group);
  }
  for (const group of groups.values()) {
    group.inputs.sort((a, b) => a.size - b.size);
    const smallest = group.inputs[0].path;
    console.log(`[fuzz] ${target}: minimising ${relative(root, smallest)} (${group.key}) …`);
    const tmin = spawnSync('cargo', [...common, 'tmin', ...buildFlags, '-r', '2000', target, smallest], {
      cwd: fuzzDir,
      encoding: 'utf8',
      maxBuffer: 256 << 20,
    });
    const minimised = (tmin.stdout + tmin.stderr).match(/(artifacts\/\S*minimized-from-\S+)/)?.[1];
    group.minimised = minimised ? resolve(fuzzDir, minimised) : smallest;
    const again = replay(target, group.minimised);
    group.minimisedMessage = again.key === group.key ? again.message : `${again.message} (minimising changed the panic)`;
    group.known = knownKeys.get(group.key);
    result.groups.push(group);
  }
  results.push(result);
}

// ── keep small, diverse inputs as regressions ─────────────────────────────────────────────
if (updateRegressions) {
  // No input that repeats text of the seed articles is kept: they are not the project's.
  const windows = new Set();
  for (const t of seedTexts) for (let i = 0; i + SEED_WINDOW <= t.length; i++) windows.add(t.subarray(i, i + SEED_WINDOW).toString('latin1'));
  const fromSeeds = (bytes) => {
    for (let i = 0; i + SEED_WINDOW <= bytes.length; i++) if (windows.has(bytes.subarray(i, i + SEED_WINDOW).toString('latin1'))) return true;
    return false;
  };
  for (const target of targets) {
    const source = join(fuzzDir, 'corpus', target);
    const work = mkdtempSync(join(tmpdir(), `kupas-cmin-${target}-`));
    try {
      for (const f of readdirSync(source)) copyFileSync(join(source, f), join(work, f));
      console.log(`\n[fuzz] cargo fuzz cmin ${target} (${readdirSync(work).length} inputs) …`);
      const cmin = spawnSync('cargo', [...common, 'cmin', ...buildFlags, target, work], {
        cwd: fuzzDir,
        encoding: 'utf8',
        maxBuffer: 256 << 20,
      });
      if (cmin.status !== 0) {
        console.warn(`[fuzz] cmin ${target} failed:\n${cmin.stderr.slice(-2000)}`);
        continue;
      }
      const kept = join(fuzzDir, 'regressions', target);
      mkdirSync(kept, { recursive: true });
      const have = new Set(readdirSync(kept));
      const candidates = readdirSync(work)
        .map((f) => ({ f, bytes: readFileSync(join(work, f)) }))
        .filter(({ f, bytes }) => bytes.length <= KEEP_MAX_BYTES && !have.has(f) && !fromSeeds(bytes))
        .sort((a, b) => (a.f < b.f ? -1 : 1)) // names are SHA-1s: a fair draw
        .slice(0, Math.max(0, KEEP_PER_TARGET - have.size));
      for (const { f, bytes } of candidates) writeFileSync(join(kept, f), bytes);
      console.log(`[fuzz] ${target}: ${readdirSync(work).length} inputs after cmin; kept ${candidates.length} more in ${relative(root, kept)}/`);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  const size = TARGETS.flatMap((t) => {
    const d = join(fuzzDir, 'regressions', t);
    return existsSync(d) ? readdirSync(d).map((f) => statSync(join(d, f)).size) : [];
  }).reduce((a, b) => a + b, 0);
  console.log(`[fuzz] fuzz/regressions/: ${(size / 1024).toFixed(1)} KB in all`);
}

// ── report ────────────────────────────────────────────────────────────────────────────────
console.log('\n[fuzz] target    executions   seconds   exec/s   corpus   crashes');
let failed = false;
for (const r of results) {
  const rate = r.runs / r.seconds;
  const crashes = r.groups.reduce((n, g) => n + g.inputs.length, 0);
  console.log(
    `[fuzz] ${r.target.padEnd(8)}  ${String(r.runs).padStart(10)}  ${String(r.seconds).padStart(8)}  ${(Number.isFinite(rate) ? rate.toFixed(0) : 'n/a').padStart(7)}  ${String(r.corpus).padStart(7)}   ${crashes ? `${crashes} in ${r.groups.length} kind(s)` : r.error ?? 'none'}`,
  );
  if (r.error) failed = true;
  for (const g of r.groups) {
    failed = true;
    const tag = g.known ? ` — known, like ${g.known}` : ' — NEW';
    console.log(`[fuzz]   ${g.key}${tag}: ${g.inputs.length} input(s), e.g. ${relative(root, g.inputs[0].path)}`);
    console.log(`[fuzz]     minimised: ${relative(root, g.minimised)} = ${JSON.stringify(readFileSync(g.minimised).toString('latin1'))}`);
    console.log(`[fuzz]     ${g.minimisedMessage.slice(0, 400)}`);
    console.log(`[fuzz]     replay: (cd fuzz && cargo +nightly fuzz run ${buildFlags.join(' ')} ${r.target} ${relative(fuzzDir, g.minimised)})`);
  }
}
if (failed) console.log('[fuzz] keep a minimised input in fuzz/regressions/<target>/ (tests/fuzz_corpus.rs replays it)');
process.exit(failed ? 1 : 0);

/** Runs one input through the target's binary; where and why it panicked. */
function replay(target, path) {
  const child = spawnSync(join(binDir, target), [path], { encoding: 'utf8', maxBuffer: 256 << 20, timeout: 60_000 });
  const output = `${child.stdout}${child.stderr}`;
  const panic = output.match(/panicked at (\S+?):\s*\n([^\n]*)/);
  if (panic) {
    // `what: …` messages of the span checks share a line: keep the word before the colon.
    const what = panic[2].match(/^(\w+):/)?.[1];
    return { key: `panic at ${panic[1]}${what ? ` (${what})` : ''}`, message: panic[2] };
  }
  if (/timeout|ALARM/.test(output) || path.includes('timeout-')) return { key: 'timeout', message: 'slower than 10 s' };
  if (/out-of-memory|rss limit/.test(output) || path.includes('oom-')) return { key: 'out of memory', message: 'over 2 GB' };
  if (child.status === 0) return { key: 'does not reproduce', message: 'passes when replayed alone' };
  return { key: `exit ${child.status ?? child.signal}`, message: output.split('\n').slice(-5).join(' ') };
}

/** Runs a command in fuzz/, streaming its output to ours and keeping a copy. */
function runCapturing(command, argv) {
  return new Promise((done) => {
    const child = spawn(command, argv, { cwd: fuzzDir, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    const keep = (stream, out) =>
      stream.on('data', (chunk) => {
        chunks.push(chunk);
        out.write(chunk);
      });
    keep(child.stdout, process.stdout);
    keep(child.stderr, process.stderr);
    child.on('close', (status) => done({ status, output: Buffer.concat(chunks).toString('utf8') }));
  });
}
