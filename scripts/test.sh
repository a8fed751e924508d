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
# its runtime libraries (libFuzzer, for the fuzzing smoke run), clang-format
# (the format check, code/format), npm when the
# machine has none; Microsoft's SARIF Multitool from npm, kept in the build folder.
# man-db, zsh and fish: the install test renders the man page and runs each
# completion script; dpkg-dev and file: cpack's dpkg-shlibdeps. neovim: the
# language server's real-client test (tests/lsp/), with
# vscode-languageserver-protocol from npm for the Node client test.
export EXTRA_PACKAGES="git pre-commit clang clang-format libclang-rt-14-dev man-db zsh fish dpkg-dev file binutils parallel neovim ${EXTRA_PACKAGES:-}"
command -v npm >/dev/null || EXTRA_PACKAGES="npm $EXTRA_PACKAGES"
tools="$BUILD_DIR/test-tools"
multitool="$tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
export CMAKE_ARGS="-DCLAUSELINT_SANITIZE=ON -DCLAUSELINT_WERROR=ON -DSARIF_MULTITOOL=$PWD/$multitool -DCLAUSELINT_PORTABLE_BUILD=$PWD/build-portable ${CMAKE_ARGS:-}"
scripts/setup.sh --packages-only
# The Release build with warnings as errors, linked portably, and its Debian
# package: the install tests use them (tests/install/).
BUILD_DIR=build-portable CMAKE_ARGS= scripts/build-portable.sh
scripts/setup.sh
if [ ! -x "$multitool" ] || [ ! -f "$tools/node_modules/yaml/package.json" ] ||
   [ ! -f "$tools/node_modules/vscode-languageserver-protocol/package.json" ]; then
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --silent @microsoft/sarif-multitool@5.7.0 yaml@2.3.4 \
    vscode-languageserver-protocol@3.17.5 >/dev/null
fi

log="$BUILD_DIR/ctest.log"
status=0
ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$(nproc)" 2>&1 | tee "$log" || status=$?
[ "$status" = 0 ] || exit "$status"
# With ../shared beside the repository every suite can run: a skip is a failure.
if [ -d ../shared ] && grep -q '(Skipped)' "$log"; then
  echo "test.sh: ../shared is present, yet these suites were skipped:" >&2
  grep '(Skipped)' "$log" >&2
  exit 1
fi

# Fuzzing smoke run: each libFuzzer target for a few seconds (scripts/fuzz.sh;
# FUZZ_SECONDS=0 skips it).
if [ "${FUZZ_SECONDS:-5}" != 0 ]; then
  FUZZ_BUILD_DIR="$BUILD_DIR-fuzz" scripts/fuzz.sh "${FUZZ_SECONDS:-5}"
fi
