#!/usr/bin/env bash
# Quick start: set up and build clauselint, then lint the bundled example
# policy (which has two gaps, so clauselint reports them and exits 1).
set -euo pipefail
cd "$(dirname "$0")/.."
CMAKE_ARGS="-DCLAUSELINT_TESTS=OFF ${CMAKE_ARGS:-}" scripts/setup.sh
echo
echo "$ build/clauselint examples/privacy.md"
status=0
build/clauselint examples/privacy.md || status=$?
echo "(exit status $status: 0 clean, 1 findings, 2 errors)"
[ "$status" -le 1 ]
