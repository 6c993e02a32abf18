#!/usr/bin/env bash
# Serve the app with live rebuild on http://127.0.0.1:8080. The debug build goes to target/serve-dist, never
# to dist/, where `make dist` puts the release bundle (and the end-to-end tests and `make screenshots` read it).
set -euo pipefail
source "$(dirname "$0")/env.sh"
bash "$ROOT/scripts/setup.sh"
cd "$ROOT"
exec trunk serve --dist target/serve-dist
