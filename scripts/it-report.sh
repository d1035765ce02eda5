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
import glob, re, sys, xml.etree.ElementTree as ET
label, folder = sys.argv[1], sys.argv[2]
run = failed = 0
failures = []
skipped = []
empty = []
for path in sorted(glob.glob(folder + "/TEST-*.xml")):
    suite = ET.parse(path).getroot()
    if suite.get("tests") == "0":
        # failsafe records a class whose @BeforeAll was aborted as running nothing
        empty.append(suite.get("name", path).rsplit(".", 1)[-1])
    for case in suite.iter("testcase"):
        run += 1
        cls = case.get("classname", "").rsplit(".", 1)[-1]
        # An aborted @BeforeAll is reported once for the class, with no method name.
        name = cls + "." + case.get("name") if case.get("name") else cls + " (whole class)"
        problem = case.find("failure")
        if problem is None:
            problem = case.find("error")
        if problem is not None:
            failed += 1
            message = (problem.get("message") or problem.get("type") or "").strip().splitlines()
            failures.append((name, message[0][:200] if message else ""))
        skip = case.find("skipped")
        if skip is not None:
            reason = (skip.get("message") or skip.text or "").strip().splitlines()
            reason = reason[0] if reason else ""
            reason = re.sub(r"^org\.opentest4j\.TestAbortedException: ", "", reason)
            # The harness's long message, shortened to what the skip needs.
            m = re.search(r"the extension (\w+), declared absent", reason)
            if m:
                reason = f"needs {m.group(1)} (PGORM_TEST_ABSENT)"
            elif "pg_dump as new as the server" in reason:
                reason = "needs pg_dump as new as the server (PGORM_TEST_ABSENT)"
            elif (m := re.search(r"the (replica|pgbouncer) server, declared absent", reason)):
                reason = f"needs the {m.group(1)} server of scripts/scale-out-db.sh (PGORM_TEST_ABSENT)"
            skipped.append((name, reason))
print()
print(f"[it-report] {label}: {run} integration tests, {run - len(skipped) - failed} passed, "
      f"{failed} failed, {len(skipped)} skipped")
for name, message in failures:
    print(f"[it-report]   FAILED {name}: {message}")
for name, reason in skipped:
    print(f"[it-report]   skipped {name}: {reason}")
for name in empty:
    print(f"[it-report]   NO TESTS RAN in {name} (an aborted @BeforeAll?): look at its report")
PY
