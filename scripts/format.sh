#!/usr/bin/env bash
# Formats all Java sources the way the build checks them (google-java-format, AOSP style).
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -B -q com.diffplug.spotless:spotless-maven-plugin:apply -pl '!hibernate-pg-bom' "$@"
