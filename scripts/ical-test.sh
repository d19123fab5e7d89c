#!/usr/bin/env bash
# Tests the calendars wsplan writes (Tests/ical): byte-level checks, libical's RFC 5546
# restriction check (Tests/ical/icalcheck.c, Debian's libical-dev) and the PyPI `icalendar`
# parser against plan.json, across a re-plan. Installs libical-dev (apt-get) and icalendar and
# pytest (pip) when missing. WSPLAN_BIN selects the binary (default .build/debug/wsplan); extra
# arguments go to pytest. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
export PYTHONDONTWRITEBYTECODE=1   # no __pycache__ in the source tree

if ! pkg-config --exists libical 2>/dev/null; then
  echo "ical-test: installing libical-dev with apt-get" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq libical-dev pkg-config >/dev/null
fi
if ! "$PY" -c 'import icalendar, pytest' 2>/dev/null; then
  echo "ical-test: installing icalendar and pytest with pip" >&2
  "$PY" -m pip install --quiet icalendar pytest
fi

export WSPLAN_BIN=${WSPLAN_BIN:-.build/debug/wsplan}
if [ ! -x "$WSPLAN_BIN" ]; then
  echo "ical-test: wsplan binary not found at $WSPLAN_BIN (build it or set WSPLAN_BIN)" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck disable=SC2046  # pkg-config's flags are meant to split
"${CC:-cc}" -Wall -Wextra -o "$work/icalcheck" Tests/ical/icalcheck.c $(pkg-config --cflags --libs libical)
export ICALCHECK_BIN="$work/icalcheck"

"$PY" -m pytest -q -p no:cacheprovider Tests/ical "$@"
