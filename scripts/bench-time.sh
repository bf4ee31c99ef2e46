#!/usr/bin/env bash
# User CPU seconds per replication of a scenario, two builds interleaved (A/B), so that
# both see the same machine load: wall time on this VM moves by +-20 % between identical
# runs, and interleaving keeps the comparison fair. Per replication = (t(N) - t(1)) / (N - 1)
# on one thread, so start-up, validation and reporting are left out.
#
#   scripts/bench-time.sh OLD_BIN OLD_SCENARIO NEW_BIN NEW_SCENARIO [ROUNDS] [N]
#   e.g. scripts/bench-time.sh /tmp/old/.build/release/onestop /tmp/old/scenarios/tuyen-quang-2022.yaml \
#          .build/release/onestop scenarios/tuyen-quang-2022.yaml 5 6
#
# Prints each round and the median per replication of each build and their ratio.
set -euo pipefail
[ $# -ge 4 ] || { sed -n 2,12p "$0"; exit 2; }
old_bin=$1 old_scn=$2 new_bin=$3 new_scn=$4 rounds=${5:-5} n=${6:-6}
user() { /usr/bin/time -f %U "$1" run "$2" --replications "$3" --threads 1 --quiet 2>&1 >/dev/null | tail -1; }
old=() new=()
for r in $(seq "$rounds"); do
  o1=$(user "$old_bin" "$old_scn" 1); n1=$(user "$new_bin" "$new_scn" 1)
  oN=$(user "$old_bin" "$old_scn" "$n"); nN=$(user "$new_bin" "$new_scn" "$n")
  o=$(echo "($oN - $o1) / ($n - 1)" | bc -l); w=$(echo "($nN - $n1) / ($n - 1)" | bc -l)
  old+=("$o"); new+=("$w")
  printf 'round %d: old %.3f s, new %.3f s per replication (load %s)\n' "$r" "$o" "$w" "$(cut -d' ' -f1 /proc/loadavg)"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
mo=$(median "${old[@]}"); mn=$(median "${new[@]}")
printf 'median: old %.3f s, new %.3f s per replication, new/old %.3f\n' "$mo" "$mn" "$(echo "$mn / $mo" | bc -l)"
