#!/usr/bin/env bash
# Prints what the last integration-test run did, from failsafe's XML reports: tests run, failed,
# skipped, and every skipped test by name with its reason, so a skip is never silent.
# Usage: scripts/it-report.sh [label]
set -euo pipefail
cd "$(dirname "$0")/.."
label="${1:-integration tests}"
reports=integration-tests/target/failsafe-reports
if ! compgen -G "$reports/TEST-*.xml" >/dev/null; then
  echo "[it-report] $label: no failsafe reports in $reports"
  exit 0
fi
# python3 is on every CI machine of this kind and parses XML properly; grep would not.
python3 - "$label" "$reports" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
label, folder = sys.argv[1], sys.argv[2]
run = failed = 0
skipped = []
for path in sorted(glob.glob(folder + "/TEST-*.xml")):
    for case in ET.parse(path).getroot().iter("testcase"):
        run += 1
        cls = case.get("classname", "").rsplit(".", 1)[-1]
        # An aborted @BeforeAll is reported once for the class, with no method name.
        name = cls + "." + case.get("name") if case.get("name") else cls + " (whole class)"
        if case.find("failure") is not None or case.find("error") is not None:
            failed += 1
        skip = case.find("skipped")
        if skip is not None:
            reason = (skip.get("message") or skip.text or "").strip().splitlines()
            skipped.append((name, reason[0] if reason else ""))
print(f"[it-report] {label}: {run} integration tests, {run - len(skipped) - failed} passed, "
      f"{failed} failed, {len(skipped)} skipped")
for name, reason in skipped:
    print(f"[it-report]   skipped {name}: {reason}")
PY
