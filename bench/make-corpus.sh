#!/usr/bin/env bash
# Makes the benchmark corpus in DIR: COPIES (default 80) copies of the
# fixtures, the example and (when present) ../shared/seeds, under distinct names.
#   bench/make-corpus.sh DIR
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:?usage: bench/make-corpus.sh DIR}
copies=${COPIES:-80}
rm -rf "$corpus" && mkdir -p "$corpus"
sources=(fixtures/core/*.md examples/*.md tests/inputs/policy.html)
[ -d ../shared/seeds ] && sources+=(../shared/seeds/*.txt)
for ((i = 0; i < copies; i++)); do
  for f in "${sources[@]}"; do
    cp "$f" "$corpus/$i-$(basename "$f")"
  done
done
