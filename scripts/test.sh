#!/usr/bin/env bash
# Runs every test of PG-ORM: provisions the local PostgreSQL (scripts/test-db.sh), then
# `mvn verify` (unit tests, formatting and build checks, integration tests against the server).
# Extra arguments go to Maven, for example: ./scripts/test.sh -pl integration-tests -am
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/test-db.sh
# A missing database or extension fails the run instead of skipping tests.
export PGORM_TEST_REQUIRE=true
exec mvn -B verify "$@"
