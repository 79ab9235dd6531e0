#!/bin/bash
# Two builds of kpi on the 1× bench, in interleaved pairs (the order flipped every other pair), so that a spell of
# load from elsewhere on a shared machine falls on both: prints each pair's B/A wall-time ratio and their median.
#   bash bench/abPairs.sh N A_DIR B_DIR      (each DIR a built checkout: bin/kpi.js and dist/)
# A median under about 0.97 or over 1.03 on 8 pairs or more is worth believing; single runs here move by 10–20%.
set -euo pipefail
N=${1:-8}; A=${2:?build A}; B=${3:?build B}
CFG="$(cd "$(dirname "$0")" && pwd)/kpi.bench.yaml"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
wall() { /usr/bin/time -f "%e" node "$1/bin/kpi.js" run -c "$CFG" -p 2026-10 -o "$OUT/$2" --quiet --fail-on never 2>&1 >/dev/null | tail -1; }
ratios=()
for i in $(seq "$N"); do
  if [ $((i % 2)) = 1 ]; then a=$(wall "$A" a); b=$(wall "$B" b); else b=$(wall "$B" b); a=$(wall "$A" a); fi
  r=$(echo "scale=3; $b / $a" | bc)
  ratios+=("$r")
  echo "pair $i: A $a s  B $b s  B/A $r"
done
printf "%s\n" "${ratios[@]}" | sort -n | awk '{a[NR]=$1} END {printf "median B/A %.3f (%d pairs)\n", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2), NR}'
