#!/usr/bin/env bash
# Peak memory in corpus mode (--format jsonl, streamed) at 1,000 and 20,000
# files, beside the buffered report (--stats keeps every file until the end):
# corpus mode's memory must be flat in the number of files (issue 11).
#   bash bench/memory.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=build-bench BUILD_TYPE=Release CMAKE_ARGS="-DCLAUSELINT_TESTS=OFF" scripts/setup.sh >/dev/null
bin=build-bench/clauselint
sources=(fixtures/core/*.md examples/*.md tests/inputs/policy.html)
for files in 1000 20000; do
  corpus=build-bench/memory-$files
  if [ ! -d "$corpus" ]; then
    mkdir -p "$corpus"
    for ((i = 0; i < files; i++)); do
      f=${sources[$((i % ${#sources[@]}))]}
      cp "$f" "$corpus/$i-$(basename "$f")"
    done
  fi
  for mode in streamed buffered; do
    extra=()
    [ "$mode" = buffered ] && extra=(--stats)
    /usr/bin/time -f "%M %e" -o build-bench/memory-time.txt "$bin" -q --format jsonl -j 2 "${extra[@]}" "$corpus" \
      >/dev/null 2>/dev/null || true
    read -r rss_kb seconds < <(tail -n 1 build-bench/memory-time.txt)
    printf "%6s files  %-8s  peak RSS %4s MB  %6.2f s\n" "$files" "$mode" "$((rss_kb / 1024))" "$seconds"
  done
done
