#!/usr/bin/env bash
# Sets up clauselint and runs every test: a Debug build with AddressSanitizer,
# UndefinedBehaviorSanitizer and warnings as errors, then CTest (unit tests,
# golden tests of the binary, pack examples, the seeds acceptance test).
set -euo pipefail
cd "$(dirname "$0")/.."
export BUILD_DIR=${BUILD_DIR:-build-check}
export BUILD_TYPE=Debug

# Test-only tools from Debian: git and pre-commit (the hook test), npm when the
# machine has none; Microsoft's SARIF Multitool from npm, kept in the build folder.
export EXTRA_PACKAGES="git pre-commit ${EXTRA_PACKAGES:-}"
command -v npm >/dev/null || EXTRA_PACKAGES="npm $EXTRA_PACKAGES"
tools="$BUILD_DIR/test-tools"
multitool="$tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
export CMAKE_ARGS="-DCLAUSELINT_SANITIZE=ON -DCLAUSELINT_WERROR=ON -DSARIF_MULTITOOL=$PWD/$multitool ${CMAKE_ARGS:-}"
scripts/setup.sh
if [ ! -x "$multitool" ]; then
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --silent @microsoft/sarif-multitool@5.7.0 >/dev/null
fi

ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$(nproc)"
