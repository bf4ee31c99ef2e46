#!/usr/bin/env bash
# Submits the chunks of an onestop sweep that are still missing as one Slurm
# array job (scripts/slurm/sweep.sbatch). The first submission and every
# resubmission after failures, timeouts or preemption are the same command:
# it asks `onestop sweep missing SWEEP_DIR` which chunks still lack rows.
#
# Usage: scripts/slurm/submit-sweep.sh SWEEP_DIR [--max-parallel M] [--wait]
#                                      [--dry-run] [--] [extra sbatch args...]
#
#   SWEEP_DIR         made by `onestop sweep plan SWEEP.yaml --out SWEEP_DIR`;
#                     must be on a filesystem that every compute node sees.
#   --max-parallel M  at most M chunks run at once (array throttle `%M`).
#   --wait            block until the array job has left the queue, then exit
#                     with the highest task exit code, or 1 if a task was
#                     cancelled/timed out or any chunk is still missing.
#   --dry-run         print the sbatch command instead of running it.
#   other arguments   passed to sbatch before the script, so they override the
#                     #SBATCH defaults, e.g. --time=00:20:00 --mem=4G
#                     --cpus-per-task=4 --partition=short --account=proj.
#
# Environment: ONESTOP (onestop binary, default `onestop` on PATH; resolved to
# an absolute path and exported to the tasks), SWEEP_SBATCH (the batch script,
# default sweep.sbatch next to this file), SUBMIT_SWEEP_POLL (max seconds
# between polls with --wait, default 30).
#
# Prints the job id on stdout (nothing when no chunk is missing); progress and
# diagnostics go to stderr. Task logs: SWEEP_DIR/logs/chunk-NNNN_job-JOBID.out.
#
# --wait polls squeue itself (scripts/slurm/wait-array.sh: after 1 s, then
# slower) instead of using `sbatch --wait`, which in Slurm 22.05 polls after
# 2, 10, 42, 74... s and so adds up to 32 s to short runs. No sacct needed.
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
log() { printf 'submit-sweep: %s\n' "$*" >&2; }
die() { printf 'submit-sweep: error: %s\n' "$*" >&2; exit 2; }

case "${1:-}" in
  -h|--help) usage; exit 0 ;;
  ""|-*) usage >&2; exit 2 ;;
esac
[[ -d $1 ]] || die "not a directory: $1"
sweep_dir=$(cd "$1" && pwd)
shift
[[ -f $sweep_dir/manifest.json ]] || die "no manifest.json in $sweep_dir (run onestop sweep plan first)"

max_parallel=; wait_job=0; dry_run=0; sbatch_args=()
while (($#)); do
  case $1 in
    --max-parallel) [[ $# -ge 2 ]] || die "--max-parallel needs a value"; max_parallel=$2; shift 2 ;;
    --max-parallel=*) max_parallel=${1#*=}; shift ;;
    --wait) wait_job=1; shift ;;
    --dry-run) dry_run=1; shift ;;
    -h|--help) usage; exit 0 ;;
    --) shift; sbatch_args+=("$@"); break ;;
    *) sbatch_args+=("$1"); shift ;;
  esac
done
if [[ -n $max_parallel && ! $max_parallel =~ ^[1-9][0-9]*$ ]]; then
  die "--max-parallel must be a positive integer, got '$max_parallel'"
fi

here=$(cd "$(dirname "$0")" && pwd)
script=${SWEEP_SBATCH:-$here/sweep.sbatch}
[[ -r $script ]] || die "batch script not found: $script"
onestop=$(command -v "${ONESTOP:-onestop}") || die "onestop binary not found: '${ONESTOP:-onestop}' (set ONESTOP=/path/to/onestop)"
[[ $onestop == /* ]] || onestop=$(cd "$(dirname "$onestop")" && pwd)/$(basename "$onestop")
[[ $onestop != *,* && $sweep_dir != *,* ]] || die "paths with commas cannot go through sbatch --export"

# ---------------------------------------------------------------- missing --
missing=$("$onestop" sweep missing "$sweep_dir") || die "'$onestop sweep missing $sweep_dir' failed"
missing=${missing//[[:space:]]/}
if [[ -z $missing ]]; then
  log "nothing to submit: every chunk of $sweep_dir has its rows"
  exit 0
fi
[[ $missing =~ ^[0-9]+(,[0-9]+)*$ ]] || die "unexpected output from 'onestop sweep missing': $missing"

# Compress 0,1,2,3,7,9,10 into 0-3,7,9-10 (shorter sbatch arguments).
ranges=$(tr ',' '\n' <<<"$missing" | sort -n -u | awk '
  NR == 1 { lo = hi = $1; next }
  $1 == hi + 1 { hi = $1; next }
  { printf "%s%s,", lo, (hi > lo ? "-" hi : ""); lo = hi = $1 }
  END { printf "%s%s\n", lo, (hi > lo ? "-" hi : "") }')
count=$(tr ',' '\n' <<<"$missing" | sort -n -u | wc -l)
maxidx=$(tr ',' '\n' <<<"$missing" | sort -n | tail -n 1)

total=
if command -v python3 >/dev/null 2>&1; then
  total=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["chunks"])' "$sweep_dir/manifest.json" 2>/dev/null || true)
fi

# A site's MaxArraySize (default 1001) bounds the largest array index.
if [[ $dry_run == 0 ]]; then
  max_array=$(scontrol show config 2>/dev/null | awk '$1 == "MaxArraySize" { print $3 }')
  if [[ -n $max_array ]] && ((maxidx >= max_array)); then
    die "chunk index $maxidx >= MaxArraySize $max_array of this cluster: plan with larger chunks (fewer chunks)"
  fi
fi

spec=$ranges${max_parallel:+%$max_parallel}
mkdir -p "$sweep_dir/logs"
cmd=(sbatch --parsable
     --array="$spec"
     --chdir="$sweep_dir"
     --output="$sweep_dir/logs/chunk-%4a_job-%A.out"
     --export="ALL,SWEEP_DIR=$sweep_dir,ONESTOP=$onestop"
     ${sbatch_args[@]+"${sbatch_args[@]}"}
     "$script")
log "submitting $count${total:+ of $total} chunk(s) of $sweep_dir: --array=$spec"
if [[ $dry_run == 1 ]]; then
  printf '%q ' "${cmd[@]}"; printf '\n'
  exit 0
fi

out=$("${cmd[@]}") || die "sbatch failed"
job=${out%%;*}
[[ $job =~ ^[0-9]+$ ]] || die "unexpected sbatch output: $out"
printf '%s\n' "$job"
log "job $job; watch: squeue -r -j $job; logs: $sweep_dir/logs/chunk-*_job-$job.out"
[[ $wait_job == 1 ]] || exit 0

# ------------------------------------------------------------------- wait --
status=0
"$here/wait-array.sh" "$job" "$sweep_dir/logs/chunk-%04d_job-%s.out" chunk || status=$?

still=$("$onestop" sweep missing "$sweep_dir" 2>/dev/null) || still="?"
still=${still//[[:space:]]/}
if [[ -n $still ]]; then
  log "chunks still missing after job $job: $still; resubmit with: $0 $sweep_dir"
  ((status == 0)) && status=1
fi
exit "$status"
