#!/usr/bin/env bash
# Instructions per replication of a scenario, counted by valgrind (callgrind): a number
# that, unlike wall time on a shared or virtual machine, does not move from run to run.
#
#   scripts/bench-instructions.sh [SCENARIO]     # default: scenarios/tuyen-quang-2022.yaml
#   BIN=/path/to/onestop scripts/bench-instructions.sh   # another build (e.g. an old commit)
#
# Runs 1 and 2 replications on one thread and prints the difference (one replication,
# without start-up, validation and reporting) and the fixed part. Needs valgrind
# (apt-get install -y valgrind). Valgrind cannot read the Swift debug information of a
# release build, so it runs a copy without it (strip --strip-debug).
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:-scenarios/tuyen-quang-2022.yaml}
command -v valgrind >/dev/null || { echo "valgrind is not installed: apt-get install -y valgrind" >&2; exit 2; }
if [ -z "${BIN:-}" ]; then
  swift build -c release --product onestop >/dev/null
  BIN=.build/release/onestop
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
strip --strip-debug -o "$tmp/onestop" "$BIN"
count() {
  valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.$1" "$tmp/onestop" run "$scenario" \
    --replications "$1" --threads 1 --quiet >/dev/null 2>"$tmp/log.$1" || true
  sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$tmp/log.$1"
}
one=$(count 1)
two=$(count 2)
echo "$scenario: $(( (two - one) / 1000000 )) M instructions per replication, $(( (2 * one - two) / 1000000 )) M fixed (start-up, validation, report)"
