#!/usr/bin/env bash
# Provides the PostgreSQL server that PG-ORM's tests and demo need, on Debian as root.
#
# Idempotent and safe to re-run; takes a few seconds when everything is already there.
#  - installs PostgreSQL 15, PostGIS (postgresql-15-postgis-3) if missing
#  - builds and installs pgvector from Debian's source package (suite trixie) if missing
#  - starts the cluster if it is down
#  - creates the test database, a non-privileged login role for RLS tests, and the extensions
#  - runs scripts/scale-out-db.sh: a streaming replica on 5433 and PgBouncer on 6432
#
# Environment (all optional):
#   PGORM_PG_VERSION   major version of the cluster (default 15)
#   PGORM_DBS          databases to create (default "pgorm_test pgorm_demo")
#   PGORM_APP_ROLE     non-superuser login role (default pgorm_app, password pgorm_app)
#   PGORM_TEST_URL     when set, points at a server that someone else provides: this script
#                      then does nothing but say so.
set -euo pipefail

PGV="${PGORM_PG_VERSION:-15}"
read -r -a DBS <<< "${PGORM_DBS:-pgorm_test pgorm_demo}"
APP_ROLE="${PGORM_APP_ROLE:-pgorm_app}"
EXTENSIONS=(vector postgis pg_trgm btree_gist hstore citext ltree pgcrypto)

say() { printf '[test-db] %s\n' "$*"; }
die() { printf '[test-db] ERROR: %s\n' "$*" >&2; exit 1; }

if [[ -n "${PGORM_TEST_URL:-}" ]]; then
  say "PGORM_TEST_URL is set ($PGORM_TEST_URL): using that server, nothing to provision here."
  exit 0
fi

SUDO=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || die "not root and no sudo: run this script as root, or set PGORM_TEST_URL to an existing server"
  SUDO=(sudo)
fi

APT_UPDATED=0
apt_update() {
  if [[ $APT_UPDATED -eq 0 ]]; then
    say "apt-get update"
    "${SUDO[@]}" apt-get update -qq || die "apt-get update failed (no network to Debian's archive?)"
    APT_UPDATED=1
  fi
}
apt_install() {
  apt_update
  say "installing: $*"
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "$@" >/dev/null \
    || die "apt-get install $* failed"
}
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

command -v apt-get >/dev/null || die "this script provisions Debian machines only; elsewhere set PGORM_TEST_URL (see docs/testing.md)"

# 1. PostgreSQL server and PostGIS
for pkg in "postgresql-$PGV" "postgresql-$PGV-postgis-3"; do
  if installed "$pkg"; then say "$pkg: already installed"; else apt_install "$pkg"; fi
done

PG_CONFIG="/usr/lib/postgresql/$PGV/bin/pg_config"
SHAREDIR="$("$PG_CONFIG" --sharedir)"

# 2. pgvector from Debian's source package
if [[ -f "$SHAREDIR/extension/vector.control" ]]; then
  say "pgvector: already installed ($(grep default_version "$SHAREDIR/extension/vector.control" | cut -d"'" -f2))"
else
  src_list=/etc/apt/sources.list.d/pgorm-trixie-src.sources
  if [[ ! -f $src_list ]]; then
    say "adding deb-src for trixie (source packages only) in $src_list"
    "${SUDO[@]}" tee "$src_list" >/dev/null <<SRC
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    APT_UPDATED=0
  fi
  for pkg in "postgresql-server-dev-$PGV" build-essential dpkg-dev; do
    installed "$pkg" || apt_install "$pkg"
  done
  apt_update
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  say "downloading pgvector source package"
  (cd "$work" && apt-get source -qq --download-only pgvector >/dev/null 2>&1) \
    || die "apt-get source --download-only pgvector failed"
  dsc="$(ls "$work"/pgvector_*.dsc | head -n1)"
  # apt-get verified the files against the signed Sources index; the maintainer key is not needed.
  (cd "$work" && dpkg-source -x "$dsc" src >/dev/null 2>&1) || die "could not unpack $dsc"
  say "building pgvector ($(basename "$dsc"))"
  make -s -C "$work/src" PG_CONFIG="$PG_CONFIG" >/dev/null 2>"$work/build.log" \
    || { cat "$work/build.log" >&2; die "pgvector build failed"; }
  "${SUDO[@]}" make -s -C "$work/src" PG_CONFIG="$PG_CONFIG" install >/dev/null \
    || die "pgvector install failed"
  say "pgvector installed"
