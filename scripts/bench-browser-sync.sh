#!/usr/bin/env bash
# Browser benchmark against a real server (tests/js/bench-sync.mjs): a release server
# with a fresh SQLite database, seeded with core's generated base (default 10,000
# clients), then the release PWA in headless Chromium: the first sync on a new device,
# reopening from IndexedDB, the longest main-thread tasks of both. Prints BENCH lines.
#   FIELDBASE_BENCH_CLIENTS  base size (default 10000)
# Needs what scripts/test.sh needs (scripts/setup.sh test installs it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
n="${FIELDBASE_BENCH_CLIENTS:-10000}"
wasm_env=$(scripts/setup.sh test 2>/dev/null)
( eval "$wasm_env"; scripts/build-web.sh ) >/dev/null
cargo build -q --release -p fieldbase-sync-server -p fieldbase-tests --bin fieldbase-server --bin seed
data=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
password=bench-$RANDOM$RANDOM
FIELDBASE_ADMIN_PASSWORD=$password target/release/fieldbase-server --data "$data" serve \
  --addr "127.0.0.1:$port" --web web/dist >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
seeded=$(target/release/seed "http://127.0.0.1:$port" admin "$password" "$n" sample)
echo "$seeded"
listed=$(sed -n 's/.* listed \([0-9]*\).*/\1/p' <<<"$seeded")
FB_URL="http://127.0.0.1:$port/" FB_USER=admin FB_PASSWORD=$password FB_CLIENTS=$listed \
  node tests/js/bench-sync.mjs
