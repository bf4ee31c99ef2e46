#!/usr/bin/env bash
# Formats the Swift sources and tests to the project's layout: 2-space indentation, lines
# within 120 columns (CodeSizeTests holds every file to it). `swift format` (in the Swift 6
# toolchain) breaks code, with `.swift-format`; scripts/wrap-long-literals.py then wraps the
# string literals it cannot break, as multi-line literals with line continuations, so no
# printed text changes. It measures characters; CodeSizeTests counts UTF-8 bytes, so a line of
# Vietnamese text may still need splitting by hand. Check afterwards with
# scripts/compare-builds.sh and the tests.
#
# Usage: scripts/format.sh [FILE ...]   (default: every .swift file under Sources and Tests)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -gt 0 ]; then files=("$@"); else mapfile -t files < <(find Sources Tests -name '*.swift' | sort); fi
swift format format --configuration .swift-format -i "${files[@]}"
python3 scripts/wrap-long-literals.py --limit 120 "${files[@]}"
