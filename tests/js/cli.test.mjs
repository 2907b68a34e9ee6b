// The `kupas` command as a user gets it: `npm pack`, install the tarball into a temporary
// project (once for the whole file), then run node_modules/.bin/kupas. Its JSON must be
// exactly what the library returns for the same text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, analyzeCorpus } from '../../js/node.mjs';
import { installTarball, pack, root, tempDir } from './support.mjs';

const LIMIT = 16 * 1024 * 1024;
const fixture = (name) => join(root, 'tests', 'fixtures', name);
const FILES = ['id_banjir.txt', 'en_summit.txt', 'id_furniture.txt'].map(fixture);
const read = (file) => readFileSync(file, 'utf8');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

let work;
let project;
let kupas; // node_modules/.bin/kupas of the installed tarball

before(() => {
  work = tempDir('cli');
  const { tarball } = pack(work.dir);
  project = join(work.dir, 'project');
  mkdirSync(project);
  installTarball(project, tarball);
  kupas = join(project, 'node_modules', '.bin', 'kupas');
});

after(() => work?.remove());

/** Runs the installed binary; `input` is piped to its standard input. */
function run(args, { input = '', cwd = project } = {}) {
  const r = spawnSync(kupas, args, { cwd, input, encoding: 'utf8', timeout: 60_000, maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A file in the temporary folder. */
function file(name, content) {
  const path = join(work.dir, name);
  writeFileSync(path, content);
  return path;
}

test('the binary is installed, runs and documents its flags and exit codes', () => {
  assert.ok(existsSync(kupas), kupas);
  const r = run(['--help']);
  assert.equal(r.status, 0, r.stderr);
  for (const flag of ['--format', '--pretty', '--corpus', '--tokens', '--offsets', '--language', '--keywords', '--no-entities', '--version']) {
    assert.ok(r.stdout.includes(flag), `--help mentions ${flag}`);
  }
  assert.match(r.stdout, /Exit codes:\n\s+0 .*\n\s+1 .*\n[^]*\s+2 /);
  assert.equal(run(['-h']).stdout, r.stdout);
  assert.deepEqual(run(['--version']), { status: 0, stdout: `kupas ${version}\n`, stderr: '' });
});

test('one file: its analysis as JSON, equal to analyze() on the same text', () => {
  const r = run([FILES[0]]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  assert.deepEqual(JSON.parse(r.stdout), analyze(read(FILES[0])));
});

test('several files: an array of {file, analysis} in argument order', () => {
  const r = run(FILES);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), FILES.map((f) => ({ file: f, analysis: analyze(read(f)) })));
});

test('standard input: piped with no file, or named -', () => {
  const text = read(FILES[1]);
  const piped = run([], { input: text });
  assert.equal(piped.status, 0, piped.stderr);
  assert.deepEqual(JSON.parse(piped.stdout), analyze(text));
  const dash = run([FILES[0], '-'], { input: text });
  assert.equal(dash.status, 0, dash.stderr);
  assert.deepEqual(JSON.parse(dash.stdout), [
    { file: FILES[0], analysis: analyze(read(FILES[0])) },
    { file: '-', analysis: analyze(text) },
  ]);
  const empty = run(['-'], { input: '' });
  assert.equal(empty.status, 0, empty.stderr);
  assert.deepEqual(JSON.parse(empty.stdout), analyze(''));
});

test('--corpus: analyzeCorpus over the files, with their names', () => {
  const r = run(['--corpus', ...FILES]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), { files: FILES, ...analyzeCorpus(FILES.map(read)) });
});

test('analysis options pass through as flags', () => {
  const text = read(FILES[0]);
  const options = { tokens: true, offsets: 'codepoints', language: 'en', keywords: 3 };
  const r = run(['--tokens', '--offsets', 'codepoints', '--language=en', '--keywords', '3', FILES[0]]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), analyze(text, options));
  const corpus = run(['--corpus', '--keywords=0', ...FILES]);
  assert.deepEqual(JSON.parse(corpus.stdout), { files: FILES, ...analyzeCorpus(FILES.map(read), { keywords: 0 }) });
  const bare = run(['--no-entities', FILES[0]]);
  assert.equal(bare.status, 0, bare.stderr);
  const without = JSON.parse(bare.stdout);
  assert.deepEqual(without, analyze(text, { entities: false }));
  assert.deepEqual(without.entities, []);
  assert.ok(analyze(text).entities.length > 0, 'the fixture has entities to skip');
  assert.equal(run(['--no-entities=yes', FILES[0]]).status, 2);
});

