#!/usr/bin/env bash
# End-to-end proof that a national study gives byte-identical merged results
# however it runs: locally in one process, as a Slurm array on a private
# single-node cluster, and with GNU parallel; and that resubmitting runs only
# what is missing.
#
# Usage: scripts/national/cluster-check.sh ONESTOP_BINARY
#
# The study: three small provinces (Điện Biên, Lai Châu, Cao Bằng) over
# 1/7-19/8/2025, 4 replications in blocks of 2 (6 tasks). Stages: plan (three
# copies), slurm-up, local run + merge, Slurm array + merge, resubmission (one
# task file deleted: exactly that task runs again, the others keep their
# files), GNU parallel + merge + the same resubmission, cmp of every merged
# file against the local run. Prints PASS or FAIL; Slurm is torn down and the
# work dir removed on every exit. Needs root (see scripts/cluster/slurm-up.sh).
# NATIONAL_CHECK_KEEP=1 keeps the work dir.
set -euo pipefail
[[ $# -eq 1 ]] || { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
name=cluster-check prefix=national-check keep=NATIONAL_CHECK_KEEP
# shellcheck source=scripts/national/cluster-setup.sh
source "$(dirname "$0")/cluster-setup.sh"
fail() { echo "FAIL: $*"; for f in "$work"/*/logs/*.out; do [[ -f $f ]] && { echo "--- $f"; tail -5 "$f"; }; done; exit 1; }
t0=$(date +%s.%N)
stage() { printf '== %-28s %6.1f s\n' "$1" "$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')"; }

files=("$root"/scenarios/national/{dien-bien,lai-chau,cao-bang}.yaml)
for d in local slurm parallel; do
  "$onestop" national plan "${files[@]}" --out "$work/$d" --replications 4 --block 2 --seed 2025 \
    --set end=2025-08-20 >/dev/null || fail "plan $d"
done
stage plan
"$here/cluster/slurm-up.sh" "$cluster" >/dev/null || fail "slurm-up"
started=1
stage slurm-up
"$onestop" national run "$work/local" --threads 1 >/dev/null || fail "local run"
"$onestop" national merge "$work/local" >/dev/null || fail "local merge"
stage local

# shellcheck source=/dev/null
source "$cluster/env.sh"
"$here/national/submit-slurm.sh" "$work/slurm" --wait -- --time=00:10:00 >/dev/null || fail "slurm array"
"$onestop" national merge "$work/slurm" >/dev/null || fail "slurm merge"
stage slurm

resubmit() { # resubmit DIR COMMAND...: delete task 3's file, rerun, check only it ran
  local dir=$1; shift
  local victim=lai-chau.r2.json   # task 3: Điện Biên's tasks are 0 and 1, Lai Châu's 2 and 3
  touch -d '2000-01-01' "$dir"/tasks/*.json
  rm "$dir/tasks/$victim"
  [[ $("$onestop" national missing "$dir") == 3 ]] || fail "missing after deleting task 3 in $dir"
  "$@" >/dev/null || fail "resubmission in $dir"
  [[ -z $("$onestop" national missing "$dir") ]] || fail "tasks still missing in $dir"
  local fresh
  fresh=$(find "$dir/tasks" -name '*.json' -newermt '2001-01-01' | xargs -n1 basename)
  [[ $fresh == "$victim" ]] || fail "resubmission in $dir ran '$fresh', not only $victim"
  "$onestop" national merge "$dir" >/dev/null || fail "merge after resubmission in $dir"
}
resubmit "$work/slurm" "$here/national/submit-slurm.sh" "$work/slurm" --wait -- --time=00:10:00
stage slurm-resubmission
"$here/cluster/slurm-down.sh" "$cluster" >/dev/null
started=0

"$here/national/run-parallel.sh" "$work/parallel" --jobs 2 >/dev/null || fail "parallel"
"$onestop" national merge "$work/parallel" >/dev/null || fail "parallel merge"
resubmit "$work/parallel" "$here/national/run-parallel.sh" "$work/parallel" --jobs 2
stage parallel

for d in slurm parallel; do
  for f in national.csv ranking.csv report.html; do
    cmp -s "$work/local/$f" "$work/$d/$f" || fail "$d/$f differs from the local run's"
  done
done
stage compare
echo "PASS: local, Slurm and GNU parallel give byte-identical national results; resubmissions ran only the missing task"
