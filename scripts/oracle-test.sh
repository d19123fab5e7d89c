#!/usr/bin/env bash
# Tests wsplan against an independent exact optimum (Tests/oracle: HiGHS via highspy).
# WSPLAN_BIN selects the binary (default .build/debug/wsplan); ORACLE_STRICT=1 demands the exact
# optimum even where wsplan reports a gap. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if ! "$PY" -c 'import highspy, yaml, holidays, pytest' 2>/dev/null; then
  "$PY" -m pip install --quiet highspy pyyaml holidays pytest
fi
export WSPLAN_BIN=${WSPLAN_BIN:-.build/debug/wsplan}
if [ ! -x "$WSPLAN_BIN" ]; then
  echo "oracle-test: wsplan binary not found at $WSPLAN_BIN (build it or set WSPLAN_BIN)" >&2
  exit 1
fi
exec "$PY" -m pytest -q -p no:cacheprovider Tests/oracle "$@"
