#!/usr/bin/env bash
# Runs the PWA's wasm tests (web/tests/*.rs) in a real headless Chromium:
#   cargo test -p fieldbase-web --target wasm32-unknown-unknown --target-dir target/wasm
# with wasm-bindgen-test-runner as the target's runner. The runner starts chromedriver
# and reads web/webdriver.json for Chromium's arguments: --no-sandbox and friends, since
# Chromium runs as root here.
#
# Environment (all optional):
#   RUSTC, WASM_CARGO_FLAGS   a fallback toolchain, as for scripts/build-web.sh
#   CHROMEDRIVER              the chromedriver binary (default /usr/bin/chromedriver)
#   WASM_BINDGEN_TEST_TIMEOUT seconds the whole page of tests may take (default 120)
# Needs wasm-bindgen-test-runner of the wasm-bindgen version in Cargo.lock on PATH
# (cargo install wasm-bindgen-cli installs it with wasm-bindgen).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"
# The runner looks for ./webdriver.json; name it outright rather than rely on the
# directory cargo starts it in.
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="${WASM_BINDGEN_TEST_WEBDRIVER_JSON:-$PWD/web/webdriver.json}"
# The same flag as scripts/build-web.sh, so both share target/wasm's build cache.
GETRANDOM_CFG='--cfg getrandom_backend="wasm_js"'
if [ -n "${RUSTFLAGS:-}" ]; then
  export RUSTFLAGS="$RUSTFLAGS $GETRANDOM_CFG"
else
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$GETRANDOM_CFG"
fi

if ! command -v wasm-bindgen-test-runner >/dev/null 2>&1; then
  echo "test-wasm: wasm-bindgen-test-runner not found (cargo install wasm-bindgen-cli)" >&2
  exit 1
fi
if [ ! -x "$CHROMEDRIVER" ]; then
  echo "test-wasm: $CHROMEDRIVER not found (apt-get install chromium chromium-driver)" >&2
  exit 1
fi

# Chromium leaves a scoped directory of about 110 MB in TMPDIR for every run
# (chromedriver stops it without letting it clean up): give it one of its own.
tmp=$(mktemp -d -t fieldbase-wasm-test-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
export TMPDIR="$tmp"

# shellcheck disable=SC2086  # WASM_CARGO_FLAGS is a list of flags
cargo test -p fieldbase-web --target wasm32-unknown-unknown --target-dir target/wasm \
  ${WASM_CARGO_FLAGS:-}
