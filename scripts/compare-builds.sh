#!/usr/bin/env bash
# Shows that a change leaves every output byte-identical: runs two builds of onestop on every
# bundled scenario (1 and 2 replications, 1 and 2 threads) and compares what they write:
# the printed tables, `--json`, every `--out` file, the first replication's `--trace`, the
# HTML and Markdown report of the run, and `compare` of the Saturday variant against its base.
#
# Usage: scripts/compare-builds.sh OLD_BINARY NEW_BINARY [SCENARIO ...]
#   e.g. git worktree add /tmp/wt-old 52c32d0 && (cd /tmp/wt-old && swift build -c release)
#        scripts/compare-builds.sh /tmp/wt-old/.build/release/onestop .build/release/onestop
# Exit status 0 when every file is identical, 1 when one differs (the differing files are
# listed), 2 on bad usage. Takes about 2 minutes per build with release builds.
set -uo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 2 ]; then
  sed -n 2,10p "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
OLD=$(readlink -f "$1")
NEW=$(readlink -f "$2")
shift 2
for b in "$OLD" "$NEW"; do
  [ -x "$b" ] || { echo "compare-builds: not an executable: $b" >&2; exit 2; }
done
if [ $# -gt 0 ]; then SCENARIOS=("$@"); else SCENARIOS=(scenarios/*.yaml); fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# Runs everything with binary $1 into directory $2.
produce() {
  local bin=$1 dir=$2
  mkdir -p "$dir"
  for s in "${SCENARIOS[@]}"; do
    local name
    name=$(basename "$s" .yaml)
    for reps in 1 2; do
      for threads in 1 2; do
        local tag="$name-r$reps-t$threads"
        local trace=()
        [ "$threads" = 1 ] && trace=(--trace "$dir/$tag/trace.csv")
        mkdir -p "$dir/$tag"
        "$bin" run "$s" --replications "$reps" --threads "$threads" --quiet \
          --out "$dir/$tag/out" --json "$dir/$tag/summary-stdout.json" "${trace[@]}" \
          > "$dir/$tag/stdout.txt" 2> "$dir/$tag/stderr.txt"
        echo "exit $?" >> "$dir/$tag/stdout.txt"
        if [ "$threads" = 1 ]; then
          "$bin" report "$dir/$tag/out" --out "$dir/$tag/report.html" > /dev/null 2>&1
          "$bin" report "$dir/$tag/out" --format markdown --out "$dir/$tag/report.md" > /dev/null 2>&1
        fi
      done
    done
  done
  if [ -f scenarios/tuyen-quang-2022-no-saturday.yaml ]; then
    "$bin" compare scenarios/tuyen-quang-2022.yaml scenarios/tuyen-quang-2022-no-saturday.yaml \
      --replications 2 --out "$dir/compare" > "$dir/compare-stdout.txt" 2>&1
    echo "exit $?" >> "$dir/compare-stdout.txt"
  fi
}

echo "compare-builds: old $OLD" >&2
produce "$OLD" "$WORK/old"
echo "compare-builds: new $NEW" >&2
produce "$NEW" "$WORK/new"

# The scratch directory and the run's wall time appear in some outputs: normalise them.
normalise() {
  sed -E -e "s#$WORK/old#WORK#g" -e "s#$WORK/new#WORK#g" \
    -e 's/, [0-9]+(\.[0-9]+)? (s|min)$/, TIME/' "$1"
}
status=0
files=0
while IFS= read -r f; do
  files=$((files + 1))
  if [ ! -f "$WORK/new/$f" ]; then
    echo "missing in new: $f"
    status=1
  elif ! cmp -s <(normalise "$WORK/old/$f") <(normalise "$WORK/new/$f"); then
    echo "differs: $f"
    status=1
  fi
done < <(cd "$WORK/old" && find . -type f | sort)
extra=$(comm -13 <(cd "$WORK/old" && find . -type f | sort) <(cd "$WORK/new" && find . -type f | sort))
[ -n "$extra" ] && { echo "only in new:"; echo "$extra"; status=1; }
if [ $status = 0 ]; then
  echo "compare-builds: all $files files identical (${#SCENARIOS[@]} scenarios x 1-2 replications x 1-2 threads)"
fi
exit $status