test('--pretty indents the same JSON', () => {
  const one = run(['--pretty', FILES[0]]);
  assert.equal(one.stdout, `${JSON.stringify(analyze(read(FILES[0])), null, 2)}\n`);
  const many = run(['--pretty', ...FILES]);
  const expected = FILES.map((f) => ({ file: f, analysis: analyze(read(f)) }));
  assert.equal(many.stdout, `${JSON.stringify(expected, null, 2)}\n`);
});

test('--format text: language, counts, top keywords and entities grouped by type', () => {
  const r = run(['--format', 'text', ...FILES.slice(0, 2)]);
  assert.equal(r.status, 0, r.stderr);
  const blocks = r.stdout.trimEnd().split('\n\n');
  assert.equal(blocks.length, 2);
  for (const [i, block] of blocks.entries()) {
    const a = analyze(read(FILES[i]));
    const lines = block.split('\n');
    assert.equal(lines[0], `== ${FILES[i]}`);
    assert.ok(lines.includes(`language    ${a.language.code} (confidence ${a.language.confidence.toFixed(2)})`), block);
    assert.ok(block.includes(`${a.stats.words} words`) && block.includes(`${a.stats.sentences} sentences`), block);
    assert.ok(lines.find((l) => l.startsWith('keywords')).includes(a.keywords[0].text), block);
    const counts = {};
    for (const e of a.entities) counts[e.label] = (counts[e.label] ?? 0) + 1;
    for (const [label, n] of Object.entries(counts)) {
      const line = lines.find((l) => l.startsWith(`  ${label} (${n})`));
      assert.ok(line, `${label} (${n}) in\n${block}`);
      const first = a.entities.find((e) => e.label === label);
      assert.ok(line.includes(`${first.text}`) && line.includes(`×${first.count}`), line);
    }
  }
  const corpus = run(['--format', 'text', '--corpus', ...FILES]);
  assert.equal(corpus.status, 0, corpus.stderr);
  assert.match(corpus.stdout, /^== corpus: 3 files$/m);
});

test('usage errors exit 2 with a code on stderr and print nothing', () => {
  const cases = [
    [['--bogus', FILES[0]], 'unknown_flag'],
    [['-x', FILES[0]], 'unknown_flag'],
    [['--offsets'], 'missing_value'],
    [['--language', '--pretty', FILES[0]], 'missing_value'],
    [['--format', 'xml', FILES[0]], 'invalid_value'],
    [['--pretty=yes', FILES[0]], 'invalid_value'],
    [['--offsets', 'bytes', FILES[0]], 'invalid_options'],
    [['--language', 'fr', FILES[0]], 'invalid_options'],
    [['--keywords', 'many', FILES[0]], 'invalid_options'],
    [['--keywords=-1', FILES[0]], 'invalid_options'],
  ];
  for (const [args, code] of cases) {
    const r = run(args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, '', args.join(' '));
    assert.match(r.stderr, new RegExp(`^kupas: ${code}: `), args.join(' '));
  }
});

test('a missing file exits 1, and the others are still printed', () => {
  const missing = join(work.dir, 'no-such-file.txt');
  const r = run([FILES[0], missing, FILES[1]]);
  assert.equal(r.status, 1);
  assert.equal(r.stderr, `kupas: ${missing}: not_found: no such file\n`);
  assert.deepEqual(JSON.parse(r.stdout), [FILES[0], FILES[1]].map((f) => ({ file: f, analysis: analyze(read(f)) })));
  const alone = run([missing]);
  assert.equal(alone.status, 1);
  assert.equal(alone.stdout, '');
  const corpus = run(['--corpus', missing, ...FILES]);
  assert.equal(corpus.status, 1);
  assert.deepEqual(JSON.parse(corpus.stdout).files, FILES);
  const directory = run([work.dir, FILES[0]]);
  assert.equal(directory.status, 1);
  assert.match(directory.stderr, /: is_directory: /);
  assert.deepEqual(JSON.parse(directory.stdout), [{ file: FILES[0], analysis: analyze(read(FILES[0])) }]);
});

