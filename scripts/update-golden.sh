#!/usr/bin/env bash
# Rewrites tests/golden/expected/ from the current binary. Review `git diff`
# before committing: a golden file is a claim about correct output.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}
cmake --build "$build"
CLAUSELINT_UPDATE_GOLDEN=1 ctest --test-dir "$build" -R '^golden/' --output-on-failure >/dev/null
git status --short tests/golden/expected
