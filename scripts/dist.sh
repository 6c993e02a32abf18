#!/usr/bin/env bash
# Build the release bundle into dist/ and print each file's raw, gzip and brotli (-q 11) size.
set -euo pipefail
source "$(dirname "$0")/env.sh"
[ "${SKIP_SETUP:-}" = 1 ] || bash "$ROOT/scripts/setup.sh"
cd "$ROOT"
step "trunk build --release"
rm -rf dist
trunk build index.html --release
node scripts/sizes.mjs dist --write-br
