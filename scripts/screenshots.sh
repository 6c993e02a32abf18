#!/usr/bin/env bash
# The gallery (make screenshots): build the release bundle if dist/ is missing or older than the sources, then
# write a PNG of every page into target/screenshots/.
set -euo pipefail
source "$(dirname "$0")/env.sh"
[ "${SKIP_SETUP:-}" = 1 ] || bash "$ROOT/scripts/setup.sh"
cd "$ROOT"
if [ ! -f dist/index.html ] || [ -n "$(find src engine/src style index.html Cargo.toml Cargo.lock -newer dist/index.html -print -quit)" ]; then
  step "release build (dist/ is missing or older than the sources)"
  SKIP_SETUP=1 bash scripts/dist.sh
fi
step "screenshots"
node scripts/screenshots.mjs "$@"
