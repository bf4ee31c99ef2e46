#!/usr/bin/env bash
# Runs the whole test suite: unit, trace, property and theory tests.
# Usage: scripts/test.sh [extra `swift test` arguments, e.g. --filter TheoryTests]
set -euo pipefail
cd "$(dirname "$0")/.."
# The bundled unit tables are data: their ids, parents, kinds and sums are checked first.
if [ $# -eq 0 ]; then python3 scripts/check-units-data.py >/dev/null; fi
swift build --build-tests
swift test --skip-build "$@"
# Every command of the README and of every --help text, scaled down (2 replications, six
# weeks), with the built binary: a non-zero exit fails (about 2 minutes with a release build).
if [ $# -eq 0 ]; then python3 scripts/check-examples.py; fi
