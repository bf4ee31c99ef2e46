#!/usr/bin/env bash
# Times the same national study as a Slurm job array on a private single-node cluster and
# locally with GNU parallel, with the same number of processes, and prints both wall times and
# their ratio (issue 27: the Slurm array within 10 % of the local run), and the makespans of the
# two arrays (first task start to last result: the wall time without submitting and without
# the wait for the array's end, about 4 s here). The merged results are compared byte for byte.
#
# Usage: scripts/national/cluster-timing.sh ONESTOP_BINARY [--procs P] [--replications R]
#          [--block B] [--end DATE] [--order slurm-first|local-first]
#
# Defaults: P = the number of CPUs, R = 10, B = R, the scenarios' own end (a year from
# 1/7/2025): the full-size comparison, 34 provinces x 10 replications, about 12 minutes per run on a
# 2-core machine. A scaled run keeping the shape (all 34 provinces, one task each):
#   scripts/national/cluster-timing.sh .build/release/onestop --replications 1 --end 2025-07-15
# Slurm runs the array with --max-parallel P (one CPU per task); the local run is
# scripts/national/run-parallel.sh --jobs P. The cluster is started with
# scripts/cluster/slurm-up.sh (needs root) and stopped on every exit; its start-up is not timed.
# NATIONAL_TIMING_KEEP=1 keeps the work dir.
set -euo pipefail
[[ $# -ge 1 ]] || { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
name=cluster-timing prefix=national-timing keep=NATIONAL_TIMING_KEEP
# shellcheck source=scripts/national/cluster-setup.sh
source "$(dirname "$0")/cluster-setup.sh"
shift
procs=$(nproc); reps=10; block=; end=; order=slurm-first
while (($#)); do
  case $1 in
    --procs) procs=$2; shift 2 ;;
    --replications) reps=$2; shift 2 ;;
    --block) block=$2; shift 2 ;;
    --end) end=$2; shift 2 ;;
    --order) order=$2; shift 2 ;;
    *) echo "cluster-timing: unknown argument: $1" >&2; exit 2 ;;
  esac
done
block=${block:-$reps}
sets=(); [[ -n $end ]] && sets=(--set "end=$end")
for d in slurm local; do
  "$onestop" national plan "$root/scenarios/national" --out "$work/$d" --replications "$reps" --block "$block" \
    --seed 2025 "${sets[@]}" >/dev/null
done
tasks=$("$onestop" national missing "$work/local" | tr ',' '\n' | wc -l)
"$here/cluster/slurm-up.sh" "$cluster" >/dev/null
started=1
now() { date +%s.%N; }
run_slurm() {
  # shellcheck source=/dev/null
  (source "$cluster/env.sh"
   "$here/national/submit-slurm.sh" "$work/slurm" --max-parallel "$procs" --wait -- --time=24:00:00 >/dev/null)
}
run_local() { "$here/national/run-parallel.sh" "$work/local" --jobs "$procs" >/dev/null; }
declare -A wall
runs=(slurm local); [[ $order == local-first ]] && runs=(local slurm)
for r in "${runs[@]}"; do
  t0=$(now); "run_$r"; t1=$(now)
  wall[$r]=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
  [[ -z $("$onestop" national missing "$work/$r") ]] || { echo "cluster-timing: $r left tasks missing" >&2; exit 1; }
  "$onestop" national merge "$work/$r" >/dev/null
done
# The arrays' own makespans: first task start to last result (Slurm: the start each task logs,
# to the second; GNU parallel: its joblog), without submission and the wait.
span=$(python3 - "$work" <<'PY'
import datetime, glob, os, re, sys
w = sys.argv[1]
starts = [datetime.datetime.fromisoformat(m.group(1)).timestamp()
          for f in glob.glob(f"{w}/slurm/logs/task-*.out")
          for m in [re.search(r" at (\S+), threads", open(f).read())] if m]
ends = [os.path.getmtime(f) for f in glob.glob(f"{w}/slurm/tasks/*.json")]
rows = [l.split("\t") for l in open(f"{w}/local/logs/parallel-joblog.tsv").read().splitlines()[1:]]
local = max(float(r[2]) + float(r[3]) for r in rows) - min(float(r[2]) for r in rows)
print(f"{max(ends) - min(starts):.1f} {local:.1f}")
PY
)
read -r span_slurm span_local <<<"$span"
same=identical
cmp -s "$work/slurm/national.csv" "$work/local/national.csv" || same=DIFFERENT
echo "study: 34 provinces x $reps replication(s) in blocks of $block (${end:+end $end, }$tasks tasks), $procs processes"
echo "slurm array (--max-parallel $procs): ${wall[slurm]} s"
echo "local GNU parallel (--jobs $procs):   ${wall[local]} s"
awk -v s="${wall[slurm]}" -v l="${wall[local]}" \
  'BEGIN { printf "ratio slurm/local: %.3f (%+.1f %%)\n", s / l, 100 * (s / l - 1) }'
echo "makespan, first task start to last result: slurm $span_slurm s, local $span_local s"
awk -v s="$span_slurm" -v l="$span_local" \
  'BEGIN { printf "makespan ratio slurm/local: %.3f (%+.1f %%)\n", s / l, 100 * (s / l - 1) }'
echo "merged national.csv: $same"
