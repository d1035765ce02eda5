#!/usr/bin/env bash
# Runs every test of PG-ORM: provisions the local PostgreSQL (scripts/test-db.sh), then
# `mvn verify` (unit tests, formatting and build checks, integration tests against the server).
# Extra arguments go to Maven, for example: ./scripts/test.sh -pl integration-tests -am
#
# --pg <major> runs the integration tests against another PostgreSQL version instead (14, 16, 17:
# started by scripts/pg-versions.sh); 15 is the default server on 5432. For example:
#   ./scripts/test.sh --pg 17
#   ./scripts/test.sh --pg 14 -Dit.test=IndexIT
# Either way the integration tests' counts and every skipped test, by name, are printed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

pg=15
if [[ "${1:-}" == --pg ]]; then
  [[ -n "${2:-}" ]] || { echo "usage: $0 [--pg <major>] [maven arguments]" >&2; exit 2; }
  pg=$2
  shift 2
fi

# A missing database or extension fails the run instead of skipping tests.
export PGORM_TEST_REQUIRE=true

if [[ "$pg" == 15 ]]; then
  # On 15 nothing may skip, whatever the caller's shell holds.
  unset PGORM_TEST_ABSENT
  bash scripts/test-db.sh
  mvn_args=(-B verify "$@")
else
  out="$(bash scripts/pg-versions.sh "$pg")" || { printf '%s\n' "$out"; exit 1; }
  printf '%s\n' "$out"
  port="$(printf '54%02d' "$pg")"
  export PGORM_TEST_URL="jdbc:postgresql://127.0.0.1:$port/pgorm_test"
  export PGORM_TEST_USER=postgres
  unset PGORM_TEST_PASSWORD
  # Only the extensions this build lacks (read off the server just now) may skip their tests;
  # anything else missing still fails because PGORM_TEST_REQUIRE stays on.
  absent="$(printf '%s\n' "$out" | sed -n "s/^\[pg-versions\] $pg: absent: *//p")"
  # pg_dump refuses servers newer than itself, and no pg_dump past Debian 12's 15 reaches these
  # machines (zonky's builds have none; trixie's postgresql-17 source is not served): the
  # migration tests' final pg_dump comparison then skips on that version, by name.
  dump_major="$(pg_dump --version 2>/dev/null | sed -nE 's/.* ([0-9]+)\.[0-9]+.*/\1/p')"
  if [[ -z "$dump_major" || "$dump_major" -lt "$pg" ]]; then absent="$absent pg_dump"; fi
  # scripts/scale-out-db.sh runs a replica and PgBouncer beside 15 only: their tests skip here.
  absent="$absent replica pgbouncer"
  PGORM_TEST_ABSENT="$(echo $absent | tr ' ' ',')"
  export PGORM_TEST_ABSENT
  echo "[test] PostgreSQL $pg: $PGORM_TEST_URL; absent here, so their tests skip: ${PGORM_TEST_ABSENT:-nothing}"
  # The integration tests only: unit tests do not depend on the server and run in the 15 run.
  mvn_args=(-B verify -pl integration-tests -am -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false "$@")
fi

# Old reports would be counted again.
rm -rf integration-tests/target/failsafe-reports
rc=0
mvn "${mvn_args[@]}" || rc=$?
bash scripts/it-report.sh "PostgreSQL $pg" || true
exit "$rc"
