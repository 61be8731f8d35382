#!/usr/bin/env bash
# Builds the release site into dist/ (installs missing tools first).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"

[ "${SKIP_SETUP:-0}" = 1 ] || "$ROOT/scripts/setup.sh"

section "build: trunk build --release --offline"
trunk build --release --offline "$@"
info "dist/: $(du -sh dist | cut -f1)"
for f in dist/*.wasm; do
  [ -e "$f" ] && info "$(basename "$f"): $(wc -c <"$f") bytes raw, $(gzip -9c "$f" | wc -c) bytes gzip"
done