fi

# 3. the cluster
if ! pg_lsclusters -h 2>/dev/null | awk '{print $1, $2}' | grep -q "^$PGV main$"; then
  say "creating cluster $PGV/main"
  "${SUDO[@]}" pg_createcluster "$PGV" main >/dev/null || die "pg_createcluster failed"
fi
hba="/etc/postgresql/$PGV/main/pg_hba.conf"
if ! grep -q "pgorm-test" "$hba"; then
  # Local test server only: trust on loopback, so tests and the demo need no password.
  say "allowing trust authentication on loopback in $hba (test machine only)"
  "${SUDO[@]}" sed -i '1i # pgorm-test: trust on loopback for the test server\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\nlocal all all trust' "$hba"
  "${SUDO[@]}" pg_ctlcluster --skip-systemctl-redirect "$PGV" main reload 2>/dev/null || true
fi
if pg_lsclusters -h | awk -v v="$PGV" '$1==v && $2=="main" {print $4}' | grep -q online; then
  say "cluster $PGV/main: running"
else
  say "starting cluster $PGV/main"
  "${SUDO[@]}" pg_ctlcluster --skip-systemctl-redirect "$PGV" main start || die "could not start PostgreSQL $PGV (see /var/log/postgresql/)"
fi
port="$(pg_lsclusters -h | awk -v v="$PGV" '$1==v && $2=="main" {print $3}')"
[[ "$port" == 5432 ]] || say "note: cluster listens on port $port, tests expect 5432 unless PGORM_TEST_URL is set"

for _ in $(seq 1 30); do
  psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -Atqc 'select 1' >/dev/null 2>&1 && break
  sleep 0.5
done
PSQL=(psql -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -Atq)
"${PSQL[@]}" -d postgres -c 'select 1' >/dev/null || die "cannot connect to PostgreSQL on 127.0.0.1:$port as postgres"

# 4. role, database, extensions
"${PSQL[@]}" -d postgres <<SQL || die "could not create role $APP_ROLE"
do \$\$ begin
  if not exists (select from pg_roles where rolname = '$APP_ROLE') then
    create role "$APP_ROLE" login password '$APP_ROLE' nosuperuser nocreatedb nocreaterole nobypassrls;
  end if;
end \$\$;
alter role "$APP_ROLE" nosuperuser nobypassrls;
SQL
for DB in "${DBS[@]}"; do
  if [[ "$("${PSQL[@]}" -d postgres -c "select count(*) from pg_database where datname = '$DB'")" == 0 ]]; then
    say "creating database $DB"
    "${PSQL[@]}" -d postgres -c "create database \"$DB\"" || die "could not create database $DB"
  fi
  for ext in "${EXTENSIONS[@]}"; do
    PGOPTIONS='-c client_min_messages=warning' "${PSQL[@]}" -d "$DB" -c "create extension if not exists \"$ext\" schema public" \
      || die "could not create extension $ext in $DB"
  done
  "${PSQL[@]}" -d "$DB" -c "grant connect on database \"$DB\" to \"$APP_ROLE\"" >/dev/null
  versions="$("${PSQL[@]}" -d "$DB" -c "select string_agg(extname || ' ' || extversion, ', ' order by extname) from pg_extension where extname <> 'plpgsql'")"
  say "ready: postgresql://127.0.0.1:$port/$DB (superuser postgres, app role $APP_ROLE); extensions: $versions"
done

# 5. the scale-out servers: a streaming replica on 5433 and PgBouncer on 6432
bash "$(dirname "$0")/scale-out-db.sh"
