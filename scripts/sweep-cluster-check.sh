#!/usr/bin/env bash
# End-to-end proof that a sweep gives byte-identical results however it is
# run: locally in one process, as a Slurm array job on a private single-node
# cluster, and with GNU parallel.
#
# Usage: scripts/sweep-cluster-check.sh ONESTOP_BINARY SWEEP_YAML
#
# Stages (each timed):
#   plan      `onestop sweep plan SWEEP_YAML --out` into local/, slurm/, parallel/
#   slurm-up  scripts/cluster/slurm-up.sh (before the local run, which hides
#             the ~3 s a fresh slurmctld waits before it schedules)
#   local     `onestop sweep run local/` in one process, then merge
#   slurm     scripts/slurm/submit-sweep.sh --wait, merge, then a resubmission
#             test (delete one row file, submit again: only that chunk may
#             run), merge, scripts/cluster/slurm-down.sh
#   parallel  scripts/parallel/run-sweep.sh, merge, the same resubmission test
#   compare   `cmp` of slurm/ and parallel/ results.csv against local/'s
# Prints PASS or FAIL; exits non-zero on any difference or failure and then
# prints the relevant logs. Slurm is torn down and the temporary work dir
# removed on every exit (also on failure and Ctrl-C).
#
# Needs root: the private cluster's daemons run as root, and slurm-up installs
# slurmctld, slurmd, slurm-client, munge and parallel with apt-get if missing.
# Environment: SWEEP_CHECK_KEEP=1 keeps the work dir; SWEEP_CHECK_TIMEOUT
# (seconds, default 1800) bounds each of the Slurm and parallel runs;
# SWEEP_CHECK_SBATCH_ARGS (default "--time=00:30:00 --mem=256M") extra sbatch
# options (the private cluster does not enforce --mem; it only limits how
# many chunks run at once).
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
case "${1:-}" in
  -h|--help) usage; exit 0 ;;