test('files that are not text get a clear message; UTF-16 with a BOM is text', () => {
  const binary = file('image.bin', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]));
  const garbage = file('random.bin', Buffer.from(Array.from({ length: 400 }, (_, i) => 0x80 + ((i * 37) % 120))));
  const r = run([binary, garbage, FILES[0]]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, new RegExp(`kupas: ${binary}: not_text: not a text file \\(it holds NUL bytes\\)`));
  assert.match(r.stderr, new RegExp(`kupas: ${garbage}: not_text: not a text file`));
  assert.equal(JSON.parse(r.stdout).length, 1);
  // A stray Latin-1 byte in UTF-8 text is read as U+FFFD with a warning, not refused.
  const latin1 = file('latin1.txt', Buffer.concat([Buffer.from('Presiden tiba di Jakarta pada Senin untuk rapat. Caf'), Buffer.from([0xe9]), Buffer.from(' ramai.')]));
  const stray = run([latin1]);
  assert.equal(stray.status, 0);
  assert.match(stray.stderr, /1 invalid UTF-8 sequence read as U\+FFFD/);
  assert.deepEqual(JSON.parse(stray.stdout), analyze(readFileSync(latin1, 'utf8')));
  const text = read(FILES[0]);
  const utf16 = file('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  const wide = run([utf16]);
  assert.equal(wide.status, 0, wide.stderr);
  assert.deepEqual(JSON.parse(wide.stdout), analyze(text));
});

test('text over the size limit exits 1 with text_too_large', () => {
  const over = file('over.txt', 'a'.repeat(LIMIT + 1));
  const huge = file('huge.txt', '');
  truncateSync(huge, 3 * LIMIT + 1); // refused from its size, without being read
  const r = run([over, huge, FILES[0]]);
  assert.equal(r.status, 1);
  const lines = r.stderr.trimEnd().split('\n');
  assert.match(lines[0], new RegExp(`^kupas: ${over}: text_too_large: `));
  assert.match(lines[1], new RegExp(`^kupas: ${huge}: text_too_large: `));
  assert.equal(JSON.parse(r.stdout).length, 1);
  const piped = run(['-'], { input: 'a'.repeat(LIMIT + 1) });
  assert.equal(piped.status, 1);
  assert.match(piped.stderr, /^kupas: -: text_too_large: /);
});

const script = existsSync('/usr/bin/script') ? '/usr/bin/script' : null;

test('a progress bar on a terminal for five files or more, never in a pipe', { skip: !script && 'no script(1) for a terminal' }, () => {
  const five = [...FILES, ...FILES.slice(0, 2)];
  const out = join(work.dir, 'progress.json');
  const quote = (s) => `'${s.replaceAll("'", "'\\''")}'`;
  // script(1) runs the command on a pseudo-terminal and copies what it shows to stdout.
  const tty = spawnSync(script, ['-qec', `${quote(kupas)} ${five.map(quote).join(' ')} > ${quote(out)}`, '/dev/null'], {
    cwd: project, encoding: 'utf8', timeout: 60_000,
  });
  assert.equal(tty.status, 0, tty.stdout);
  assert.match(tty.stdout, /kupas \[#+\] 5\/5 /);
  assert.equal(JSON.parse(readFileSync(out, 'utf8')).length, 5);
  const few = spawnSync(script, ['-qec', `${quote(kupas)} ${FILES.map(quote).join(' ')} > /dev/null`, '/dev/null'], { encoding: 'utf8', timeout: 60_000 });
  assert.doesNotMatch(few.stdout, /kupas \[/);
  const piped = run(five);
  assert.equal(piped.stderr, '');
  // With no file and a terminal on standard input there is nothing to read.
  const none = spawnSync(script, ['-qec', `${quote(kupas)}; echo "exit=$?"`, '/dev/null'], { encoding: 'utf8', timeout: 60_000 });
  assert.match(none.stdout, /kupas: no_input: /);
  assert.match(none.stdout, /exit=2/);
});
