#!/usr/bin/env bash
# Runs the whole test suite: unit, trace, property and theory tests.
# Usage: scripts/test.sh [extra `swift test` arguments, e.g. --filter TheoryTests]
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --build-tests
swift test --skip-build "$@"
