#!/usr/bin/env bash
# Makes sure PostgreSQL's server programs (initdb, postgres, pg_ctl, pg_isready) are
# installed for the PostgreSQL tests, which start a throw-away cluster of their own
# (tests/src/postgres.rs). Installs Debian's `postgresql` package only when they are
# missing; a second run does nothing. Called by `scripts/setup.sh test`.
set -euo pipefail
log() { echo "setup-postgres: $*" >&2; }

have() {
  for bin in /usr/lib/postgresql/*/bin; do
    [ -x "$bin/initdb" ] && [ -x "$bin/postgres" ] && [ -x "$bin/pg_ctl" ] && { echo "$bin"; return 0; }
  done
  return 1
}

if bin=$(have); then
  log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') in $bin"
  exit 0
fi
log "installing Debian's postgresql"
apt-get update -qq >&2
# Only the programs are needed: do not start the package's own cluster as a service.
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
bin=$(have) || { log "postgresql installed, but no initdb/postgres in /usr/lib/postgresql/*/bin"; exit 1; }
log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') in $bin"
# The tests run the server as the `postgres` user when they run as root; the package
# creates that user.
id postgres >/dev/null 2>&1 || { log "the postgres user is missing"; exit 1; }
