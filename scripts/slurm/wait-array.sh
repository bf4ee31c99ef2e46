#!/usr/bin/env bash
# Waits until a Slurm array job has left the queue and exits with the status `sbatch --wait`
# would give: the highest task exit code, 1 for a task that ended without exiting on its own
# (cancelled, timed out, node failure). Shared by scripts/slurm/submit-sweep.sh and
# scripts/national/submit-slurm.sh.
#
# Usage: scripts/slurm/wait-array.sh JOB_ID LOG_PATTERN [NAME]
#   LOG_PATTERN  printf pattern of a task's log, task number then job id, for the messages
#                (e.g. /shared/sweep/logs/chunk-%04d_job-%s.out);
#   NAME         what the tasks are called in messages (default: task).
#
# It polls squeue itself, after 1 s and then more slowly (1 + elapsed/60 s, at most
# WAIT_ARRAY_POLL s, default 30), instead of using `sbatch --wait`, which in Slurm 22.05 polls
# after 2, 10, 42, 74... s and so adds up to 32 s to a short run. No accounting (sacct) needed.
set -euo pipefail
[[ $# -ge 2 && $1 =~ ^[0-9]+$ ]] || { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
job=$1; pattern=$2; name=${3:-task}
log() { printf 'wait-array: %s\n' "$*" >&2; }
terminal='^(COMPLETED|FAILED|CANCELLED|TIMEOUT|NODE_FAIL|OUT_OF_MEMORY|BOOT_FAIL|DEADLINE|PREEMPTED)$'
max_poll=${WAIT_ARRAY_POLL:-${SUBMIT_SWEEP_POLL:-30}}
start=$SECONDS; last_report=$SECONDS; errors=0
err_file=$(mktemp)
trap 'rm -f "$err_file"' EXIT
while :; do
  sleep "$(awk -v e=$((SECONDS - start)) -v m="$max_poll" 'BEGIN { p = 1 + e / 60; print (p > m ? m : p) }')"
  if ! states=$(squeue -h -r -j "$job" -t all -o '%T' 2>"$err_file"); then
    # Purged already (finished longer than MinJobAge ago): done waiting.
    grep -qi 'invalid job id' "$err_file" && break
    # Otherwise the controller may be busy: retry a while.
    errors=$((errors + 1))
    ((errors < 20)) && continue
    log "squeue keeps failing; stop waiting and judge by the result files"
    break
  fi
  errors=0
  active=$(grep -Evc "$terminal" <<<"$states" || true)
  [[ -z $states || $active == 0 ]] && break
  if ((SECONDS - last_report >= 60)); then
    log "job $job after $((SECONDS - start)) s: $(sort <<<"$states" | uniq -c | awk '{ printf "%s %s, ", $1, $2 }')"
    last_report=$SECONDS
  fi
done

status=0
bad=$(scontrol show job -o "$job" 2>/dev/null | awk '
  {
    task = "?"; state = "?"; code = 0; sig = 0
    for (i = 1; i <= NF; i++) {
      if ($i ~ /^ArrayTaskId=/) task = substr($i, 13)
      else if ($i ~ /^JobState=/) state = substr($i, 10)
      else if ($i ~ /^ExitCode=/) { split(substr($i, 10), a, ":"); code = a[1] + 0; sig = a[2] + 0 }
    }
    if (state != "COMPLETED" || code != 0 || sig != 0) {
      rc = (code != 0 ? code : 1)
      printf "%s %s %d\n", task, state, rc
    }
  }') || true
if [[ -n $bad ]]; then
  while read -r task state rc; do
    # shellcheck disable=SC2059
    log "$name $task: $state, exit $rc (log: $(printf "$pattern" "$task" "$job" 2>/dev/null || echo "$pattern"))"
    ((rc > status)) && status=$rc
  done <<<"$bad"
fi
log "job $job finished after $((SECONDS - start)) s, status $status"
exit "$status"
