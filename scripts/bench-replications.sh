#!/usr/bin/env bash
# Replication benchmarks on the calibrated Tuyen Quang 2022 baseline, release build.
#
#   scripts/bench-replications.sh [REPLICATIONS]     # default 100
#
# 1. REPLICATIONS replications on all cores: wall time and peak memory (GNU time).
# 2. Parallel efficiency: 20 replications on 1 thread, then on all cores.
# 3. --replications auto with the default precision targets.
# Memory does not grow with REPLICATIONS (replications are folded as they finish):
# scripts/bench-replications.sh 1000 peaks where 100 does.
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-100}
swift build -c release --product onestop >/dev/null
bin=.build/release/onestop
scenario=scenarios/tuyen-quang-2022.yaml
echo "# $reps replications, all cores"
/usr/bin/time -f "  whole process: %e s wall, %M KiB peak" "$bin" run "$scenario" --replications "$reps" --quiet --json /dev/null >/dev/null
echo "# 20 replications: 1 thread vs all cores"
/usr/bin/time -f "  1 thread:  %e s wall" "$bin" run "$scenario" --replications 20 --threads 1 --quiet --json /dev/null >/dev/null
/usr/bin/time -f "  all cores: %e s wall" "$bin" run "$scenario" --replications 20 --quiet --json /dev/null >/dev/null
echo "# --replications auto (default targets)"
/usr/bin/time -f "  whole process: %e s wall, %M KiB peak" "$bin" run "$scenario" --replications auto --quiet --json /dev/null >/dev/null
