#!/usr/bin/env bash
# Every test: installs what the tests need (GLPK; highspy, PyYAML, holidays and pytest from PyPI
# for the independent oracle), runs the Swift test suites, then compares wsplan's plans with an
# independent exact optimum (Tests/oracle, HiGHS).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build --build-tests
swift test --skip-build
WSPLAN_BIN="$(swift build --show-bin-path)/wsplan" ORACLE_STRICT=1 scripts/oracle-test.sh
