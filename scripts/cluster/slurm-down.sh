#!/usr/bin/env bash
# Stops the private single-node Slurm cluster that scripts/cluster/slurm-up.sh
# started in SCRATCH_DIR.
#
# Usage: scripts/cluster/slurm-down.sh SCRATCH_DIR
#
# 1. Cancels every job of that cluster (if its slurmctld still answers).
# 2. Waits, at most ONESTOP_SLURM_DOWN_TIMEOUT seconds (default 20), until no
#    slurmstepd of this cluster is left (a stepd lives 1-2 s after its task;
#    stopping slurmd earlier orphans them).
# 3. Sends TERM to the PIDs slurm-up recorded in SCRATCH_DIR/run/pids, in the
#    order slurmd, slurmctld, munged, and only if each PID still runs a command
#    line naming SCRATCH_DIR (guards against PID reuse); KILL after 10 s.
# It never signals anything else. Logs stay in SCRATCH_DIR/log.
#
# Idempotent and safe in `trap ... EXIT`: with nothing recorded or everything
# already stopped it just exits 0. Exits 1 only if a recorded daemon survived
# KILL.
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }

case "${1:-}" in
  -h|--help) usage; exit 0 ;;
  "") usage >&2; exit 2 ;;
esac
[[ $# -eq 1 ]] || { usage >&2; exit 2; }

log() { printf 'slurm-down: %s\n' "$*" >&2; }

if [[ ! -d $1 ]]; then
  log "no such directory: $1 (nothing to stop)"
  exit 0
fi
scratch=$(cd "$1" && pwd)
pids=$scratch/run/pids
conf=$scratch/etc/slurm.conf
timeout_s=${ONESTOP_SLURM_DOWN_TIMEOUT:-20}
t0=$(date +%s.%N)
PATH=$PATH:/usr/sbin:/sbin

if [[ ! -s $pids ]]; then
  log "nothing recorded in $scratch/run/pids (already down)"
  exit 0
fi

# Inherited Slurm variables must not redirect scancel/squeue.
while read -r v; do unset "$v"; done < <(compgen -e | grep -E '^(SLURM|SBATCH|SALLOC|SRUN)_' || true)
export SLURM_CONF=$conf

ours() { # ours PID: alive and its command line names this scratch dir
  local pid=$1
  [[ -r /proc/$pid/cmdline ]] || return 1
  { tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null | grep -qF "$scratch"
}
recorded() { awk -v n="$1" '$1==n{print $2}' "$pids"; }

# slurmstepd processes of this cluster: they keep SlurmdLogFile (under the
# scratch dir) open. Uses /proc only, no procps needed.
stepds() {
  local d fd target
  for d in /proc/[0-9]*; do
    [[ $(cat "$d/comm" 2>/dev/null) == slurmstepd ]] || continue
    for fd in "$d"/fd/*; do
      target=$(readlink "$fd" 2>/dev/null) || continue
      if [[ $target == "$scratch"/* ]]; then printf '%s\n' "${d#/proc/}"; break; fi
    done
  done
}

# 1. cancel jobs
ctld=$(recorded slurmctld)
if [[ -n $ctld ]] && ours "$ctld" && [[ -r $conf ]]; then
  jobs=$(timeout 10 squeue -h -o '%A' 2>/dev/null | sort -u | tr '\n' ' ' || true)
  if [[ -n ${jobs// /} ]]; then
    log "cancelling jobs: $jobs"
    # shellcheck disable=SC2086 # word splitting of the job list is intended
    timeout 10 scancel $jobs 2>/dev/null || log "scancel failed (continuing)"
  fi
fi

# 2. wait for this cluster's stepds
end=$((SECONDS + timeout_s))
left=$(stepds)
while [[ -n $left ]] && ((SECONDS < end)); do
  sleep 0.2
  left=$(stepds)
done
if [[ -n $left ]]; then
  log "warning: slurmstepd still running after ${timeout_s}s: $(tr '\n' ' ' <<<"$left")(not signalled)"
fi

# 3. stop the recorded daemons
status=0
for name in slurmd slurmctld munged; do
  pid=$(recorded "$name")
  [[ -n $pid ]] || continue
  ours "$pid" || continue
  kill -TERM "$pid" 2>/dev/null || true
  end=$((SECONDS + 10))
  while ours "$pid" && ((SECONDS < end)); do sleep 0.1; done
  if ours "$pid"; then
    log "warning: $name ($pid) ignored TERM for 10 s; sending KILL"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.5
    if ours "$pid"; then log "error: $name ($pid) survived KILL"; status=1; fi
  fi
done

if ((status == 0)); then
  mv -f "$pids" "$pids.stopped"
fi
log "down in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}') s ($scratch)"
exit "$status"
