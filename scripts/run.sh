#!/usr/bin/env bash
# Quick start, command 1: set up, build the PWA and the server in release mode, and run
# the server with its embedded SQLite database under ./data, serving the PWA and the sync
# websocket on http://127.0.0.1:8080 (FIELDBASE_ADDR to change it).
set -euo pipefail
cd "$(dirname "$0")/.."
wasm_env=$(scripts/setup.sh app)
( eval "$wasm_env"; scripts/build-web.sh )
cargo build --release -p fieldbase-sync-server
exec target/release/fieldbase-server --data ./data serve --addr "${FIELDBASE_ADDR:-127.0.0.1:8080}" --web web/dist
