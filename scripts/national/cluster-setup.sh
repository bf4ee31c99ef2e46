# Sourced (not run) by scripts/national/cluster-check.sh and cluster-timing.sh: the binary, the
# work directory and the private Slurm cluster's tear-down, shared so that both stop the
# cluster and remove (or keep) the work directory the same way on every exit.
# Needs: $1 the onestop binary; `name` (for messages), `prefix` (of the work directory) and
# `keep` (the variable that keeps it, e.g. NATIONAL_CHECK_KEEP) set by the caller.
# Sets: here, root, onestop (absolute, exported as ONESTOP), work, cluster, started.
here=$(cd "$(dirname "$0")/.." && pwd)
root=$(cd "$here/.." && pwd)
onestop=$(command -v "$1") || { echo "$name: no such binary: $1" >&2; exit 2; }
[[ $onestop == /* ]] || onestop=$(cd "$(dirname "$onestop")" && pwd)/$(basename "$onestop")
export ONESTOP=$onestop
work=$(mktemp -d "${TMPDIR:-/tmp}/$prefix.XXXXXX")
chmod 755 "$work"
cluster=$work/slurm-cluster
started=0
cleanup() {
  local rc=$?
  set +e
  [[ $started == 1 ]] && "$here/cluster/slurm-down.sh" "$cluster" >/dev/null 2>&1
  if [[ ${!keep:-0} == 1 ]]; then echo "kept $work"; else rm -rf "$work"; fi
  exit "$rc"
}
trap cleanup EXIT INT TERM
