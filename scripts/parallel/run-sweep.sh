#!/usr/bin/env bash
# Runs the missing chunks of an onestop sweep with GNU parallel, one job per
# chunk, on this machine or on several hosts over ssh.
#
# Usage: scripts/parallel/run-sweep.sh SWEEP_DIR [--jobs N] [--threads T]
#          [--sshlogin LOGINS | --sshloginfile FILE] [--resume]
#          [--dry-run] [-- extra GNU parallel args...]
#
#   SWEEP_DIR           made by `onestop sweep plan SWEEP.yaml --out SWEEP_DIR`.
#   --jobs N            chunks run at once (per host with --sshlogin). Default:
#                       CPUs / T locally, GNU parallel's default (one per CPU
#                       of each host) with --sshlogin.
#   --threads T         threads per chunk (`sweep run --threads T`), default 1.
#   --sshlogin LOGINS   GNU parallel's -S, e.g. '8/alice@node1,8/node2,:'
#                       (':' is this machine). Every host needs GNU parallel,
#                       non-interactive ssh, the onestop binary at the same
#                       absolute path, and SWEEP_DIR at the same path on a
#                       shared filesystem (see scripts/parallel/README.md).
#   --sshloginfile FILE one sshlogin per line (GNU parallel's --slf).
#   --resume            continue the previous run: same chunk list (saved in
#                       SWEEP_DIR/logs/parallel-chunks.txt), skip the chunks
#                       the joblog records as succeeded, rerun failed and
#                       unstarted ones (GNU parallel --resume-failed).
#                       Without it the chunk list is recomputed with
#                       `onestop sweep missing`, which gives the same outcome.
#   --dry-run           print the chunks and the parallel command only.
#   after --             passed to GNU parallel (e.g. --retries 2 --filter-hosts).
#
# Environment: ONESTOP (onestop binary, default `onestop` on PATH, else this
# repository's release build .build/release/onestop, resolved to an absolute path), PARALLEL_HOME (default SWEEP_DIR/logs/parallel-home, so
# nothing is written to ~/.parallel).
#
# Writes SWEEP_DIR/logs/parallel-joblog.tsv (GNU parallel's joblog) and one
# log per chunk, SWEEP_DIR/logs/chunk-NNNN_parallel.out. Runs every chunk even
# if some fail (--halt never). Exit status: GNU parallel's (the number of
# failed chunks) if non-zero, else 1 if any chunk is still missing, else 0.
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
log() { printf 'run-sweep: %s\n' "$*" >&2; }
die() { printf 'run-sweep: error: %s\n' "$*" >&2; exit 2; }

case "${1:-}" in
  -h|--help) usage; exit 0 ;;
  ""|-*) usage >&2; exit 2 ;;
esac
[[ -d $1 ]] || die "not a directory: $1"
sweep_dir=$(cd "$1" && pwd)
shift
[[ -f $sweep_dir/manifest.json ]] || die "no manifest.json in $sweep_dir (run onestop sweep plan first)"

jobs=; threads=1; sshlogin=; sshloginfile=; resume=0; dry_run=0; extra=()
need_value() { [[ $# -ge 2 ]] || die "$1 needs a value"; }
while (($#)); do
  case $1 in
    --jobs|-j) need_value "$@"; jobs=$2; shift 2 ;;
    --jobs=*) jobs=${1#*=}; shift ;;
    --threads) need_value "$@"; threads=$2; shift 2 ;;
    --threads=*) threads=${1#*=}; shift ;;
    --sshlogin|-S) need_value "$@"; sshlogin=$2; shift 2 ;;
    --sshlogin=*) sshlogin=${1#*=}; shift ;;
    --sshloginfile|--slf) need_value "$@"; sshloginfile=$2; shift 2 ;;
    --sshloginfile=*) sshloginfile=${1#*=}; shift ;;
    --resume) resume=1; shift ;;
    --dry-run) dry_run=1; shift ;;
    -h|--help) usage; exit 0 ;;
    --) shift; extra=("$@"); break ;;
    *) die "unknown argument: $1 (GNU parallel options go after --)" ;;
  esac
done
[[ -z $sshlogin || -z $sshloginfile ]] || die "give --sshlogin or --sshloginfile, not both"
[[ $threads =~ ^[1-9][0-9]*$ ]] || die "--threads must be a positive integer"
[[ -z $jobs || $jobs =~ ^[1-9][0-9]*$ ]] || die "--jobs must be a positive integer"
if [[ -n $sshloginfile ]]; then
  [[ -r $sshloginfile ]] || die "cannot read $sshloginfile"
  sshloginfile=$(cd "$(dirname "$sshloginfile")" && pwd)/$(basename "$sshloginfile")
fi

