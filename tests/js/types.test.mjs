// The TypeScript declarations (js/index.d.ts) under a strict compiler: tests/types/usage.ts
// and usage.cts use every export and result field and must compile; tests/types/wrong.ts
// holds mistakes that must not, each with the error marked on its line. Runs the local
// compiler (the typescript devDependency); no network.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './support.mjs';

const tsc = join(root, 'node_modules', '.bin', 'tsc');
const run = (...args) => spawnSync(tsc, args, { cwd: root, encoding: 'utf8', timeout: 120_000 });
const skip = !existsSync(tsc) && 'typescript is not installed (npm ci)';

test('tsc runs offline', { skip }, () => {
  const r = run('--version');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^Version \d+\.\d+/);
});

test('the usage examples compile under strict: true', { skip }, () => {
  const config = readFileSync(join(root, 'tests', 'types', 'tsconfig.json'), 'utf8');
  assert.match(config, /"strict": true/);
  const r = run('--noEmit', '-p', 'tests/types');
  assert.equal(r.status, 0, `tsc failed:\n${r.stdout}${r.stderr}`);
  assert.equal(r.stdout, '');
});

test('the deliberate mistakes fail, each with its marked error', { skip }, () => {
  const file = join(root, 'tests', 'types', 'wrong.ts');
  const expected = readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i) => [...line.matchAll(/\/\/ error (TS\d+)/g)].map((m) => `${i + 1} ${m[1]}`));
  assert.ok(expected.length >= 5, 'wrong.ts marks its errors');
  const r = run('--noEmit', '-p', 'tests/types/tsconfig.wrong.json');
  assert.notEqual(r.status, 0, 'tsc must fail on wrong.ts');
  const actual = [...r.stdout.matchAll(/^tests\/types\/wrong\.ts\((\d+),\d+\): error (TS\d+)/gm)].map((m) => `${m[1]} ${m[2]}`);
  assert.deepEqual(actual, expected, r.stdout);
});
