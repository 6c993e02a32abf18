# Sourced by the other scripts: pinned versions and the environment every build runs in.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
TRUNK_VERSION=0.21.14
WASM_SPLIT_VERSION=0.2.4
# The wasm-bindgen CLI must equal the crate pinned in Cargo.toml exactly.
WASM_BINDGEN_VERSION="$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' "$ROOT/Cargo.toml")"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Offline builds: tools are installed locally, crates fetched first.
export TRUNK_OFFLINE=true TRUNK_SKIP_VERSION_CHECK=true
export CHROMEDRIVER=/usr/bin/chromedriver
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# Two cores: keep parallelism modest.
export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-2}"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
