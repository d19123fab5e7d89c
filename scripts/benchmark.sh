#!/usr/bin/env bash
# wsplan's benchmark, one command: installs GLPK (scripts/setup.sh) and HiGHS (PyPI highspy) when
# missing, builds the release binary, then runs bench/benchmark.py, which writes bench/results.json
# and BENCHMARKS.md. Options go to the harness:
#   scripts/benchmark.sh [--sizes S,M,L,XL,Sx2,Mx3,Lx4 (SIZE:N for N seeds)] [--seeds 3] [--quick]
#                        [--no-highs] [--no-cpsat] [--render-only]
# Sx2, Mx3, Lx4 are the scarce rows (`wsplan generate --demand F`); CP-SAT (PyPI ortools) solves the
# complete problem from the independent oracle's model beside wsplan and HiGHS.
# The full run (4 sizes × 3 seeds, with HiGHS under the same limits) takes 2–3 hours;
# --quick (S, one seed, 20 s limits) about 2 minutes. SCRATCH selects the build folder (default .build).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
SCRATCH=${SCRATCH:-.build}
scripts/setup.sh
if ! "$PY" -c 'import highspy' 2>/dev/null; then
  echo "benchmark: installing highspy (HiGHS) from PyPI" >&2
  "$PY" -m pip install --quiet highspy
fi
if ! "$PY" -c 'import ortools' 2>/dev/null; then
  echo "benchmark: installing ortools (CP-SAT) from PyPI" >&2
  "$PY" -m pip install --quiet ortools
fi
swift build -c release --scratch-path "$SCRATCH" </dev/null >&2
exec "$PY" bench/benchmark.py --bin "$SCRATCH/release/wsplan" "$@"
