// The release build (make dist): the app split into a first-load module and chunks loaded on demand.
//
//   cargo (feature `split`, linked with --emit-relocs) → wasm-split-cli (main + one module per split point +
//   shared chunks + the __wasm_split.js loader) → wasm-bindgen on the main module (--keep-lld-exports: the
//   chunks import its functions) → wasm-opt on every part → content-hashed names (the JS glue and the stylesheet
//   minified by esbuild) → index.html, boot.js,
//   embed.js, sw.js (scripts/write-boot.mjs).
//
// Trunk 0.21 has no step between cargo and wasm-bindgen, so the release pipeline is ours; `make serve` keeps
// Trunk (development build, no split points). See ARCHITECTURE.md, "Build pipeline".
//
// Usage: node scripts/release.mjs [out-dir]   (default dist/; tools from PATH: cargo, wasm-split-cli,
// wasm-bindgen, wasm-opt)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import binaryen from 'binaryen';
import { transformSync } from 'esbuild';
import { shortenImports } from './short-imports.mjs';
import { customName, sections } from './wasm-sections.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const out = resolve(process.argv[2] ?? join(root, 'dist'));
const targetDir = resolve(process.env.CARGO_TARGET_DIR ?? join(root, 'target'));
const staging = join(targetDir, 'release-split');
const NAME = 'csp-marketplace';

const run = (cmd, args, env = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`release: ${cmd} ${args.join(' ')} failed`);
    process.exit(1);
  }
};
const step = (what) => console.log(`\n\x1b[1m== ${what}\x1b[0m`);

step('cargo build --release --features split (linked with --emit-relocs for the splitter)');
// This variable replaces .cargo/config.toml's rustflags for the target: repeat them. Relocations only here:
// without the splitter they would stay in the output (≈ 320 KB).
run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '-p', NAME, '--bin', NAME, '--features', 'split'], {
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS: '--cfg erase_components -Clink-args=--emit-relocs',
});
const raw = join(targetDir, 'wasm32-unknown-unknown', 'release', `${NAME}.wasm`);

step('wasm-split-cli');
rmSync(staging, { recursive: true, force: true });
const split = join(staging, 'split');
const bindgen = join(staging, 'bindgen');
mkdirSync(split, { recursive: true });
run('wasm-split-cli', [raw, split, '--out-name', NAME]);

step('wasm-bindgen on the main module');
run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-typescript', '--out-dir', bindgen, join(split, `${NAME}.wasm`)]);

step('wasm-opt -O2 on every part (binaryen 132, in this process)');
// One process for every part: the npm wasm-opt CLI starts a 10 MB JS module each time (≈ 1.5 s per part,
// minutes for the chunks). Same passes and output as `wasm-opt -O2` (checked byte for byte on a chunk).
const parts = [[join(bindgen, `${NAME}_bg.wasm`), 'main']];
for (const f of readdirSync(split).sort()) {
  if (f.endsWith('.wasm') && f !== `${NAME}.wasm`) parts.push([join(split, f), f.replace(/\.wasm$/, '')]);
}
const optimised = new Map();
// PROFILE_NAMES=1 keeps function names (a profile of the release build then names its functions; larger files).
const keepNames = process.env.PROFILE_NAMES === '1';
binaryen.setOptimizeLevel(2);
binaryen.setShrinkLevel(0);
binaryen.setDebugInfo(keepNames);
for (const [input, stem] of parts) {
  const module = binaryen.readBinary(keepNames ? readFileSync(input) : withoutNames(readFileSync(input)));
  module.optimize();
  if (!keepNames) module.runPasses(['strip-debug']);
  if (!module.validate()) {
    console.error(`release: wasm-opt produced an invalid ${stem}.wasm`);
    process.exit(1);
  }
  optimised.set(stem, Buffer.from(module.emitBinary()));
  module.dispose();
}

let mainJs = readFileSync(join(bindgen, `${NAME}.js`), 'utf8');
// Short import names in the main module and its glue (scripts/short-imports.mjs), before either is hashed.
{
  const short = shortenImports(optimised.get('main'), mainJs, `./${NAME}_bg.js`);
  if (short.renamed < 50) {
    console.error(`release: only ${short.renamed} of the glue's imports were renamed: has wasm-bindgen's naming changed?`);
    process.exit(1);
  }
  optimised.set('main', short.wasm);
  mainJs = short.js;
}

