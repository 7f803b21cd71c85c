#!/usr/bin/env bash
# Builds the Fieldbase PWA into web/dist/:
#   1. cargo build of fieldbase-web for wasm32-unknown-unknown, profile wasm-release,
#      in its own target dir (target/wasm) so it never invalidates the native build;
#   2. wasm-bindgen --target web (the CLI must be the exact version in Cargo.lock);
#   3. wasm-opt -Oz with tests/js/node_modules/.bin/wasm-opt when present (skipped with
#      a message otherwise; a failure keeps the unoptimised module, never the build);
#   4. copies web/static/ and writes sw.js with the precache list and a content hash.
#
# Environment (all optional):
#   RUSTC, WASM_CARGO_FLAGS  a fallback toolchain, e.g. RUSTC=... RUSTC_BOOTSTRAP=1
#                            WASM_CARGO_FLAGS='-Z build-std=std,panic_abort'
#   WASM_BINDGEN             the wasm-bindgen CLI (default: wasm-bindgen on PATH)
#   WASM_OPT                 the wasm-opt binary (default: tests/js/node_modules/.bin/wasm-opt)
#   FB_WEB_DIST              output directory (default: web/dist)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
START=$(date +%s.%N)
DIST="${FB_WEB_DIST:-$ROOT/web/dist}"
TARGET_DIR="$ROOT/target/wasm"
PROFILE=wasm-release
WASM_IN="$TARGET_DIR/wasm32-unknown-unknown/$PROFILE/fieldbase-web.wasm"

say() { printf '[build-web] %s\n' "$*" >&2; }
elapsed() { awk -v s="$START" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }'; }

# --- 1. cargo ----------------------------------------------------------------------
# getrandom's browser backend, for the wasm target only (host build scripts and proc
# macros keep their own flags). RUSTFLAGS, when set, takes precedence over the
# per-target variable in cargo, so the flag goes there instead (with an explicit
# --target, RUSTFLAGS does not reach host artifacts either).
GETRANDOM_CFG='--cfg getrandom_backend="wasm_js"'
if [ -n "${RUSTFLAGS:-}" ]; then
  export RUSTFLAGS="$RUSTFLAGS $GETRANDOM_CFG"
else
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS:-} $GETRANDOM_CFG"
fi
# shellcheck disable=SC2086  # WASM_CARGO_FLAGS is a list of flags
say "cargo build -p fieldbase-web --target wasm32-unknown-unknown --profile $PROFILE ${WASM_CARGO_FLAGS:-}${RUSTC:+ (RUSTC=$RUSTC)}"
cargo build -p fieldbase-web --target wasm32-unknown-unknown --profile "$PROFILE" \
  --target-dir "$TARGET_DIR" ${WASM_CARGO_FLAGS:-}
say "cargo done after $(elapsed) s"

# --- 2. wasm-bindgen ---------------------------------------------------------------
BINDGEN="${WASM_BINDGEN:-wasm-bindgen}"
WANT=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! command -v "$BINDGEN" >/dev/null 2>&1; then
  say "error: wasm-bindgen CLI not found; install it with: cargo install wasm-bindgen-cli --version $WANT"
  exit 1
fi
HAVE=$("$BINDGEN" --version | awk '{ print $2 }')
if [ -n "$WANT" ] && [ "$HAVE" != "$WANT" ]; then
  say "error: wasm-bindgen CLI is $HAVE but Cargo.lock has $WANT: cargo install wasm-bindgen-cli --version $WANT"
  exit 1
fi
case "$(cd "$(dirname "$DIST")" 2>/dev/null && pwd)/$(basename "$DIST")" in
  / | "$ROOT" | "$ROOT/" | "$HOME") say "error: refusing to use $DIST as the output directory"; exit 1 ;;
esac
rm -rf "$DIST"
mkdir -p "$DIST"
"$BINDGEN" --target web --no-typescript --out-name fieldbase_web --out-dir "$DIST" "$WASM_IN"
WASM_OUT="$DIST/fieldbase_web_bg.wasm"

# --- 3. wasm-opt -------------------------------------------------------------------
OPT="${WASM_OPT:-$ROOT/tests/js/node_modules/.bin/wasm-opt}"
if [ -x "$OPT" ] || command -v "$OPT" >/dev/null 2>&1; then
  if "$OPT" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      "$WASM_OUT" -o "$WASM_OUT.opt" 2>"$DIST/.wasm-opt.log"; then
    mv "$WASM_OUT.opt" "$WASM_OUT"
    say "wasm-opt -Oz done"
  else
    say "wasm-opt failed (keeping the unoptimised module): $(head -c 400 "$DIST/.wasm-opt.log")"
    rm -f "$WASM_OUT.opt"
  fi
  rm -f "$DIST/.wasm-opt.log"
else
  say "wasm-opt not found at $OPT: skipping (run 'npm ci' in tests/js for binaryen's wasm-opt)"
fi

# --- 4. static files and the service worker ----------------------------------------
cp -R "$ROOT/web/static/." "$DIST/"
PRECACHE=()
while IFS= read -r f; do
  PRECACHE+=("/${f#./}")
done < <(cd "$DIST" && find . -type f ! -name sw.js ! -name '.*' | LC_ALL=C sort)
VERSION=$(cd "$DIST" && find . -type f ! -name sw.js ! -name '.*' -print0 | LC_ALL=C sort -z \
  | xargs -0 sha256sum | sha256sum | cut -c1-16)
LIST=$(printf '"%s",' "${PRECACHE[@]}")
LIST="[${LIST%,}]"
python3 - "$DIST/sw.js" "$VERSION" "$LIST" <<'PY'
import sys
path, version, listing = sys.argv[1:4]
text = open(path, encoding="utf-8").read()
assert "__FB_VERSION__" in text and "__FB_PRECACHE__" in text, "sw.js template placeholders missing"
text = text.replace("__FB_VERSION__", version).replace("__FB_PRECACHE__", listing)
open(path, "w", encoding="utf-8").write(text)
PY

RAW=$(wc -c <"$WASM_OUT")
GZ=$(gzip -9 -c "$WASM_OUT" | wc -c)
JS=$(wc -c <"$DIST/fieldbase_web.js")
say "precache ${#PRECACHE[@]} files, version $VERSION"
say "fieldbase_web_bg.wasm: $RAW bytes raw, $GZ bytes gzip -9 ($((RAW / 1024)) KiB / $((GZ / 1024)) KiB); JS glue $JS bytes"
say "built $DIST in $(elapsed) s"
