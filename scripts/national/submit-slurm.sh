#!/usr/bin/env bash
# Submits the missing tasks of a national study as one Slurm job array.
#
# Usage: scripts/national/submit-slurm.sh STUDY_DIR [--max-parallel N] [--wait]
#                                         [--dry-run] [-- SBATCH_OPTIONS...]
#
# Asks `onestop national missing` which tasks have no result and submits only
# those (--array=3,17-20%N); with nothing missing it submits nothing. --wait
# blocks until the array ends (scripts/slurm/wait-array.sh, which notices the end
# within seconds where `sbatch --wait` can take 32 s) and exits with the highest
# task's status, or 1 if a task is still missing.
# ONESTOP names the binary (default: onestop on PATH).
set -euo pipefail
die() { printf 'submit-slurm: error: %s\n' "$*" >&2; exit 2; }
[[ $# -ge 1 && -d $1 ]] || { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
study=$(cd "$1" && pwd); shift
max=; wait_job=0; dry=0; extra=()
while (($#)); do
  case $1 in
    --max-parallel) max=$2; shift 2 ;;
    --wait) wait_job=1; shift ;;
    --dry-run) dry=1; shift ;;
    --) shift; extra=("$@"); break ;;
    *) extra+=("$1"); shift ;;
  esac
done
here=$(cd "$(dirname "$0")" && pwd)
onestop=$(command -v "${ONESTOP:-onestop}") || die "onestop binary not found (set ONESTOP)"
[[ $onestop == /* ]] || onestop=$(cd "$(dirname "$onestop")" && pwd)/$(basename "$onestop")
missing=$("$onestop" national missing "$study") || die "onestop national missing failed"
if [[ -z $missing ]]; then echo "submit-slurm: nothing to submit: every task of $study has its result" >&2; exit 0; fi
[[ $missing =~ ^[0-9]+(,[0-9]+)*$ ]] || die "unexpected output from onestop national missing: $missing"
ranges=$(tr ',' '\n' <<<"$missing" | awk '
  NR == 1 { lo = hi = $1; next }
  $1 == hi + 1 { hi = $1; next }
  { printf "%s%s,", lo, (hi > lo ? "-" hi : ""); lo = hi = $1 }
  END { printf "%s%s\n", lo, (hi > lo ? "-" hi : "") }')
mkdir -p "$study/logs"
cmd=(sbatch --parsable --array="$ranges${max:+%$max}" --chdir="$study" --output="$study/logs/task-%4a_job-%A.out"
     --export="ALL,STUDY_DIR=$study,ONESTOP=$onestop")
cmd+=(${extra[@]+"${extra[@]}"} "$here/national.sbatch")
echo "submit-slurm: $(tr ',' '\n' <<<"$missing" | wc -l) task(s) of $study: --array=$ranges${max:+%$max}" >&2
if [[ $dry == 1 ]]; then printf '%q ' "${cmd[@]}"; echo; exit 0; fi
out=$("${cmd[@]}") || die "sbatch failed"
job=${out%%;*}
[[ $job =~ ^[0-9]+$ ]] || die "unexpected sbatch output: $out"
echo "$job"
[[ $wait_job == 1 ]] || exit 0
status=0
"$here/../slurm/wait-array.sh" "$job" "$study/logs/task-%04d_job-%s.out" task || status=$?
still=$("$onestop" national missing "$study" 2>/dev/null) || still="?"
if [[ -n $still ]]; then
  echo "submit-slurm: tasks still missing after job $job: $still; resubmit with: $0 $study" >&2
  ((status == 0)) && status=1
fi
exit "$status"
