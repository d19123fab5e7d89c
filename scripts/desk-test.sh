#!/usr/bin/env bash
# Real-browser test of `wsplan serve` (Tests/desk/check_desk.py) in Debian's headless Chromium over
# the DevTools protocol, on a temporary copy of Scenarios/. Installs chromium (apt-get) and
# websocket-client and icalendar (pip) when missing. WSPLAN_BIN selects the binary.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if ! command -v chromium >/dev/null 2>&1; then
  sudo=""; if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq && $sudo apt-get install -y -qq chromium >/dev/null
fi
"$PY" -c 'import websocket' 2>/dev/null || "$PY" -m pip install --quiet websocket-client
"$PY" -c 'import icalendar' 2>/dev/null || "$PY" -m pip install --quiet icalendar
bin=${WSPLAN_BIN:-$(swift build --show-bin-path)/wsplan}
# The server runs in a temporary folder: a relative WSPLAN_BIN is taken from here.
case "$bin" in /*) ;; *) bin="$PWD/$bin" ;; esac
"$PY" Tests/desk/check_desk.py "$bin"
