#!/usr/bin/env bash
# Whole-command time limits (issues 12.4, 15.4): runs `wsplan solve --time-limit T` on the bundled
# Q1 and on generated scenarios up to the generator's maximum, and prints one Markdown row each:
# wall clock and peak memory of the whole command (/usr/bin/time -v), the status it wrote.
#   bench/time_limits.sh [BINARY]   (default .build/release/wsplan; build it with swift build -c release)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-.build/release/wsplan}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
gen() { "$BIN" generate --requests "$2" --trainers "$3" --seed 1 ${4:+--demand $4} --out "$WORK/$1.yaml" >/dev/null 2>&1; }
gen S 20 5; gen Sx2 20 5 2; gen M 60 8; gen Mx3 60 8 3; gen L 150 14; gen Lx4 150 14 4; gen XL 400 30
gen MAX 1762 130; gen MAXx4 1762 60 4; gen MAX500 1762 500
cp Scenarios/2027-Q1.yaml Scenarios/bookings-2027.yaml Scenarios/requests.csv "$WORK/" 2>/dev/null || true
echo "| scenario | limit s | wall s | wall / limit | peak MB | written |"
echo "| --- | ---: | ---: | ---: | ---: | --- |"
run() {
  local name=$1 file=$2 limit=$3
  /usr/bin/time -v -o "$WORK/time" "$BIN" solve "$file" --time-limit "$limit" --out "$WORK/out-$name-$limit" --previous none \
    >/dev/null 2>"$WORK/err" || true
  local wall rss status
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$WORK/time")
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%d", $2 / 1024 }' "$WORK/time")
  status=$(grep -E "packages planned" "$WORK/err" | sed 's/^wsplan: //; s/, bound.*//' | head -1 || true)
  [ -z "$status" ] && status="nothing (no plan within the limit)"
  printf "| %s | %s | %.1f | %.2f | %s | %s |\n" "$name" "$limit" "$wall" "$(echo "$wall / $limit" | bc -l)" "$rss" "$status"
}
run Q1 Scenarios/2027-Q1.yaml 2
run Q1 Scenarios/2027-Q1.yaml 10
for n in S Sx2 M Mx3 L Lx4 XL MAX MAXx4 MAX500; do run "$n" "$WORK/$n.yaml" 10; done
run MAX "$WORK/MAX.yaml" 30
