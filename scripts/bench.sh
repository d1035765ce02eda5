#!/usr/bin/env bash
# Runs every benchmark case against the local PostgreSQL (provisioned first) and writes the table
# to docs/performance.md. Extra arguments: an optional substring selecting cases by name.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/test-db.sh
mvn -B -q -DskipTests -pl benchmarks -am install
# A fixed heap keeps GC pauses of the 50k-entity cases from swamping the medians.
export MAVEN_OPTS="${MAVEN_OPTS:--Xms4g -Xmx4g}"
exec mvn -B -q -pl benchmarks exec:java -Dexec.args="$*"
