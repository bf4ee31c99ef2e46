#!/usr/bin/env bash
# The levers' elasticities on the Tuyên Quang 2022 baseline (docs/model-assumptions.md):
# per lever, paired differences in resolved overdue and on-time rate (common random numbers,
# `onestop compare`) and the back-office overtime hours worked in A and B (pools-months.csv).
# Usage: scripts/elasticity-tq.sh [ONESTOP] [REPLICATIONS]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
onestop=${1:-$repo/.build/release/onestop}
reps=${2:-6}
base=$repo/scenarios/tuyen-quang-2022.yaml
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
overtime() { # total overtime hours of the back-office pools, mean over replications
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(round(sum(p["overtime_hours"]["mean"] for p in d["pools"])))' "$1/summary.json"
}
"$onestop" run "$base" --replications "$reps" --out "$tmp/A" >/dev/null
printf '| lever (baseline) | change | resolved overdue, B - A (95 %% CI) | on time of received, B - A | overtime hours A -> B |\n'
printf '|---|---|---|---|---|\n'
lever() { # label change agency-line
  local name=$1 change=$2 line=$3 f="$tmp/v.yaml"
  printf 'extends: %s\nscenario: lever\nagencies:\n  - %s\n' "$base" "$line" > "$f"
  "$onestop" run "$f" --replications "$reps" --out "$tmp/B" >/dev/null
  "$onestop" compare "$base" "$f" --replications "$reps" --out "$tmp/C" >/dev/null
  python3 - "$tmp/C/compare.json" "$name" "$change" "$(overtime "$tmp/A")" "$(overtime "$tmp/B")" <<'PY'
import json, sys
c = json.load(open(sys.argv[1])); name, change, ota, otb = sys.argv[2:]
rows = {d["kpi"]: d for d in c["differences"]}
def cell(k, fmt):
    d = rows[k]
    return fmt.format(d["difference"], d["half_width"])
print(f"| {name} | {change} | {cell('resolved_overdue', '{:+,.0f} ± {:,.0f}')} | "
      f"{cell('on_time_rate_of_received', '{:+.2f} ± {:.2f} points')} | {int(ota):,} -> {int(otb):,} |")
PY
}
lever 'district land offices `TNMT@{unit}` (63 in all)' '-1 per district (56)' '{id: "TNMT@{unit}", officers: 56}'
lever 'district land offices `TNMT@{unit}` (63 in all)' '+1 per district (70)' '{id: "TNMT@{unit}", officers: 70}'
lever 'district land offices `TNMT@{unit}` (63 in all)' '+3 per district (84)' '{id: "TNMT@{unit}", officers: 84}'
lever 'transport department `GTVT@pasc` (10)' '9' '{id: GTVT@pasc, officers: 9}'
lever 'transport department `GTVT@pasc` (10)' '11' '{id: GTVT@pasc, officers: 11}'
lever 'district tax offices `THUE@{unit}` (24 in all)' '-1 per district (17)' '{id: "THUE@{unit}", officers: 17}'
lever 'district tax offices `THUE@{unit}` (24 in all)' '+1 per district (31)' '{id: "THUE@{unit}", officers: 31}'
