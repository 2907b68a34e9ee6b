// The package as npm publishes it: `npm pack` into a temp dir, check the file list, install
// the tarball into a fresh project and use it from ESM and CommonJS, as a user would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { installTarball, pack, root, runNodeJson, tempDir, writeFiles } from './support.mjs';

const TEXT = 'Presiden tiba di Jakarta pada 18/6/2024. Ia disambut 😀Kim Jong-un.';

let work; // temp folder holding the tarball and the project
let tarball;
let files;
let project;
let installed;

before(() => {
  work = tempDir('pack');
  ({ tarball, files } = pack(work.dir));
  project = join(work.dir, 'project');
  mkdirSync(project);
  installed = installTarball(project, tarball);
});

after(() => work?.remove());

test('the tarball holds the wasm, the glue, the entries and the types', () => {
  for (const file of [
    'package.json',
    'pkg/kupas_bg.wasm',
    'pkg/kupas.js',
    'pkg/kupas.cjs',
    'js/index.d.ts',
    'js/node.mjs',
    'js/node.cjs',
    'js/browser.mjs',
    'bin/kupas.mjs',
  ]) {
    assert.ok(files.includes(file), `${file} missing from ${JSON.stringify(files)}`);
  }
});

test('the command is packed executable, with a node shebang, and installed on the PATH', () => {
  // The mode as the tarball records it (npm keeps the executable bit of bin/ files).
  const listing = execFileSync('tar', ['-tvzf', tarball, 'package/bin/kupas.mjs'], { encoding: 'utf8' });
  assert.match(listing, /^-rwxr-xr-x /, listing);
  const source = readFileSync(join(installed, 'bin', 'kupas.mjs'), 'utf8');
  assert.ok(source.startsWith('#!/usr/bin/env node\n'), 'shebang');
  assert.match(source, /from '\.\.\/js\/node\.mjs'/, 'uses the package entry');
  const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  assert.deepEqual(pkg.bin, { kupas: './bin/kupas.mjs' });
  const version = execFileSync(join(project, 'node_modules', '.bin', 'kupas'), ['--version'], { encoding: 'utf8' });
  assert.equal(version, `kupas ${pkg.version}\n`);
});

test('Cargo.toml and package.json carry the same version', () => {
  const cargo = readFileSync(join(root, 'Cargo.toml'), 'utf8');
  const crate = cargo.match(/^\[package\][^[]*?^version = "([^"]+)"/m)?.[1];
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  assert.ok(crate, 'Cargo.toml has a [package] version');
  assert.equal(pkg.version, crate);
  const locked = readFileSync(join(root, 'Cargo.lock'), 'utf8').match(/name = "kupas"\nversion = "([^"]+)"/)?.[1];
  assert.equal(locked, crate, 'Cargo.lock');
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  assert.equal(lock.version, pkg.version, 'package-lock.json');
  assert.equal(lock.packages?.['']?.version, pkg.version, 'package-lock.json root package');
});

