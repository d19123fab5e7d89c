#!/usr/bin/env bash
# Real-browser test of report.html (Tests/report/check_report.py): solves the bundled Q2 scenario
# (pinned Q1 bookings, an exchange day) and a small scenario written here (names with markup and
# quotes, a request that cannot be served), re-renders one report with `wsplan report` (must give
# the same bytes), and opens each in Debian's headless Chromium over the DevTools protocol: no
# console error, warning or network request; every municipality and trainer named; map and
# timelines drawn; travel lines on hover. Installs chromium (apt-get) and websocket-client (pip)
# when missing. WSPLAN_BIN selects the binary (default: swift build's debug binary).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}

if ! command -v chromium >/dev/null 2>&1; then
  echo "report-test: installing chromium with apt-get" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq chromium >/dev/null
fi
if ! "$PY" -c 'import websocket' 2>/dev/null; then
  echo "report-test: installing websocket-client with pip" >&2
  "$PY" -m pip install --quiet websocket-client
fi

bin=${WSPLAN_BIN:-$(swift build --show-bin-path)/wsplan}
if [ ! -x "$bin" ]; then
  echo "report-test: wsplan binary not found at $bin (build it or set WSPLAN_BIN)" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat > "$work/small.yaml" <<'YAML'
name: Kleiner Test <Süd> & "Nord"
planning_start: 2027-03-01
horizon: {from: 2027-04-01, to: 2027-05-31}
solver: {time_limit_s: 20}
trainers:
  - {id: a, name: "Ada <i>Lovelace</i>", home: Freiburg, unavailable: ["2027-04-12..2027-04-23"]}
  - {id: b, name: "Bea O'Brien & Söhne", home: Rostock}
  - {id: c, name: Cem Özdemir, home: {lat: 51.34, lon: 12.37}}
municipalities:
  - {id: tue, name: "Universitätsstadt <Tübingen>", place: Tübingen, participants: 35}
  - {id: sb, name: "Landeshauptstadt Saarbrücken & Umland", place: Saarbrücken, participants: 20}
  - {id: fl, name: Stadt Flensburg, place: Flensburg, participants: 40, earliest: 2027-05-01, latest: 2027-05-01}
YAML

"$bin" solve Scenarios/2027-Q2.yaml --out "$work/q2" --quiet
"$bin" solve "$work/small.yaml" --out "$work/small" --quiet
"$bin" report "$work/q2/plan.json" --scenario Scenarios/2027-Q2.yaml --out "$work/again" 2>/dev/null
cmp "$work/q2/report.html" "$work/again/report.html"
# wsplan roster writes the very rosters solve wrote, one self-contained file per working trainer.
"$bin" roster "$work/q2/plan.json" --scenario Scenarios/2027-Q2.yaml --out "$work/rosters" 2>/dev/null
for f in "$work"/q2/roster-*.html; do cmp "$f" "$work/rosters/$(basename "$f")"; done
[ "$(ls "$work"/rosters | wc -l)" -eq "$(ls "$work"/q2/roster-*.html | wc -l)" ] && [ "$(ls "$work"/rosters | wc -l)" -gt 0 ]
"$PY" -c 'import json, sys; p = json.load(open(sys.argv[1])); sys.exit(0 if p["unscheduled"] else "the small scenario should leave Flensburg out")' "$work/small/plan.json"

"$PY" Tests/report/check_report.py "$work/q2/report.html" "$work/q2/plan.json" "$work/small/report.html" "$work/small/plan.json"
