#!/usr/bin/env bash
# Fuzzes the protocol handling the PWA runs (fuzz/fuzz_targets/frames.rs) for a bounded
# time: FUZZ_SECONDS (default 60). cargo-fuzz needs nightly flags; the stable toolchain
# takes them with RUSTC_BOOTSTRAP=1. A crash leaves its input in fuzz/artifacts/ and
# fails the run.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
command -v cargo-fuzz >/dev/null || cargo install -q cargo-fuzz
mkdir -p corpus/frames
RUSTC_BOOTSTRAP=1 cargo fuzz run frames corpus/frames -- \
  -max_total_time="${FUZZ_SECONDS:-60}" -print_final_stats=1 2>&1 | tail -n 25
