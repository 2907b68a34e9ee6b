// Builds the npm package into pkg/: cargo (wasm32) → wasm-bindgen → wasm-opt → CJS glue.
// Prints the .wasm size raw and gzipped.
import { execFileSync } from 'node:child_process';
import { readFileSync, mkdirSync, rmSync, existsSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = join(root, 'pkg');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });

const lock = readFileSync(join(root, 'Cargo.lock'), 'utf8');
const pinned = lock.match(/name = "wasm-bindgen"\nversion = "([^"]+)"/)?.[1];
const installed = execFileSync('wasm-bindgen', ['--version'], { encoding: 'utf8' }).trim().split(' ')[1];
if (pinned !== installed) {
  console.error(`wasm-bindgen CLI ${installed} does not match Cargo.lock's ${pinned}: run npm run setup`);
  process.exit(1);
}

run('cargo', ['build', '--release', '--lib', '--target', 'wasm32-unknown-unknown']);
const raw = join(root, 'target', 'wasm32-unknown-unknown', 'release', 'kupas.wasm');

rmSync(pkg, { recursive: true, force: true });
mkdirSync(pkg, { recursive: true });
run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', pkg, '--out-name', 'kupas', raw]);
const wasm = join(pkg, 'kupas_bg.wasm');
// -ocimfs 200: a function with one caller is inlined only when small. wasm-opt's default
// inlines every such function, whatever its size, which folded the whole pipeline into one
// function of about 100 KB: measured 2026-11-23 in Node, limiting it made `analyze` 5–12%
// faster once optimised, the first call faster (a baseline compiler's cost grows with a
// function's size) and the file 2 KB smaller gzipped.
run(bin('wasm-opt'), [
  '-O3', '-ocimfs', '200', '--strip-debug', '--strip-producers',
  '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-reference-types',
  '--enable-multivalue', '--enable-sign-ext', '--enable-simd',
  wasm, '-o', wasm,
]);
// The glue is an ES module; Node's CommonJS entry needs a CommonJS copy of it.
// Bundled, so that the binding's JS snippet (pkg/snippets/) is inlined rather than required.
run(bin('esbuild'), [
  join(pkg, 'kupas.js'), '--bundle', '--format=cjs', '--platform=node', '--log-level=error',
  `--outfile=${join(pkg, 'kupas.cjs')}`,
]);
// wasm tools may leave a .gitignore of "*" that would make npm drop the .wasm from the tarball.
if (existsSync(join(pkg, '.gitignore'))) rmSync(join(pkg, '.gitignore'));

const bytes = readFileSync(wasm);
const gz = gzipSync(bytes, { level: 9 }).length;
const glue = statSync(join(pkg, 'kupas.js')).size;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`[build] pkg/kupas_bg.wasm: ${kb(bytes.length)} raw, ${kb(gz)} gzipped; glue ${kb(glue)}`);
