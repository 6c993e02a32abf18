#!/usr/bin/env bash
# Build the release bundle into dist/ (split: a first-load module and chunks on demand, scripts/release.mjs)
# and print each file's raw, gzip and brotli (-q 11) size.
set -euo pipefail
source "$(dirname "$0")/env.sh"
[ "${SKIP_SETUP:-}" = 1 ] || bash "$ROOT/scripts/setup.sh"
cd "$ROOT"
node scripts/release.mjs dist
node scripts/sizes.mjs dist --write-br
