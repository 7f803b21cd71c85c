#!/usr/bin/env bash
# Builds the JavaScript API of fieldbase-core (feature `js`, src/js.rs) into
# target/js-api/ (or $FB_JS_API_OUT):
#   1. cargo rustc of fieldbase-core as a cdylib for wasm32-unknown-unknown, profile
#      wasm-release, in target/wasm (shared with the PWA build);
#   2. wasm-bindgen --target nodejs (or $FB_JS_API_TARGET: web, bundler), the CLI at the
#      exact version in Cargo.lock.
# Environment as for scripts/build-web.sh (RUSTC, WASM_CARGO_FLAGS, WASM_BINDGEN).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="${FB_JS_API_OUT:-$ROOT/target/js-api}"
JS_TARGET="${FB_JS_API_TARGET:-nodejs}"
TARGET_DIR="$ROOT/target/wasm"
PROFILE=wasm-release
say() { printf '[build-js-api] %s\n' "$*" >&2; }

GETRANDOM_CFG='--cfg getrandom_backend="wasm_js"'
if [ -n "${RUSTFLAGS:-}" ]; then
  export RUSTFLAGS="$RUSTFLAGS $GETRANDOM_CFG"
else
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS:-} $GETRANDOM_CFG"
fi
say "cargo rustc -p fieldbase-core --features js --crate-type cdylib (wasm32, $PROFILE)"
# shellcheck disable=SC2086  # WASM_CARGO_FLAGS is a list of flags
cargo rustc -p fieldbase-core --lib --features js --crate-type cdylib \
  --target wasm32-unknown-unknown --profile "$PROFILE" --target-dir "$TARGET_DIR" \
  ${WASM_CARGO_FLAGS:-}

BINDGEN="${WASM_BINDGEN:-wasm-bindgen}"
WANT=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! command -v "$BINDGEN" >/dev/null 2>&1; then
  say "error: wasm-bindgen CLI not found; run scripts/setup.sh (or cargo install wasm-bindgen-cli --version $WANT)"
  exit 1
fi
HAVE=$("$BINDGEN" --version | awk '{ print $2 }')
if [ -n "$WANT" ] && [ "$HAVE" != "$WANT" ]; then
  say "error: wasm-bindgen CLI is $HAVE but Cargo.lock has $WANT"
  exit 1
fi
mkdir -p "$OUT"
"$BINDGEN" --target "$JS_TARGET" --out-name fieldbase_core --out-dir "$OUT" \
  "$TARGET_DIR/wasm32-unknown-unknown/$PROFILE/fieldbase_core.wasm"
say "wrote $OUT ($(du -k "$OUT/fieldbase_core_bg.wasm" | cut -f1) KiB wasm)"
