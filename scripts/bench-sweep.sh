#!/usr/bin/env bash
# Sweep overhead benchmark, release build.
#
#   scripts/bench-sweep.sh [SWEEP.yaml] [--jobs N] [--repeat R]
#
# Default sweep: scenarios/sweeps/mmc-lhs-200.yaml (200 points of a Latin hypercube over the
# M/M/c scenario, one replication each). Prints the in-process comparison of
# `onestop bench sweep` (the sweep's plan + a result file per point + merge, against running the
# same 200 scenarios in memory, alternating, medians), then the same sweep through the command
# line as a user runs it (plan, run, merge: three processes), timed with GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
sweep=scenarios/sweeps/mmc-lhs-200.yaml
if [[ $# -gt 0 && $1 != --* ]]; then sweep=$1; shift; fi
swift build -c release --product onestop >/dev/null
bin=.build/release/onestop
echo "# in process: $bin bench sweep $sweep $*"
"$bin" bench sweep "$sweep" "$@"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
echo "# command line: plan, run, merge"
/usr/bin/time -f "  plan:  %e s wall, %M KiB peak" "$bin" sweep plan "$sweep" --out "$dir/s" >/dev/null
/usr/bin/time -f "  run:   %e s wall, %M KiB peak" "$bin" sweep run "$dir/s" --quiet
/usr/bin/time -f "  merge: %e s wall, %M KiB peak" "$bin" sweep merge "$dir/s" >/dev/null
