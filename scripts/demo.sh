#!/usr/bin/env bash
# Runs the demo application (examples/demo) against the local PostgreSQL, provisioning it first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/test-db.sh
echo "[demo] building (tests are run by ./scripts/test.sh, not here)"
mvn -B -q -DskipTests -pl examples/demo -am install
exec mvn -B -q -pl examples/demo exec:java
