#!/usr/bin/env bash
# Quick start, command 2: set up and run every test: formatting and lints, the native
# unit and end-to-end tests (real server processes, the Node automerge-repo client,
# headless Chromium), and the wasm build of the PWA they use. `.ci/run` calls this.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
results=$(mktemp)
trap 'rm -f "$results"' EXIT
step() { echo "== $* ($(( $(date +%s) - start )) s)"; }

step setup
wasm_env=$(scripts/setup.sh test)

step "cargo fmt --check"
cargo fmt --all --check

step "cargo clippy (native, all targets)"
cargo clippy --workspace --all-targets -q -- -D warnings

step "build the PWA (wasm32, release)"
( eval "$wasm_env"; scripts/build-web.sh )

step "build the core's JavaScript API (wasm32, for Node)"
( eval "$wasm_env"; scripts/build-js-api.sh )

if [ -z "${RUSTC:-}" ] && ! grep -q RUSTC <<<"$wasm_env"; then
  step "cargo clippy (wasm32: core and web)"
  # core's lib (its tests run natively: proptest does not build for wasm32), and the web
  # crate with its wasm tests.
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS='--cfg getrandom_backend="wasm_js"'
  cargo clippy -q -p fieldbase-core --features js --target wasm32-unknown-unknown \
    --target-dir target/wasm -- -D warnings
  cargo clippy -q -p fieldbase-web --tests --target wasm32-unknown-unknown \
    --target-dir target/wasm -- -D warnings
  unset CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS
fi

step "wasm tests in headless Chromium (real IndexedDB)"
( eval "$wasm_env"; scripts/test-wasm.sh ) 2>&1 | tee -a "$results"

step "fuzz the protocol handling (${FUZZ_SECONDS:-60} s)"
scripts/fuzz.sh

step "cargo test (native: unit, end to end, interop, browser)"
cargo test --workspace 2>&1 | tee -a "$results"

step "done"
# One closing line over every test runner above.
awk '/^test result:/ { p += $4; f += $6 } END { printf "tests: %d passed, %d failed\n", p, f }' "$results"
