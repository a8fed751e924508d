#!/usr/bin/env bash
# Sets up clauselint and runs every test: a Debug build with AddressSanitizer,
# UndefinedBehaviorSanitizer and warnings as errors, then CTest (unit tests,
# golden tests of the binary, pack examples, the seeds acceptance test).
set -euo pipefail
cd "$(dirname "$0")/.."
export BUILD_DIR=${BUILD_DIR:-build-check}
export BUILD_TYPE=Debug
export CMAKE_ARGS="-DCLAUSELINT_SANITIZE=ON -DCLAUSELINT_WERROR=ON ${CMAKE_ARGS:-}"
scripts/setup.sh
ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$(nproc)"
