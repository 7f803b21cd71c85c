#!/usr/bin/env bash
# Installs what Fieldbase needs to build and test, skipping whatever is already there.
#
#   scripts/setup.sh app    the wasm32 standard library, wasm-bindgen-cli, npm packages
#                           (wasm-opt); enough to build and run the app
#   scripts/setup.sh test   all of the above, plus Chromium for the browser tests and
#                           PostgreSQL's programs for the PostgreSQL tests
#
# Prints on stdout the variables a wasm build needs (meant for eval, in a subshell:
# RUSTC must not leak into native builds); progress goes to stderr.
# A second run with everything in place takes a few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-test}
log() { echo "setup: $*" >&2; }

# --- 1. The wasm32 standard library -------------------------------------------------
# rustup first (20 s at most: its server is not a promised registry); else Debian's
# rustc-web with the std sources, unpacked beside the project, building std from source.
wasm_dir=${FIELDBASE_WASM_TOOLCHAIN:-$HOME/.cache/fieldbase/wasm-toolchain}
wasm_env="export WASM_CARGO_FLAGS=''"
if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  log "wasm32: rustup has the target"
elif [ ! -x "$wasm_dir/rustc" ] && timeout 20 rustup target add wasm32-unknown-unknown >&2 2>&1; then
  log "wasm32: rustup added the target"
else
  if [ ! -x "$wasm_dir/rustc" ]; then
    log "wasm32: rustup cannot add the target; unpacking Debian's rustc-web into $wasm_dir"
    [ -n "$(apt-cache policy rustc-web 2>/dev/null | awk '/Candidate:/ {print $2}' | grep -v none)" ] || apt-get update -qq >&2
    ver=$(apt-cache policy rustc-web | awk '/Candidate:/ {print $2}')
    { [ -n "$ver" ] && [ "$ver" != "(none)" ]; } || { log "Debian's rustc-web is not available"; exit 1; }
    short=$(echo "$ver" | sed -E 's/^([0-9]+\.[0-9]+).*/\1/')
    tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
    ( cd "$tmp" && apt-get download -qq "rustc-web=$ver" "rust-web-src=$ver" \
        "libstd-rust-web-dev=$ver" "libstd-rust-web-$short=$ver" >&2 2>&1 )
    llvm=$(dpkg-deb -f "$tmp"/libstd-rust-web-"$short"_*.deb Depends | grep -oE 'libllvm[0-9]+' | head -n1)
    dpkg -s "$llvm" >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$llvm" >&2
    mkdir -p "$wasm_dir/root"
    for deb in "$tmp"/*.deb; do dpkg-deb -x "$deb" "$wasm_dir/root"; done
    lld=$(rustc --print sysroot)/lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld
    mkdir -p "$wasm_dir/root/usr/lib/rustlib/x86_64-unknown-linux-gnu/bin"
    cp "$lld" "$wasm_dir/root/usr/lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld"
    cat > "$wasm_dir/rustc" <<WRAP
#!/bin/sh
LD_LIBRARY_PATH="$wasm_dir/root/usr/lib/x86_64-linux-gnu\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}" exec "$wasm_dir/root/usr/bin/rustc" "\$@"
WRAP
    chmod +x "$wasm_dir/rustc"
  fi
  "$wasm_dir/rustc" --print target-list | grep -qx wasm32-unknown-unknown || { log "$wasm_dir/rustc cannot target wasm32"; exit 1; }
  log "wasm32: using $("$wasm_dir/rustc" --version) with std built from source"
  wasm_env="export RUSTC='$wasm_dir/rustc' RUSTC_BOOTSTRAP=1 WASM_CARGO_FLAGS='-Z build-std=std,panic_abort'"
fi

# --- 2. wasm-bindgen-cli, exactly the version in Cargo.lock ---------------------------
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
[ -n "$want" ] || { log "Cargo.lock has no wasm-bindgen"; exit 1; }
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
  log "installing wasm-bindgen-cli $want (a few minutes, once)"
  cargo install -q wasm-bindgen-cli --version "=$want" >&2
fi
log "wasm-bindgen $want"

# --- 3. npm packages (playwright-core, the automerge-repo client, binaryen's wasm-opt) --
lock_sum=$(sha256sum tests/js/package-lock.json | cut -d' ' -f1)
if [ "$(cat tests/js/node_modules/.fieldbase-lock 2>/dev/null)" != "$lock_sum" ]; then
  log "npm ci in tests/js"
  if ( cd tests/js && npm ci --no-audit --no-fund --loglevel=error >&2 ); then
    echo "$lock_sum" > tests/js/node_modules/.fieldbase-lock
  elif [ "$what" = test ]; then
    log "npm ci failed"; exit 1
  else
    log "npm ci failed: the app builds without wasm-opt (a larger .wasm)"
  fi
fi

# --- 3b. make, which the server's allocator (tikv-jemalloc-sys) builds jemalloc with --
if ! command -v make >/dev/null; then
  log "installing make (jemalloc is built with it)"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq make >&2
fi

# --- 4. cargo-fuzz, for the bounded fuzzing run of the tests ------------------------
if [ "$what" = test ] && ! command -v cargo-fuzz >/dev/null; then
  log "installing cargo-fuzz"
  cargo install -q cargo-fuzz >&2
fi

# --- 5. Chromium for the browser tests -----------------------------------------------
if [ "$what" = test ] && ! { [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; }; then
  log "installing Debian's chromium and chromium-driver"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >&2
fi

# --- 6. PostgreSQL's programs for the PostgreSQL tests (each starts its own cluster) --
if [ "$what" = test ]; then
  scripts/setup-postgres.sh
fi

echo "$wasm_env"
