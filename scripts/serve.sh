#!/usr/bin/env bash
# Installs what is missing, builds the release site and serves dist/ on http://127.0.0.1:8080 (offline).
#   PORT=9000 ./scripts/serve.sh    another port
#   ./scripts/serve.sh --watch      trunk serve instead: rebuilds and reloads on source changes
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"
PORT="${PORT:-8080}"

if [ "${1:-}" = "--watch" ]; then
  "$ROOT/scripts/setup.sh"
  mkdir -p "$ROOT/screenshots"
  section "serve: trunk serve on http://127.0.0.1:$PORT/ (Ctrl-C to stop)"
  # Its own output dir: the dev build carries a live-reload script that dist/ (the release artefact) must not.
  exec trunk serve --release --offline --address 127.0.0.1 --port "$PORT" --dist "$ROOT/target/trunk-serve"
fi

"$ROOT/scripts/build.sh"
section "serve: http://127.0.0.1:$PORT/ (Ctrl-C to stop)"
exec node "$ROOT/tests/e2e/server.mjs" --root "$ROOT/dist" --port "$PORT"
