#!/usr/bin/env bash
# Formats all Java sources the way the build checks them (google-java-format, AOSP style), then
# copies the tagged source regions into the docs, since formatting may have changed them.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q com.diffplug.spotless:spotless-maven-plugin:apply -pl '!hibernate-pg-bom' "$@"
mvn -B -q -pl docs test -Dpgorm.docs.update=true
