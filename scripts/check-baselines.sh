#!/usr/bin/env bash
# Re-runs every bundled scenario that has a committed baseline and fails when a KPI moved
# (`onestop check`, Welch's t-test plus a practical threshold). CI runs it after the tests.
#
#   scripts/check-baselines.sh            # check all
#   scripts/check-baselines.sh --update   # rewrite all baselines deliberately (review the diff!)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${ONESTOP:-.build/debug/onestop}
[ -x "$bin" ] || swift build --product onestop >/dev/null
status=0
for baseline in results/baseline/*.json; do
  name=$(basename "$baseline" .json)
  scenario="scenarios/$name.yaml"
  if [ ! -f "$scenario" ]; then
    echo "$baseline: no scenario $scenario" >&2
    status=1
    continue
  fi
  if [ "${1:-}" = "--update" ]; then
    reps=$(python3 -c "import json,sys; print(json.load(open('$baseline'))['replications'])")
    "$bin" check "$scenario" --baseline "$baseline" --update --replications "$reps"
  else
    "$bin" check "$scenario" --baseline "$baseline" || status=1
  fi
done
exit $status
