#!/usr/bin/env bash
# Serve the app with live rebuild on http://127.0.0.1:8080.
set -euo pipefail
source "$(dirname "$0")/env.sh"
bash "$ROOT/scripts/setup.sh"
cd "$ROOT"
exec trunk serve
