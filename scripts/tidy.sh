#!/usr/bin/env bash
# Runs clang-tidy (.clang-tidy: the checks the tree is kept clean of) on every
# source file, with the compile commands of a build folder (default: build).
#   scripts/tidy.sh [FILE...]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}
[ -f "$build/compile_commands.json" ] || { echo "tidy: configure $build first (bash scripts/setup.sh)"; exit 2; }
files=("$@")
[ ${#files[@]} -gt 0 ] || mapfile -t files < <(git ls-files 'src/*.cpp' 'tools/*.cpp')
printf '%s\n' "${files[@]}" | xargs -P "$(nproc)" -n 4 clang-tidy -p "$build" --quiet 2>&1 |
  grep -v ' warnings generated\.$' || true
