#!/usr/bin/env bash
# Runs the missing tasks of a national study with GNU parallel, here or on
# several hosts over ssh.
#
# Usage: scripts/national/run-parallel.sh STUDY_DIR [--jobs N]
#          [--sshlogin 'host1,4/host2' | --sshloginfile FILE] [-- PARALLEL_OPTIONS...]
#
# Each job is `onestop national run STUDY_DIR --task K --threads 1`; the study
# directory must be at the same path on every host (a shared filesystem), and
# ONESTOP (default: onestop on PATH) must run there. Rerunning runs only the
# tasks still missing. The joblog is STUDY_DIR/logs/parallel-joblog.tsv.
set -euo pipefail
die() { printf 'run-parallel: error: %s\n' "$*" >&2; exit 2; }
[[ $# -ge 1 && -d $1 ]] || { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
study=$(cd "$1" && pwd); shift
jobs=; hosts=(); extra=()
while (($#)); do
  case $1 in
    --jobs|-j) jobs=$2; shift 2 ;;
    --sshlogin|-S) hosts=(--sshlogin "$2"); shift 2 ;;
    --sshloginfile) hosts=(--sshloginfile "$2"); shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) die "unknown argument: $1" ;;
  esac
done
command -v parallel >/dev/null 2>&1 || die "GNU parallel not found (apt-get install parallel)"
onestop=$(command -v "${ONESTOP:-onestop}") || die "onestop binary not found (set ONESTOP)"
[[ $onestop == /* ]] || onestop=$(cd "$(dirname "$onestop")" && pwd)/$(basename "$onestop")
missing=$("$onestop" national missing "$study") || die "onestop national missing failed"
if [[ -z $missing ]]; then echo "run-parallel: nothing to run: every task of $study has its result" >&2; exit 0; fi
mkdir -p "$study/logs"
export PARALLEL_HOME=${PARALLEL_HOME:-$study/logs/parallel-home}
mkdir -p "$PARALLEL_HOME"
echo "run-parallel: $(tr ',' '\n' <<<"$missing" | wc -l) task(s) of $study" >&2
tr ',' '\n' <<<"$missing" | parallel ${jobs:+--jobs "$jobs"} ${hosts[@]+"${hosts[@]}"} \
  --joblog "$study/logs/parallel-joblog.tsv" ${extra[@]+"${extra[@]}"} \
  "$onestop" national run "$study" --task {} --threads 1 '>' "$study/logs/task-{}.out" '2>&1'
