#!/usr/bin/env bash
# Rebuilds the data wsplan ships (Sources/PlanningIO/Resources) from ../shared/data:
# places.csv is de-places.csv without its geonameid column (the states are taken as they are;
# since 2026-12-01 the source file labels the eastern states right), school-holidays.csv a copy.
# Usage: scripts/make-resources.sh [DATA_DIR [OUT_DIR]]; scripts/test.sh rebuilds into a temporary
# folder and compares, so the shipped files never drift from the source.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-$here/../shared/data}
out=${2:-$here/Sources/PlanningIO/Resources}
awk -F, 'BEGIN { OFS = "," }
     NR == 1 { print "name,state,lat,lon,population"; next }
     { print $2, $3, $4, $5, $6 }' "$data/de-places.csv" > "$out/places.csv"
cp "$data/de-school-holidays.csv" "$out/school-holidays.csv"
echo "wrote $out/places.csv ($(($(wc -l < "$out/places.csv") - 1)) places) and school-holidays.csv"
