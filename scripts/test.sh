#!/usr/bin/env bash
# Every test: installs what the tests need (GLPK; Debian's libical-dev; from PyPI highspy, PyYAML,
# holidays, icalendar and pytest), runs the Swift test suites, compares wsplan's plans with an
# independent exact optimum (Tests/oracle, HiGHS), and checks the calendars with libical and the
# icalendar parser across a re-plan (Tests/ical), and opens report.html in Debian's headless
# Chromium (Tests/report, installs chromium and websocket-client).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
if [ -d ../shared/data ]; then   # the shipped data is exactly what the build step makes of ../shared/data
  fresh=$(mktemp -d); scripts/make-resources.sh ../shared/data "$fresh" >/dev/null
  cmp "$fresh/places.csv" Sources/PlanningIO/Resources/places.csv
  cmp "$fresh/school-holidays.csv" Sources/PlanningIO/Resources/school-holidays.csv
  rm -rf "$fresh"; echo "data: places.csv and school-holidays.csv match ../shared/data"
fi
swift build --build-tests
swift test --skip-build
bin="$(swift build --show-bin-path)/wsplan"
WSPLAN_BIN="$bin" ORACLE_STRICT=1 scripts/oracle-test.sh
WSPLAN_BIN="$bin" scripts/ical-test.sh
WSPLAN_BIN="$bin" scripts/report-test.sh
WSPLAN_BIN="$bin" scripts/desk-test.sh
"${PYTHON:-python3}" -m pytest -q -p no:cacheprovider bench/test_benchmark.py   # the benchmark harness on canned output
"${PYTHON:-python3}" -c 'import ortools' 2>/dev/null || "${PYTHON:-python3}" -m pip install --quiet ortools
"${PYTHON:-python3}" -m pytest -q -p no:cacheprovider bench/test_cpsat.py   # the CP-SAT peer = the oracle's optimum
