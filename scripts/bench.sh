#!/usr/bin/env bash
# Every benchmark of issue 7, native and wasm (headless Chromium), then one table of figures and ratios.
#   bash scripts/bench.sh [--quick]      (--quick: 2 runs each, no warm-up; a smoke run)
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

step "figures"
node "$ROOT/scripts/bench-table.mjs" "$out/native.txt" "$out/wasm.txt" | tee "$out/table.txt"
