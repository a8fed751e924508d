#!/usr/bin/env bash
# Sets up clauselint and runs every test: a Debug build with AddressSanitizer,
# UndefinedBehaviorSanitizer and warnings as errors, then CTest (unit tests,
# golden tests of the binary, pack examples, the seeds acceptance test, the
# hostile-input suite), then a short libFuzzer run of each reader.
set -euo pipefail
cd "$(dirname "$0")/.."
export BUILD_DIR=${BUILD_DIR:-build-check}
export BUILD_TYPE=Debug

# Test-only tools from Debian: git and pre-commit (the hook test), clang and
# its runtime libraries (libFuzzer, for the fuzzing smoke run), npm when the
# machine has none; Microsoft's SARIF Multitool from npm, kept in the build folder.
export EXTRA_PACKAGES="git pre-commit clang libclang-rt-14-dev ${EXTRA_PACKAGES:-}"
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

# Fuzzing smoke run: each libFuzzer target for a few seconds (scripts/fuzz.sh;
# FUZZ_SECONDS=0 skips it).
if [ "${FUZZ_SECONDS:-5}" != 0 ]; then
  FUZZ_BUILD_DIR="$BUILD_DIR-fuzz" scripts/fuzz.sh "${FUZZ_SECONDS:-5}"
fi
