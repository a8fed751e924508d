#!/usr/bin/env bash
# The sharding recipe of docs/corpus.md, run as written there: GNU parallel
# splits a corpus into chunks for two workers, and the merged JSON Lines equal
# a single run's, byte for byte.
#   parallel_test.sh CLAUSELINT SOURCE_DIR
# Exit 77 (SKIP) when GNU parallel is missing, except under CI=true.
set -euo pipefail
bin=$(realpath "$1")
src=$(realpath "$2")
if ! command -v parallel >/dev/null; then
  echo "GNU parallel is not installed (Debian package 'parallel')"
  [ "${CI:-}" = true ] && exit 1
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus/2009" "$work/corpus/2010" "$work/bin"
cp "$src"/fixtures/core/*.md "$work/corpus/2009/"
cp "$src"/tests/inputs/stats/2010/*.md "$src"/examples/*.md "$work/corpus/2010/"
cp "$src"/tests/inputs/policy.html "$work/corpus/"
ln -s "$bin" "$work/bin/clauselint"
export PATH="$work/bin:$PATH"
cd "$work"

clauselint --format jsonl -q corpus >single.jsonl || true

# --- the recipe (docs/corpus.md), with the two workers on this machine ---
find corpus -type f \( -name '*.md' -o -name '*.markdown' -o -name '*.txt' -o -name '*.html' -o -name '*.htm' \) |
  LC_ALL=C sort |
  parallel --will-cite --keep-order -N 5 --sshlogin 1/:,1/: clauselint --format jsonl -q >merged.jsonl || true
# ---

lines=$(wc -l <single.jsonl)
if [ "$lines" -lt 20 ]; then echo "FAIL: too few findings to compare ($lines)"; exit 1; fi
if ! cmp -s single.jsonl merged.jsonl; then
  echo "FAIL: the merged output of the sharded run differs from a single run"
  diff single.jsonl merged.jsonl | head -20
  exit 1
fi
echo "PASS: $lines findings, identical"