step(`content-hashed files into ${out}`);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const hash = (...buffers) => {
  const h = createHash('sha256');
  for (const b of buffers) h.update(b);
  return h.digest('hex').slice(0, 16);
};
// Wasm parts first: each named by its own bytes, so an unchanged chunk keeps its name (and its cache entry).
const renamed = new Map();
for (const [, stem] of parts) {
  const bytes = optimised.get(stem);
  const name = stem === 'main' ? `${NAME}-${hash(bytes)}_bg.wasm` : `${stem}-${hash(bytes)}.wasm`;
  writeFileSync(join(out, name), bytes);
  renamed.set(stem === 'main' ? `${NAME}_bg.wasm` : `${stem}.wasm`, name);
}
// The loader and the main JS module import each other: one hash of both, so that neither can change
// without both names changing.
let loader = readFileSync(join(split, '__wasm_split.js'), 'utf8');
for (const [from, to] of renamed) {
  loader = loader.replaceAll(`"./${from}"`, `"./${to}"`);
  mainJs = mainJs.replaceAll(`'${from}'`, `'${to}'`);
}
const jsHash = hash(loader, mainJs);
const loaderName = `__wasm_split-${jsHash}.js`;
const mainName = `${NAME}-${jsHash}.js`;
loader = loader.replaceAll(`"./${NAME}.js"`, `"./${mainName}"`);
// Only the import statements: the import object's keys stay the wasm's own module name.
mainJs = mainJs.replaceAll(`from "./__wasm_split.js"`, `from "./${loaderName}"`);
if (!loader.includes(mainName) || !mainJs.includes(loaderName)) {
  console.error('release: the loader and the main module no longer name each other as expected');
  process.exit(1);
}
for (const [from] of renamed) {
  if (loader.includes(`"./${from}"`)) {
    console.error(`release: ${from} is still named unhashed in the loader`);
    process.exit(1);
  }
}
writeFileSync(join(out, loaderName), loader);
// wasm-bindgen's glue minified (its exports and the wasm's import names are kept): 7.2 → 5.2 KB brotli, on the first
// load. The loader stays as written: scripts read its chunk list (`splitChunks`, first-load.mjs).
writeFileSync(join(out, mainName), transformSync(mainJs, { minify: true, format: 'esm' }).code);

// Stylesheet and icon, hashed, with the integrity Trunk would give them.
// The stylesheet is minified (comments and spacing: 7.7 → 5.2 KB brotli, all of it render-blocking).
const asset = (path) => {
  const source = readFileSync(join(root, path));
  const bytes = path.endsWith('.css') ? Buffer.from(transformSync(source.toString('utf8'), { minify: true, loader: 'css' }).code) : source;
  const [stem, ext] = basename(path).split(/\.(?=[^.]+$)/);
  const name = `${stem}-${hash(bytes)}.${ext}`;
  writeFileSync(join(out, name), bytes);
  return { name, integrity: 'sha384-' + createHash('sha384').update(bytes).digest('base64') };
};
const css = asset('style/main.css');
const icon = asset('style/favicon.svg');
let html = readFileSync(join(root, 'index.html'), 'utf8');
const replaceLine = (re, text) => {
  if (!re.test(html)) {
    console.error(`release: index.html has no line matching ${re}`);
    process.exit(1);
  }
  html = html.replace(re, text);
};
replaceLine(/[ \t]*<link data-trunk rel="rust"[^>]*>\n/, '');
replaceLine(/<link data-trunk rel="css" href="style\/main\.css">/, `<link rel="stylesheet" href="./${css.name}" integrity="${css.integrity}"/>`);
replaceLine(/<link data-trunk rel="icon" href="style\/favicon\.svg">/, `<link rel="icon" href="./${icon.name}" integrity="${icon.integrity}"/>`);
// The first page (Customers, the default route) is in the main module: nothing else to preload here.
writeFileSync(join(out, 'index.html'), html);

step('boot.js, embed.js, sw.js');
// A first start builds the demo with the engine: boot.js preloads its chunk and the shared chunks it needs, read
// from the loader (`/* splits */` comments above each shared chunk).
const firstStart = splitChunks(loader, 'engine');
run('node', [join(root, 'scripts', 'write-boot.mjs')], { TRUNK_STAGING_DIR: out, CSP_FIRST_START_CHUNKS: firstStart.join(',') });

// The files the loader fetches for `split`: its own module and every shared chunk whose comment names it.
function splitChunks(loader, split) {
  const files = [];
  for (const m of loader.matchAll(/\/\* ([\w, ]+) \*\/\nconst __chunk_\d+ = makeLoad\(\(\) => \{\n\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)) {
    if (m[1].split(', ').includes(split)) files.push(m[2]);
  }
  const own = new RegExp(`"\\./(split_${split}-[0-9a-f]{16}\\.wasm)"`).exec(loader);
  if (!own) {
    console.error(`release: the loader does not show the ${split} chunk as expected`);
    process.exit(1);
  }
  return [own[1], ...files];
}

// The wasm without its "name" custom section (function names for debugging: dropped by -O2 anyway, and the
// splitter writes a subsection binaryen warns about).
function withoutNames(bytes) {
  const kept = [bytes.subarray(0, 8)];
  for (const section of sections(bytes)) {
    if (section.id === 0 && customName(bytes, section) === 'name') continue;
    kept.push(bytes.subarray(section.start, section.end));
  }
  return Buffer.concat(kept);
}
