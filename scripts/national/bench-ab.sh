#!/usr/bin/env bash
# One national replication-year with two builds, interleaved task by task (each of the 34
# provinces' tasks with OLD, then with NEW, one thread each), so that both see the same
# machine: whole-bench runs one after the other differ by more than a change does when the
# machine's speed drifts. Prints each build's total CPU (user + system) and their ratio.
# Usage: scripts/national/bench-ab.sh OLD_ONESTOP NEW_ONESTOP (release builds)
set -euo pipefail
[[ $# -eq 2 ]] || { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
old=$1 new=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/national-ab.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$old" national plan "$root/scenarios/national" --out "$work/old" --replications 1 --block 1 >/dev/null
"$new" national plan "$root/scenarios/national" --out "$work/new" --replications 1 --block 1 >/dev/null
n=$(ls "$root"/scenarios/national/*.yaml | grep -vc defaults.yaml)
for ((k = 0; k < n; k++)); do
  /usr/bin/time -f "%U %S" -a -o "$work/t.old" "$old" national run "$work/old" --task "$k" --threads 1 >/dev/null
  /usr/bin/time -f "%U %S" -a -o "$work/t.new" "$new" national run "$work/new" --task "$k" --threads 1 >/dev/null
done
o=$(awk '{ s += $1 + $2 } END { printf "%.1f", s }' "$work/t.old")
w=$(awk '{ s += $1 + $2 } END { printf "%.1f", s }' "$work/t.new")
echo "national replication-year, $n provinces, CPU: old $o s, new $w s, new/old $(echo "$w / $o" | bc -l | cut -c1-5)"
