#!/usr/bin/env bash
# Engine benchmarks, release build. Prints each benchmark's JSON line.
#
#   scripts/bench.sh            # M/M/8 at 1M and 10M customers, 3 runs each
#   RUNS=5 scripts/bench.sh
#
# The numbers to quote are `events_per_second` (simulation loop only) and the whole
# process wall time and peak memory that GNU time prints after each run.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
swift build -c release --product onestop >/dev/null
bin=.build/release/onestop
for customers in 1000000 10000000; do
  for run in $(seq 1 "$RUNS"); do
    /usr/bin/time -f "  whole process: %e s wall, %M KiB peak" \
      "$bin" bench mmc --servers 8 --arrival-rate 7.2 --service-rate 1 \
      --customers "$customers" --seed "$run" --json
  done
done