test('the tarball leaves out sources, tests, build output and the site', () => {
  for (const file of files) {
    assert.doesNotMatch(file, /^(src|tests|target|www|examples|scripts|node_modules)\//, file);
    assert.doesNotMatch(file, /^(Cargo\.(toml|lock)|package-lock\.json)$/, file);
    assert.doesNotMatch(file, /\.tgz$/, file);
  }
});

test('every file the package.json points at is in the tarball', () => {
  const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  const targets = [pkg.main, pkg.module, pkg.types, ...Object.values(pkg.bin ?? {})];
  const walk = (value) => {
    if (typeof value === 'string') targets.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(pkg.exports);
  for (const target of targets.filter(Boolean)) {
    const file = target.replace(/^\.\//, '');
    assert.ok(files.includes(file), `${target} is referenced by package.json but not packed`);
    assert.ok(existsSync(join(installed, file)), `${target} is not installed`);
  }
});

test('ESM: import { analyze } from "kupas"', () => {
  writeFiles(project, {
    'esm.mjs': `
      import { analyze, version, init } from 'kupas';
      const text = ${JSON.stringify(TEXT)};
      await init();
      const r = analyze(text, { tokens: true });
      let error = null;
      try { analyze(text, { tokenz: true }); } catch (e) { error = e.code; }
      console.log(JSON.stringify({
        version: version(),
        language: r.language.code,
        sentences: r.sentences.map((s) => text.slice(s.start, s.end)),
        tokens: r.tokens.map((t) => text.slice(t.start, t.end)),
        error,
        resolved: import.meta.resolve('kupas'),
      }));
    `,
  });
  const out = runNodeJson(project, 'esm.mjs');
  assert.equal(out.version, JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')).version);
  assert.equal(out.language, 'id');
  assert.deepEqual(out.sentences, ['Presiden tiba di Jakarta pada 18/6/2024.', 'Ia disambut 😀Kim Jong-un.']);
  assert.ok(out.tokens.includes('Jong-un'));
  assert.ok(out.tokens.includes('18/6/2024'));
  assert.ok(out.tokens.includes('Kim'));
  assert.equal(out.error, 'invalid_options');
  assert.ok(out.resolved.endsWith('/node_modules/kupas/js/node.mjs'), out.resolved);
});

test('CJS: require("kupas")', () => {
  writeFiles(project, {
    'cjs.cjs': `
      const { analyze, version } = require('kupas');
      const text = ${JSON.stringify(TEXT)};
      const r = analyze(text, { tokens: true, offsets: 'codepoints' });
      let error = null;
      try { analyze(null); } catch (e) { error = e.code + ':' + (e instanceof TypeError); }
      console.log(JSON.stringify({
        version: version(),
        stats: r.stats,
        tokens: r.tokens.map((t) => [...text].slice(t.start, t.end).join('')),
        error,
        resolved: require.resolve('kupas'),
        packageVersion: require('kupas/package.json').version,
      }));
    `,
  });
  const out = runNodeJson(project, 'cjs.cjs');
  assert.equal(out.version, out.packageVersion);
  assert.equal(out.stats.sentences, 2);
  assert.equal(out.stats.characters, [...TEXT].length);
  assert.ok(out.tokens.includes('Jong-un'));
  assert.ok(out.tokens.includes('😀'));
  assert.equal(out.error, 'invalid_text:true');
  assert.ok(out.resolved.endsWith(join('node_modules', 'kupas', 'js', 'node.cjs')), out.resolved);
});

test('the types resolve and declare what every entry exports', async () => {
  const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  const typesPath = pkg.exports['.'].types;
  assert.equal(Object.keys(pkg.exports['.'])[0], 'types', '"types" must come first in exports');
  assert.equal(pkg.types, typesPath);
  const dts = readFileSync(join(installed, typesPath), 'utf8');
  const declared = [...dts.matchAll(/^export function (\w+)/gm)].map((m) => m[1]).sort();
  assert.deepEqual(declared, ['analyze', 'analyzeCorpus', 'init', 'version']);
  const types = ['Options', 'Analysis', 'Span', 'Token', 'Keyword', 'Boilerplate', 'Note', 'Entity'];
  for (const name of [...types, 'Corpus', 'CorpusKeyword', 'CorpusEntity', 'KupasError', 'ErrorCode']) {
    assert.match(dts, new RegExp(`^export (interface|type) ${name}\\b`, 'm'), name);
  }
  // The runtime entries export exactly the declared functions.
  writeFiles(project, {
    'exports.mjs': `
      import { createRequire } from 'node:module';
      const require = createRequire(import.meta.url);
      const esm = await import('kupas');
      const cjs = require('kupas');
      const browser = await import(new URL('./node_modules/kupas/js/browser.mjs', import.meta.url));
      console.log(JSON.stringify({
        esm: Object.keys(esm).filter((k) => k !== 'default').sort(),
        cjs: Object.keys(cjs).sort(),
        browser: Object.keys(browser).sort(),
      }));
    `,
  });
  const out = runNodeJson(project, 'exports.mjs');
  assert.deepEqual(out.esm, declared);
  assert.deepEqual(out.cjs, declared);
  assert.deepEqual(out.browser, declared);
});
