#!/usr/bin/env bash
# Installs whatever is missing to build and test the calculator on a fresh machine; fast when all is present.
#   wasm32 target, trunk 0.21.14, wasm-bindgen-cli (= Cargo.lock), Debian chromium + chromedriver,
#   npm packages (binaryen 132 -> wasm-opt, playwright-core, axe-core), crates for the wasm build.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"

TRUNK_VERSION=0.21.14

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root (or sudo) to run: $*"
  fi
}

# Another `cargo install` of the same tool (e.g. started by hand) must finish first: never build it twice at once.
wait_for_cargo_install() {
  local crate="$1" waited=0
  while pgrep -f "(^|/)cargo install .*${crate}( |$)" >/dev/null 2>&1; do
    [ "$waited" -eq 0 ] && info "a 'cargo install ... ${crate}' is already running; waiting for it to finish"
    sleep 10; waited=$((waited + 10))
  done
  return 0
}

section "setup: checking the toolchain"
command -v cargo >/dev/null || die "cargo not found: install Rust with rustup first (https://rustup.rs)"

# 1. wasm target
if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  info "wasm32-unknown-unknown target: present"
else
  info "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. trunk
trunk_ok() { [ "$(trunk --version 2>/dev/null | awk '{print $2}')" = "$TRUNK_VERSION" ]; }
if ! trunk_ok; then wait_for_cargo_install trunk; fi
if trunk_ok; then
  info "trunk $TRUNK_VERSION: present"
else
  info "installing trunk $TRUNK_VERSION (takes ~10 min on 2 cores)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
  trunk_ok || die "trunk $TRUNK_VERSION not on PATH after install"
fi

# 3. wasm-bindgen-cli, the exact version of Cargo.lock. No --locked: its lockfile pins a crate the registry lacks.
WB_VERSION="$(wasm_bindgen_lock_version)"
[ -n "$WB_VERSION" ] || die "no wasm-bindgen entry in Cargo.lock"
wb_ok() { [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" = "$WB_VERSION" ]; }
if ! wb_ok; then wait_for_cargo_install wasm-bindgen-cli; fi
if wb_ok; then
  info "wasm-bindgen-cli $WB_VERSION: present"
else
  info "installing wasm-bindgen-cli $WB_VERSION (takes ~3 min on 2 cores)"
  cargo install wasm-bindgen-cli --version "$WB_VERSION"
  wb_ok || die "wasm-bindgen $WB_VERSION not on PATH after install"
fi

# 4. Debian chromium + chromedriver (never `playwright install`: GitHub/CDN downloads are unreachable).
#    node/npm too, should a machine lack them.
apt_pkgs=()
{ [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; } || apt_pkgs+=(chromium chromium-driver)
command -v node >/dev/null 2>&1 || apt_pkgs+=(nodejs)
command -v npm >/dev/null 2>&1 || apt_pkgs+=(npm)
if [ "${#apt_pkgs[@]}" -eq 0 ]; then
  info "chromium, chromedriver, node, npm: present"
else
  info "installing with apt-get: ${apt_pkgs[*]}"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${apt_pkgs[@]}"
fi

# 5. npm packages from the lockfile
if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  info "npm ci"
  npm ci --no-audit --no-fund
else
  info "node_modules: up to date"
fi
case "$(command -v wasm-opt || true)" in
  "$ROOT/node_modules/.bin/wasm-opt") info "wasm-opt: $(wasm-opt --version)" ;;
  *) die "wasm-opt on PATH is not node_modules/.bin/wasm-opt (binaryen 132 from npm)" ;;
esac

# 6. crates for every target (Trunk.toml sets offline = true, so the wasm build cannot download them itself)
if cargo fetch --offline >/dev/null 2>&1; then
  info "crates: all downloaded"
else
  info "cargo fetch"
  cargo fetch
fi

info "setup complete"
