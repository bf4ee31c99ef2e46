#!/usr/bin/env bash
# Holds the generated provinces to the public national figures on held-out seeds:
# plans one national study per seed of scenarios/targets/national/national-2025.yaml
# (`study.held_out_seeds`, with its `study.set`), runs and merges each, then
# `onestop national check`.
#
# Usage: scripts/national/check-targets.sh ONESTOP_BINARY [REPLICATIONS (default 5)] [WORK_DIR]
set -euo pipefail
[[ $# -ge 1 ]] || { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
onestop=$1; reps=${2:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
targets=$root/scenarios/targets/national/national-2025.yaml
work=${3:-$(mktemp -d "${TMPDIR:-/tmp}/national-targets.XXXXXX")}
seeds=$(sed -n 's/^ *held_out_seeds: *\[\(.*\)\].*/\1/p' "$targets" | tr -d ' ' | tr ',' ' ')
sets=$(sed -n 's/^ *set: *\[\(.*\)\].*/\1/p' "$targets" | tr -d '" ' | tr ',' ' ')
set_args=(); for s in $sets; do set_args+=(--set "$s"); done
extra="received@na-ri,received@cat-hai,received@kien-an,received@dong-hai,received@phu-lien,received@an-lao,received@phu-giao"
dirs=()
for seed in $seeds; do
  d=$work/seed-$seed
  "$onestop" national plan "$root/scenarios/national" --out "$d" --replications "$reps" --block "$reps" \
    --seed "$seed" "${set_args[@]}" --kpis "all,$extra" >/dev/null
  "$onestop" national run "$d" >/dev/null
  dirs+=("$d")
done
"$onestop" national check "$targets" "${dirs[@]}"
