// Runs every test, cheapest first (see README "Tests"). `npm test` runs set-up and the
// build before this. Pass step names to run only some: `node scripts/test.mjs cargo js`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const wasm = ['--target', 'wasm32-unknown-unknown'];
const browser = { WASM_BINDGEN_USE_BROWSER: '1', CHROMEDRIVER: '/usr/bin/chromedriver' };

const steps = [
  ['fmt', 'cargo', ['fmt', '--check']],
  ['clippy', 'cargo', ['clippy', '--all-targets', '--', '-D', 'warnings']],
  ['clippy-wasm', 'cargo', ['clippy', '--all-targets', ...wasm, '--', '-D', 'warnings']],
  ['cargo', 'cargo', ['test']],
  ['wasm-node', 'cargo', ['test', ...wasm, '--test', 'wasm']],
  ['wasm-chromium', 'cargo', ['test', ...wasm, '--test', 'wasm'], browser],
  ['js', 'node', ['--test', 'tests/js/']],
  ['e2e', 'node', ['--test', 'tests/e2e/']],
];

const only = process.argv.slice(2);
const results = [];
for (const [name, cmd, args, env] of steps) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  results.push({ name, ok, seconds: ((Date.now() - started) / 1000).toFixed(1) });
  console.log(`=== ${name}: ${ok ? 'ok' : 'FAILED'}`);
}

console.log('\nstep            result   seconds');
for (const r of results) console.log(`${r.name.padEnd(15)} ${(r.ok ? 'ok' : 'FAILED').padEnd(8)} ${r.seconds}`);
const failed = results.filter((r) => !r.ok).length;
console.log(`steps: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
