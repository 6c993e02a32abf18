#!/usr/bin/env bash
# Every benchmark of issue 7: the engine natively and as wasm (headless Chromium), then the browser benchmarks
# (first render of the release app vs a bare Leptos counter; the Add products page with 10,000 offers), then one
# table of figures and ratios.
#   bash scripts/bench.sh [--quick]      (--quick: 2 runs each, no warm-up; a smoke run)
# BENCH_REUSE_DIST=1 measures the existing dist/ instead of rebuilding it.
# Raw lines (`BENCH <target> <name> <median> <p95> <n> <unit>`) are kept in target/bench/.
set -euo pipefail
source "$(dirname "$0")/env.sh"
[ "${SKIP_SETUP:-}" = 1 ] || bash "$ROOT/scripts/setup.sh"
cd "$ROOT"
out="$ROOT/target/bench"
mkdir -p "$out"
quick=""
[ "${1:-}" = --quick ] && quick=--quick

step "native benchmarks (release profile)"
cargo build --release -p csp-bench --bin bench -j 1
./target/release/bench $quick | tee "$out/native.txt"

step "wasm benchmarks in headless Chromium (release profile)"
wasm_quick=()
[ -n "$quick" ] && wasm_quick=(env CSP_BENCH_QUICK=1)
# One synchronous test runs for minutes: raise the runner's 20 s default.
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-900}"
"${wasm_quick[@]}" cargo test --release --target wasm32-unknown-unknown -p csp-bench --test wasm -j 1 -- --nocapture \
  2>&1 | tee "$out/wasm.log"
grep -o 'BENCH wasm .*' "$out/wasm.log" > "$out/wasm.txt" || true

step "browser: first render, release app vs a bare Leptos counter (throttled Chromium)"
if [ "${BENCH_REUSE_DIST:-}" != 1 ] || [ ! -f dist/index.html ]; then
  CARGO_BUILD_JOBS=1 SKIP_SETUP=1 bash scripts/dist.sh
fi
rm -rf target/bench/counter-dist
CARGO_BUILD_JOBS=1 trunk build --release --config bench/counter/Trunk.toml
node scripts/sizes.mjs target/bench/counter-dist --write-br
node bench/browser/first-render.mjs $quick | tee "$out/browser.txt"

step "browser: first-load bytes and opening each page after the first (release build, split)"
node scripts/first-load.mjs dist --target-kb 200 --bench | tee -a "$out/browser.txt"
node bench/browser/page-open.mjs $([ -n "$quick" ] && echo --runs 2) | tee -a "$out/browser.txt"

step "browser: the Add products page with 100 and 10,000 offers (release profile)"
"${wasm_quick[@]}" cargo test --release --target wasm32-unknown-unknown -p csp-marketplace --test catalog_bench -j 1 \
  -- --nocapture 2>&1 | tee "$out/catalog.log"
grep -o 'BENCH browser .*' "$out/catalog.log" >> "$out/browser.txt" || true

step "figures"
node "$ROOT/scripts/bench-table.mjs" "$out/native.txt" "$out/wasm.txt" "$out/browser.txt" | tee "$out/table.txt"
