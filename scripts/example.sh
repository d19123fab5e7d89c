#!/usr/bin/env bash
# The main job on the bundled example: install GLPK if missing, build (release), plan the
# 2027 Q1 scenario into out/2027-Q1, and re-check the plan with `wsplan check`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product wsplan
bin=$(swift build -c release --show-bin-path)/wsplan
"$bin" solve Scenarios/2027-Q1.yaml --out out/2027-Q1
"$bin" check Scenarios/2027-Q1.yaml out/2027-Q1/plan.json
