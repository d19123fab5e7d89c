#!/usr/bin/env bash
# Rebuilds the data wsplan ships (Sources/PlanningIO/Resources) from ../shared/data.
#
# de-places.csv maps GeoNames admin1 codes 12–15 wrongly (12 is Mecklenburg-Vorpommern, 13 Sachsen,
# 14 Sachsen-Anhalt, 15 Thüringen; the file has SN, ST, TH, MV): Rostock is labelled SN, Dresden ST,
# Magdeburg TH, Erfurt MV. This script rotates them back and drops the geonameid column.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-$here/../shared/data}
out=$here/Sources/PlanningIO/Resources
awk -F, 'BEGIN { OFS = ","; fix["SN"] = "MV"; fix["ST"] = "SN"; fix["TH"] = "ST"; fix["MV"] = "TH" }
     NR == 1 { print "name,state,lat,lon,population"; next }
     { state = ($3 in fix) ? fix[$3] : $3; print $2, state, $4, $5, $6 }' "$data/de-places.csv" > "$out/places.csv"
cp "$data/de-school-holidays.csv" "$out/school-holidays.csv"
echo "wrote $out/places.csv ($(($(wc -l < "$out/places.csv") - 1)) places) and school-holidays.csv"