esac
[[ $# -eq 2 ]] || { usage >&2; exit 2; }

here=$(cd "$(dirname "$0")" && pwd)
onestop=$(command -v "$1") || { echo "sweep-cluster-check: no such binary: $1" >&2; exit 2; }
[[ $onestop == /* ]] || onestop=$(cd "$(dirname "$onestop")" && pwd)/$(basename "$onestop")
[[ -r $2 ]] || { echo "sweep-cluster-check: cannot read $2" >&2; exit 2; }
yaml=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
export ONESTOP=$onestop
limit=${SWEEP_CHECK_TIMEOUT:-1800}
read -r -a sbatch_extra <<<"${SWEEP_CHECK_SBATCH_ARGS---time=00:30:00 --mem=256M}"

work=$(mktemp -d "${TMPDIR:-/tmp}/sweep-check.XXXXXX")
cluster=$work/slurm-cluster
slurm_started=0

say() { printf '== %s\n' "$*"; }
now() { date +%s.%N; }
timings=()
t_stage() { # t_stage NAME START
  local d
  d=$(awk -v a="$2" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')
  timings+=("$(printf '%-28s %7s s' "$1" "$d")")
  say "$1: $d s"
}
print_timings() {
  local t
  echo "-- timings --"
  for t in "${timings[@]}"; do echo "  $t"; done
}

# Long stages run in the background and are waited for, so that a TERM sent to
# this script alone (a CI timeout) is handled at once, not after the stage.
child=
run() {
  local rc=0
  "$@" &
  child=$!
  wait "$child" || rc=$?
  child=
  return "$rc"
}

cleanup() {
  local rc=$? i
  set +e
  if [[ -n $child ]] && kill -0 "$child" 2>/dev/null; then
    kill -TERM "$child" 2>/dev/null
    for ((i = 0; i < 100; i++)); do kill -0 "$child" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$child" 2>/dev/null && kill -KILL "$child" 2>/dev/null
  fi
  if [[ $slurm_started == 1 ]]; then
    "$here/cluster/slurm-down.sh" "$cluster"
  fi
  if [[ ${SWEEP_CHECK_KEEP:-0} == 1 ]]; then
    echo "work dir kept: $work"
  else
    rm -rf "$work"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

tail_logs() { # tail_logs FILE...: last lines of each non-empty file, except
  local f     # chunk logs of sweep.sbatch that end in success
  for f in "$@"; do
    [[ -s $f ]] || continue
    if tail -n 1 "$f" | grep -q '^chunk [0-9]*: exit 0 after '; then continue; fi
    printf -- '---- %s (last 30 lines) ----\n' "$f"
    if [[ $f == "$cluster"/* ]]; then # drop Slurm's known harmless noise
      grep -Ev 'pmix|PMIx|MPI: Cannot create context|state file|Trying backup state' "$f" | tail -n 30
    else
      tail -n 30 "$f"
    fi
  done
}
fail() { # fail MESSAGE [LOG FILES...]
  local msg=$1; shift
  echo "sweep-cluster-check: FAIL: $msg" >&2
  tail_logs "$@" >&2
  print_timings >&2
  echo "FAIL" >&2
  exit 1
}

# resubmit_test NAME DIR CMD...: delete one row file, check that `missing`
# names exactly one chunk, rerun CMD, check that only that chunk ran (the
# chunk logs are moved aside first, so the new ones name the chunks that ran)
# and nothing is missing, merge again.
resubmit_test() {
  local name=$1 dir=$2; shift 2
  local row miss ran
  row=$(find "$dir/rows" -type f ! -name '.*' | LC_ALL=C sort | head -n 1)
  [[ -n $row ]] || fail "$name: no row files in $dir/rows"
  rm -f "$row"
  miss=$("$onestop" sweep missing "$dir") || fail "$name: sweep missing failed"
  [[ $miss =~ ^[0-9]+$ ]] || fail "$name: after deleting $(basename "$row"), sweep missing printed '$miss' (want one chunk)"
  mkdir -p "$dir/logs/first-run"
  find "$dir/logs" -maxdepth 1 -name 'chunk-*' -exec mv -t "$dir/logs/first-run" {} +
  "$@" >"$work/$(basename "$dir")-rerun.out" || fail "$name: rerun after deleting $(basename "$row") failed" "$dir"/logs/chunk-*
  ran=$(find "$dir/logs" -maxdepth 1 -name 'chunk-*' | sed -n 's|.*/chunk-0*\([0-9][0-9]*\)_.*|\1|p' | sort -un | paste -sd, -)
  [[ $ran == "$miss" ]] || fail "$name: expected only chunk $miss to run again, the logs show chunks '$ran'"
  [[ -z $("$onestop" sweep missing "$dir") ]] || fail "$name: chunks still missing after the rerun"
  "$onestop" sweep merge "$dir" >/dev/null || fail "$name: merge after the rerun failed"
  say "$name: deleted $(basename "$row"), only chunk $miss ran again"
}

t_all=$(now)
say "onestop: $onestop"
say "sweep:   $yaml"
say "work:    $work"

# -------------------------------------------------------------------- plan --
t=$(now)
for d in local slurm parallel; do
  "$onestop" sweep plan "$yaml" --out "$work/$d" >/dev/null || fail "sweep plan into $work/$d failed"
done
chunks=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["chunks"])' "$work/local/manifest.json" 2>/dev/null \
  || sed -n 's/.*"chunks"[[:space:]]*:[[:space:]]*\([0-9][0-9]*\).*/\1/p' "$work/local/manifest.json" | head -n 1)
t_stage "plan (3 dirs, $chunks chunks)" "$t"

# ---------------------------------------------------------------- slurm-up --
# Started before the local run: slurmctld schedules its first jobs only about
# 3 s after it starts, and the local run hides most of that wait.
t=$(now)
slurm_started=1
"$here/cluster/slurm-up.sh" "$cluster" || fail "slurm-up failed"
t_stage "slurm-up" "$t"
# shellcheck source=/dev/null
. "$cluster/env.sh"

# ------------------------------------------------------------------- local --
t=$(now)
run "$onestop" sweep run "$work/local" --quiet >"$work/local-run.log" 2>&1 || fail "local sweep run failed" "$work/local-run.log"
"$onestop" sweep merge "$work/local" >"$work/local-merge.log" 2>&1 || fail "local merge failed" "$work/local-merge.log"
t_stage "local run + merge" "$t"

# ------------------------------------------------------------------- slurm --
t=$(now)
run timeout "$limit" "$here/slurm/submit-sweep.sh" "$work/slurm" --wait ${sbatch_extra[@]+"${sbatch_extra[@]}"} >"$work/slurm-submit.out" \
  || fail "Slurm array run failed (or exceeded ${limit}s)" "$work/slurm/logs"/chunk-* "$cluster/log/slurmctld.log" "$cluster/log/slurmd.log"
t_stage "slurm array (job $(cat "$work/slurm-submit.out"))" "$t"
t=$(now)
"$onestop" sweep merge "$work/slurm" >"$work/slurm-merge.log" 2>&1 || fail "Slurm merge failed" "$work/slurm-merge.log" "$work/slurm/logs"/chunk-*
t_stage "slurm merge" "$t"
cmp "$work/local/results.csv" "$work/slurm/results.csv" \
  || fail "Slurm results.csv differs from the local one: $(diff "$work/local/results.csv" "$work/slurm/results.csv" | head -n 20)"

t=$(now)
resubmit_test "slurm resubmission" "$work/slurm" \
  run timeout "$limit" "$here/slurm/submit-sweep.sh" "$work/slurm" --wait ${sbatch_extra[@]+"${sbatch_extra[@]}"}
t_stage "slurm resubmit 1 chunk" "$t"

t=$(now)
"$here/cluster/slurm-down.sh" "$cluster" || fail "slurm-down failed"
slurm_started=0
t_stage "slurm-down" "$t"

# ---------------------------------------------------------------- parallel --
t=$(now)
run timeout "$limit" "$here/parallel/run-sweep.sh" "$work/parallel" \
  || fail "GNU parallel run failed (or exceeded ${limit}s)" "$work/parallel/logs/parallel-joblog.tsv" "$work/parallel/logs"/chunk-*
"$onestop" sweep merge "$work/parallel" >"$work/parallel-merge.log" 2>&1 || fail "parallel merge failed" "$work/parallel-merge.log"
t_stage "parallel run + merge" "$t"
t=$(now)
resubmit_test "parallel rerun" "$work/parallel" run timeout "$limit" "$here/parallel/run-sweep.sh" "$work/parallel"
t_stage "parallel rerun 1 chunk" "$t"

# ----------------------------------------------------------------- compare --
bad=0
for d in slurm parallel; do
  if cmp "$work/local/results.csv" "$work/$d/results.csv"; then
    say "$d/results.csv == local/results.csv ($(wc -l <"$work/local/results.csv") lines)"
  else
    echo "sweep-cluster-check: $d/results.csv differs from local/results.csv:" >&2
    diff "$work/local/results.csv" "$work/$d/results.csv" | head -n 20 >&2 || true
    bad=1
  fi
done
((bad == 0)) || fail "results differ"

t_stage "total" "$t_all"
print_timings
echo "PASS"
