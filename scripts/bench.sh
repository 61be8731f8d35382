#!/usr/bin/env bash
# The benchmark (issue 5): builds the release dist/ and prints, in one run,
#   1. bytes of every shipped file, raw / gzip -9 / brotli -q 11, and the total;
#   2. cold load to first KPI: median and max of 10 fresh loads in headless Chromium on 127.0.0.1;
#   3. BTC price slider input → painted frame over 200 scripted input events: p50, p95, max;
#   4. model time per evaluation, native (cargo bench --bench model) and in the browser (the WASM build);
#   5. Lighthouse: performance, accessibility, best practices, SEO;
# then a table of each figure against its budget (issues 5 and 6), old beside new: each figure beside the same
# figure of the run recorded in tools/bench/baseline.json. Timings never fail the run (they are
# reported, not gated; the size budget is gated in ./scripts/test.sh). See docs/performance.md.
#
#   ./scripts/bench.sh                    build into dist/ (./scripts/build.sh), then measure
#   DIST=/tmp/site ./scripts/bench.sh     measure an existing build (no build; the model is timed in the browser only
#                                         if $BENCH_OUT/dist-model holds a `--features bench` build)
# Environment: BENCH_LOADS (10), BENCH_INPUTS (200), LH_RUNS (Lighthouse runs, median; 5, 0 skips),
#   SKIP_NATIVE=1 (no cargo bench), BENCH_OUT (target/bench: results.json, summary.md, Lighthouse reports),
#   BENCH_BASELINE=FILE (compare with another baseline or an earlier results.json), BENCH_RECORD=1 (write this
#   run's figures into tools/bench/baseline.json, to commit with the change they measure).
# Lighthouse lives in tools/bench/package.json (own lockfile), installed here on demand: never by CI.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"

OUT="${BENCH_OUT:-$ROOT/target/bench}"
mkdir -p "$OUT"

MODEL_DIST="$OUT/dist-model"
if [ -z "${DIST:-}" ]; then
  "$ROOT/scripts/build.sh"
  DIST="$ROOT/dist"
  # The model timings need `bench_model`, which the shipped page does not export: the same page built with it.
  # Its own target directory: cargo copies the final WASM to the same path for either feature set and does not
  # copy it again for a build that is up to date, so sharing target/ could give the next plain build this WASM.
  section "bench: the same build with --features bench (for the model timings only) into $MODEL_DIST"
  CARGO_TARGET_DIR="$ROOT/target/bench-features" SKIP_SETUP=1 "$ROOT/scripts/build.sh" --features bench --dist "$MODEL_DIST"
else
  DIST="$(cd "$DIST" && pwd)"
  [ -f "$DIST/index.html" ] || die "$DIST/index.html not found"
  section "bench: measuring the existing build in $DIST (DIST is set: no build)"
  [ -d node_modules/playwright-core ] || SKIP_SETUP=0 "$ROOT/scripts/setup.sh"
fi

section "bench: Lighthouse (tools/bench, installed on demand)"
LH_LOCK="tools/bench/package-lock.json"
LH_STAMP="tools/bench/node_modules/.package-lock.json"
if [ "${LH_RUNS:-5}" = 0 ]; then
  info "skipped (LH_RUNS=0)"
elif [ ! -x tools/bench/node_modules/.bin/lighthouse ] || [ ! -f "$LH_STAMP" ] || [ "$LH_LOCK" -nt "$LH_STAMP" ]; then
  info "npm ci --prefix tools/bench"
  npm ci --prefix tools/bench --no-audit --no-fund
else
  info "tools/bench/node_modules: up to date"
fi

NATIVE="$OUT/native.txt"
rm -f "$NATIVE"
if [ "${SKIP_NATIVE:-0}" = 1 ]; then
  section "bench: native model timings skipped (SKIP_NATIVE=1)"
else
  section "bench: native model timings: cargo bench --bench model (release profile)"
  cargo bench --bench model >"$NATIVE"
  info "done (printed in section 4)"
fi

section "bench: measuring (headless Chromium, playwright-core; takes ~2 min)"
args=(--dist "$DIST" --out "$OUT")
[ -f "$MODEL_DIST/index.html" ] && args+=(--model-dist "$MODEL_DIST")
[ -f "$NATIVE" ] && args+=(--native "$NATIVE")
node tools/bench/bench.mjs "${args[@]}"
