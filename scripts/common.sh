# Sourced by the scripts in this folder: project root, PATH, helpers. Not meant to be run on its own.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# node_modules/.bin first: wasm-opt must be binaryen 132 from npm, never Debian's binaryen.
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

if [ -t 1 ]; then _B=$'\033[1m' _R=$'\033[31m' _N=$'\033[0m'; else _B='' _R='' _N=''; fi
section() { printf '\n%s==> %s%s\n' "$_B" "$*" "$_N"; }
info() { printf '    %s\n' "$*"; }
die() { printf '%sERROR: %s%s\n' "$_R" "$*" "$_N" >&2; exit 1; }

# The exact wasm-bindgen version of Cargo.lock (Trunk requires the CLI to match it).
wasm_bindgen_lock_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}
