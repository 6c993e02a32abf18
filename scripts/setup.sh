#!/usr/bin/env bash
# Install whatever is missing, at pinned versions; skip what is already there. Safe to run repeatedly.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
  step "cargo install trunk $TRUNK_VERSION (about 7 minutes)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$" \
  || ! wasm-bindgen-test-runner --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then
  step "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes)"
  # Not --locked: its lock file does not resolve against this registry.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# The release build's splitter (scripts/release.mjs): the library Leptos's split points are made for, as a CLI.
# (the CLI has no --version: cargo's list of installed packages says which one it is)
if ! command -v wasm-split-cli >/dev/null || ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  step "cargo install wasm_split_cli_support $WASM_SPLIT_VERSION (about 2 minutes)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
fi

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
command -v brotli >/dev/null || missing+=(brotli)
if [ ${#missing[@]} -gt 0 ]; then
  step "apt-get install ${missing[*]}"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
fi

# npm packages (Playwright, and binaryen's wasm-opt 132 — never Debian's wasm-opt 108): from the lock file,
# with no browser download. A stamp of the lock file's hash makes this a no-op when nothing changed.
stamp="node_modules/.lock-hash"
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  step "npm ci"
  npm ci --no-audit --no-fund
  echo "$want" > "$stamp"
fi

if ! cargo fetch --quiet 2>/dev/null; then
  step "cargo fetch"
  cargo fetch
fi
