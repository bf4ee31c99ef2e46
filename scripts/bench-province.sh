#!/usr/bin/env bash
# One-stop model benchmarks, release build.
#
#   scripts/bench-province.sh          # a Tuyen Quang-sized province-year, 3 seeds; then 1 vs 10 years
#
# Prints each run's JSON line (simulation seconds, events per second) and GNU time's
# whole-process wall time and peak memory. The memory of the 10-year run must be about
# that of the 1-year run: memory follows open dossiers, not the simulated total.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product onestop >/dev/null
bin=.build/release/onestop
echo "# province-year, 3 seeds"
for seed in 1 2 3; do
  /usr/bin/time -f "  whole process: %e s wall, %M KiB peak" "$bin" bench province --seed "$seed" --json
done
echo "# memory: 1 year vs 10 years"
for years in 1 10; do
  /usr/bin/time -f "  years=$years whole process: %e s wall, %M KiB peak" "$bin" bench province --years "$years" --json
done
