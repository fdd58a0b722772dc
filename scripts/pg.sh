#!/usr/bin/env bash
# Project-local PostgreSQL 15 cluster: data in .pgdata/, socket in .pgrun/,
# no TCP listener, never run as root, a dedicated non-superuser role "uchaske".
# Usage: scripts/pg.sh start|stop|status|extensions DB|psql [args]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PGDATA="$ROOT/.pgdata"
PGRUN="$ROOT/.pgrun"
PGPORT=5432
ROLE=uchaske
ROLE_PASSWORD=uchaske
PGBIN="$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || true)"

die() { echo "pg.sh: $*" >&2; exit 1; }
[ -n "$PGBIN" ] || die "PostgreSQL 15 is not installed. Run: sudo apt-get update && sudo apt-get install -y postgresql"

# The server refuses to run as root: run it as the cluster owner.
if [ "$(id -u)" = 0 ]; then
  OWNER=postgres
  id "$OWNER" >/dev/null 2>&1 || die "user 'postgres' missing (install the postgresql package)"
  as_owner() { runuser -u "$OWNER" -- "$@"; }
else
  OWNER="$(id -un)"
  as_owner() { "$@"; }
fi

psql_super() { as_owner "$PGBIN/psql" -h "$PGRUN" -p "$PGPORT" -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

# The cluster owner must be able to reach the checkout (e.g. a clone under
# /root): grant it search permission (x only, no listing) on each parent
# directory with an ACL, the narrowest change that works.
ensure_reachable() {
  as_owner test -x "$ROOT" -a -w "$PGDATA" && return 0
  [ "$(id -u)" = 0 ] || die "user $OWNER cannot enter $ROOT"
  command -v setfacl >/dev/null || die "user $OWNER cannot enter $ROOT; install 'acl' (apt-get install acl) or run: chmod o+x on its parent directories"
  local dir="$ROOT"
  while [ "$dir" != / ]; do
    as_owner test -x "$dir" || { setfacl -m "u:$OWNER:x" "$dir"; echo "granted $OWNER search access to $dir"; }
    dir="$(dirname "$dir")"
  done
  as_owner test -x "$ROOT" || die "user $OWNER still cannot enter $ROOT"
}

# The extensions our role may not create (PostGIS is not "trusted"), made by
# the superuser in database $1 when the cluster offers them: template1 at
# start, the database upgraded by "./uchaske upgrade" (made before).
ensure_extensions() {
  local db="$1"
  if [ "$(psql_super -c "SELECT 1 FROM pg_available_extensions WHERE name='postgis'")" = 1 ] \
      && [ "$(psql_super -d "$db" -c "SELECT 1 FROM pg_extension WHERE extname='postgis'")" != 1 ]; then
    psql_super -d "$db" -c "CREATE EXTENSION IF NOT EXISTS postgis"
    echo "extension postgis created in $db"
  fi
}

running() { [ -f "$PGDATA/postmaster.pid" ] && as_owner "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; }

start() {
  mkdir -p "$PGRUN"
  if [ ! -s "$PGDATA/PG_VERSION" ]; then
    mkdir -p "$PGDATA"
    chown "$OWNER" "$PGDATA" "$PGRUN"
    chmod 700 "$PGDATA"
    ensure_reachable
    as_owner "$PGBIN/initdb" -D "$PGDATA" -U postgres -E UTF8 --locale=C.UTF-8 \
      --auth-local=peer --auth-host=reject >/dev/null
    cat >> "$PGDATA/postgresql.conf" <<CONF
# uchaske: Unix socket only, inside the checkout
listen_addresses = ''
unix_socket_directories = '$PGRUN'
unix_socket_permissions = 0777
port = $PGPORT
fsync = on
CONF
    # peer for the cluster owner, a password for everyone else (Odoo)
    cat > "$PGDATA/pg_hba.conf" <<HBA
local all postgres peer map=owner
local all all scram-sha-256
HBA
    cat > "$PGDATA/pg_ident.conf" <<IDENT
owner $OWNER postgres
IDENT
  fi
  chown "$OWNER" "$PGRUN"
  if running; then
    echo "PostgreSQL already running (socket $PGRUN)"
  else
    as_owner "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 60 start >/dev/null \
      || { tail -20 "$PGDATA/server.log" >&2; die "could not start PostgreSQL"; }
    echo "PostgreSQL started (socket $PGRUN)"
  fi
  if [ "$(psql_super -c "SELECT 1 FROM pg_roles WHERE rolname='$ROLE'")" != 1 ]; then
    psql_super -c "CREATE ROLE $ROLE LOGIN CREATEDB NOSUPERUSER NOCREATEROLE PASSWORD '$ROLE_PASSWORD'"
    echo "role $ROLE created"
  fi
  # pg_trgm (trigram indexes for the name searches, issue 14) is created by
  # the superuser in template1, so every database made after has it; the
  # addons create their trigram indexes only where it exists.
  if [ "$(psql_super -d template1 -c "SELECT 1 FROM pg_extension WHERE extname='pg_trgm'")" != 1 ]; then
    psql_super -d template1 -c "CREATE EXTENSION IF NOT EXISTS pg_trgm"
    echo "extension pg_trgm created in template1"
  fi
  # PostGIS (district boundaries, addons/uchaske_geo, OCA base_geoengine):
  # only a superuser creates it, and our role is none -- so in template1
  # too, where the package (postgresql-15-postgis-3) is installed.
  # base_geoengine's install hook then finds it and creates nothing.
  ensure_extensions template1
}

stop() {
  if running; then
    as_owner "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null
    echo "PostgreSQL stopped"
  else
    echo "PostgreSQL not running"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  extensions) [ -n "${2:-}" ] || die "usage: $0 extensions DB"; ensure_extensions "$2" ;;
  status) if running; then echo "running (socket $PGRUN)"; else echo "stopped"; exit 3; fi ;;
  psql) shift; PGPASSWORD=$ROLE_PASSWORD "$PGBIN/psql" -h "$PGRUN" -p "$PGPORT" -U "$ROLE" "$@" ;;
  *) echo "usage: $0 start|stop|status|extensions DB|psql [args]" >&2; exit 2 ;;
esac
