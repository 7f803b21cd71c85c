#!/usr/bin/env bash
# Browser benchmark (web/tests/browser_bench.rs): the generated 10,000-client base in a
# real headless Chromium's IndexedDB, release build; prints the BENCH lines (open,
# longest task, search per keystroke, saving a lead, each with its baseline).
#   FIELDBASE_BENCH_CLIENTS  base size (default 10000)
# Needs what scripts/test-wasm.sh needs (scripts/setup.sh test installs it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
eval "$(scripts/setup.sh test 2>/dev/null)"
export FIELDBASE_BROWSER_BENCH=1
export FIELDBASE_BENCH_CLIENTS="${FIELDBASE_BENCH_CLIENTS:-10000}"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-1800}"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/web/webdriver.json"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS='--cfg getrandom_backend="wasm_js"'
# shellcheck disable=SC2086
cargo test -p fieldbase-web --release --test browser_bench --target wasm32-unknown-unknown \
  --target-dir target/wasm ${WASM_CARGO_FLAGS:-} -- --nocapture 2>&1 | tee target/bench-browser.log | grep -E "BENCH|test result|panicked|error"
