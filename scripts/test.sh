#!/usr/bin/env bash
# Installs what is missing and runs every test: reference data check, native tests, release build,
# size budget, end-to-end tests in headless Debian Chromium (playwright-core). Exits non-zero on any failure.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"

section "1/6 reference data: tests/data vs ../shared/reference and ../shared/data; data/difficulty_bits.txt"
SHARED="$ROOT/../shared/reference"
if [ -d "$ROOT/../shared" ]; then
  cmp tests/data/reference_cases.json "$SHARED/cases.json" \
    || die "tests/data/reference_cases.json differs from ../shared/reference/cases.json"
  cmp tests/data/reference_risk_cases.json "$SHARED/risk_cases.json" \
    || die "tests/data/reference_risk_cases.json differs from ../shared/reference/risk_cases.json"
  cmp tests/data/reference_site_cases.json "$SHARED/site_cases.json" \
    || die "tests/data/reference_site_cases.json differs from ../shared/reference/site_cases.json"
  info "copies are byte-identical"
else
  info "../shared not present: skipped"
fi
# History data (issue 21): the Electrum source copied in tests/data, and data/difficulty_bits.txt built from it.
if [ -d "$ROOT/../shared/data" ]; then
  for f in electrum_checkpoints.json difficulty_epochs.csv ELECTRUM_LICENCE; do
    cmp "tests/data/$f" "$ROOT/../shared/data/$f" || die "tests/data/$f differs from ../shared/data/$f"
  done
  cmp data/ELECTRUM_LICENCE "$ROOT/../shared/data/ELECTRUM_LICENCE" || die "data/ELECTRUM_LICENCE differs"
fi
node scripts/history-data.mjs --check || die "data/difficulty_bits.txt is not what tests/data/electrum_checkpoints.json gives"

section "2/6 setup"
"$ROOT/scripts/setup.sh"

section "3/6 native tests: cargo test --release"
cargo test --release

section "4/6 release build"
SKIP_SETUP=1 "$ROOT/scripts/build.sh"

section "5/6 size budget: brotli total of dist/ (scripts/check-size.mjs)"
node scripts/check-size.mjs dist

section "6/6 end-to-end tests: node --test tests/e2e/ (headless Chromium)"
node --test --test-reporter=spec tests/e2e/

section "all tests passed"
