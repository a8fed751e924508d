#!/usr/bin/env bash
# Formats every C++ file of the tree with clang-format (.clang-format), or,
# with --check, lists the files that are not formatted and exits 1.
#   scripts/format.sh [--check] [SOURCE_DIR]
set -euo pipefail
check=0
if [ "${1:-}" = --check ]; then check=1; shift; fi
cd "${1:-$(dirname "$0")/..}"
mapfile -t files < <(find src include tools bench tests -name '*.cpp' -o -name '*.h' | sort)
if [ $check = 0 ]; then
  clang-format -i "${files[@]}"
  exit 0
fi
unformatted=()
for f in "${files[@]}"; do
  clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || unformatted+=("$f")
done
if [ ${#unformatted[@]} -gt 0 ]; then
  echo "format: ${#unformatted[@]} of ${#files[@]} files are not formatted (run scripts/format.sh):" >&2
  printf '  %s\n' "${unformatted[@]}" >&2
  clang-format --dry-run "${unformatted[0]}" 2>&1 | head -20 >&2
  exit 1
fi
echo "format: all ${#files[@]} C++ files are formatted"
