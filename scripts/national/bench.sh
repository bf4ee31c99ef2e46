#!/usr/bin/env bash
# Benchmarks of the national study (numbers for docs/national.md):
#  1. one national replication-year: each of the 34 provinces' tasks run in its own
#     process with one thread; total CPU (user + system) and the largest peak RSS;
#  2. merge of 34 provinces x 100 replications (the replications are one-day runs,
#     so that making them is quick; the merge reads the same files as a real study).
# Usage: scripts/national/bench.sh ONESTOP_BINARY (a release build)
set -euo pipefail
[[ $# -eq 1 ]] || { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
onestop=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/national-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$onestop" national plan "$root/scenarios/national" --out "$work/year" --replications 1 --block 1 >/dev/null
n=$(ls "$root"/scenarios/national/*.yaml | grep -vc defaults.yaml)
: >"$work/times"
for ((k = 0; k < n; k++)); do
  /usr/bin/time -f "%U %S %M %e" -a -o "$work/times" "$onestop" national run "$work/year" --task "$k" --threads 1 >/dev/null
done
awk '{ cpu += $1 + $2; wall += $4; if ($3 > rss) rss = $3 }
  END { printf "national replication-year: %d provinces, total CPU %.1f s (wall %.1f s), peak RSS of a province process %.0f MiB\n", NR, cpu, wall, rss / 1024 }' "$work/times"
"$onestop" national plan "$root/scenarios/national" --out "$work/merge" --replications 100 --block 100 \
  --set end=2025-07-02 >/dev/null
"$onestop" national run "$work/merge" >/dev/null
start=$(date +%s.%N)
"$onestop" national merge "$work/merge" >/dev/null
awk -v a="$start" -v b="$(date +%s.%N)" -v k="$(python3 -c 'import json,sys;print(len(json.load(open(sys.argv[1]))["kpis"]))' "$work/merge/national.json")" \
  'BEGIN { printf "merge of 34 provinces x 100 replications x %d KPIs: %.2f s\n", k, b - a }'