command -v parallel >/dev/null 2>&1 || die "GNU parallel not found (apt-get install parallel)"
parallel --version 2>/dev/null | grep -q 'GNU parallel' || die "'parallel' is not GNU parallel (moreutils has another one)"
repo_build=$(cd "$(dirname "$0")/../.." && pwd)/.build/release/onestop
if [[ -z ${ONESTOP:-} ]] && ! command -v onestop >/dev/null 2>&1 && [[ -x $repo_build ]]; then ONESTOP=$repo_build; fi
onestop=$(command -v "${ONESTOP:-onestop}") || die "onestop binary not found: '${ONESTOP:-onestop}' (set ONESTOP=/path/to/onestop)"
[[ $onestop == /* ]] || onestop=$(cd "$(dirname "$onestop")" && pwd)/$(basename "$onestop")

logs=$sweep_dir/logs
mkdir -p "$logs"
export PARALLEL_HOME=${PARALLEL_HOME:-$logs/parallel-home}
mkdir -p "$PARALLEL_HOME"
joblog=$logs/parallel-joblog.tsv
chunk_list=$logs/parallel-chunks.txt

# ----------------------------------------------------------------- chunks --
if [[ $resume == 1 && -s $chunk_list && -s $joblog ]]; then
  log "resuming the previous run ($(wc -l <"$chunk_list") chunks in $chunk_list, joblog $joblog)"
  resume_args=(--resume-failed)
else
  [[ $resume == 1 ]] && log "nothing to resume (no $chunk_list or joblog); starting a fresh run"
  resume_args=()
  missing=$("$onestop" sweep missing "$sweep_dir") || die "'$onestop sweep missing $sweep_dir' failed"
  missing=${missing//[[:space:]]/}
  if [[ -z $missing ]]; then
    log "nothing to run: every chunk of $sweep_dir has its rows"
    exit 0
  fi
  [[ $missing =~ ^[0-9]+(,[0-9]+)*$ ]] || die "unexpected output from 'onestop sweep missing': $missing"
  if [[ $dry_run == 0 ]]; then
    tr ',' '\n' <<<"$missing" >"$chunk_list"
    # --resume-failed needs the joblog of exactly this chunk list: start a new one.
    [[ -e $joblog ]] && mv -f "$joblog" "$joblog.prev"
  fi
fi

host_args=()
[[ -n $sshlogin ]] && host_args=(--sshlogin "$sshlogin")
[[ -n $sshloginfile ]] && host_args=(--sshloginfile "$sshloginfile")
if [[ -z $jobs && -z $sshlogin && -z $sshloginfile ]]; then
  cpus=$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
  jobs=$((cpus / threads)); ((jobs >= 1)) || jobs=1
fi
jobs_args=()
[[ -n $jobs ]] && jobs_args=(--jobs "$jobs")

# The command is a shell string run by GNU parallel (remotely over ssh with
# --sshlogin); {} is the chunk index, {=...=} pads it for the log name.
q() { printf '%q' "$1"; }
cmd="$(q "$onestop") sweep run $(q "$sweep_dir") --chunk {} --quiet --threads $threads"
cmd+=" >$(q "$logs")/chunk-{=\$_=sprintf(\"%04d\",\$_)=}_parallel.out 2>&1"

par=(parallel --halt never --joblog "$joblog" ${resume_args[@]+"${resume_args[@]}"}
     ${jobs_args[@]+"${jobs_args[@]}"} ${host_args[@]+"${host_args[@]}"}
     ${extra[@]+"${extra[@]}"} "$cmd" :::: "$chunk_list")
if [[ $dry_run == 1 ]]; then
  log "chunks: ${missing:-$(paste -sd, "$chunk_list")}"
  printf '%q ' "${par[@]}"; printf '\n'
  exit 0
fi

start=$SECONDS
log "$([[ ${#resume_args[@]} -gt 0 ]] && echo resuming || echo running) $(wc -l <"$chunk_list") chunk(s) of $sweep_dir${jobs:+ with $jobs job(s)}${sshlogin:+ on $sshlogin}${sshloginfile:+ on hosts in $sshloginfile}"
status=0
"${par[@]}" </dev/null || status=$?
if ((status != 0)); then
  log "$status chunk(s) failed (GNU parallel exit $status); see $joblog and $logs/chunk-*_parallel.out"
  awk -F '\t' 'NR > 1 && ($7 != 0 || $8 != 0) { print "run-sweep:   failed: " $NF }' "$joblog" >&2 || true
fi

still=$("$onestop" sweep missing "$sweep_dir" 2>/dev/null) || still="?"
still=${still//[[:space:]]/}
if [[ -n $still ]]; then
  log "chunks still missing: $still; rerun: $0 $sweep_dir [--resume]"
  ((status == 0)) && status=1
fi
log "finished in $((SECONDS - start)) s, status $status"
exit "$status"
