#!/usr/bin/env bash
# clauselint beside its peers on the same corpus (bench/make-corpus.sh):
# ripgrep with one pattern and with every literal word of the rules (the
# prefilter's atoms), and textlint (npm) with one rule. Prints each time
# and its ratio to clauselint's; absolute times only beside the ratios.
#   bash bench/peers.sh
# Needs ripgrep (Debian 'ripgrep'); textlint comes from npm into
# build-bench/peer-tools when npm is there. Vale is not in Debian or npm here.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=build-bench BUILD_TYPE=Release CMAKE_ARGS="-DCLAUSELINT_TESTS=OFF" scripts/setup.sh >/dev/null
cmake --build build-bench --target pattern_cost >/dev/null
corpus=build-bench/corpus
[ -d "$corpus" ] || bash bench/make-corpus.sh "$corpus"
files=$(find "$corpus" -type f | wc -l)
bytes=$(du -sb "$corpus" | cut -f1)
jobs=$(nproc)
build-bench/pattern_cost --atoms >build-bench/atoms.txt

seconds() {  # CMD... -> best of 3 wall-clock seconds
  local best=
  for _ in 1 2 3; do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    local s
    s=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
    if [ -z "$best" ] || awk -v x="$s" -v y="$best" 'BEGIN { exit !(x < y) }'; then best=$s; fi
  done
  echo "$best"
}
row() {  # NAME SECONDS REFERENCE
  awk -v n="$1" -v s="$2" -v r="$3" -v b="$bytes" \
    'BEGIN { printf "%-44s %8.3f s  %8.1f MB/s  %7.2fx clauselint\n", n, s, b / 1048576 / s, s / r }'
}
echo "corpus: $files files, $((bytes / 1024)) KiB; -j $jobs where the tool has it"
ref=$(seconds build-bench/clauselint -q --format jsonl -j "$jobs" "$corpus")
row "clauselint (default packs)" "$ref" "$ref"
row "clauselint (every pack)" "$(seconds build-bench/clauselint -q --format jsonl -j "$jobs" \
  --rules core,caloppa,hygiene,coppa,ccpa,gdpr,us-states "$corpus")" "$ref"
if command -v rg >/dev/null; then
  row "ripgrep, one pattern" "$(seconds rg -c -i -j "$jobs" 'privacy policy' "$corpus")" "$ref"
  row "ripgrep, $(wc -l <build-bench/atoms.txt) literals of the rules" \
    "$(seconds rg -c -i -F -j "$jobs" -f build-bench/atoms.txt "$corpus")" "$ref"
else
  echo "ripgrep: not installed (apt-get install ripgrep)"
fi
tools=build-bench/peer-tools
if command -v npm >/dev/null; then
  [ -x "$tools/node_modules/.bin/textlint" ] ||
    npm install --prefix "$tools" --no-audit --no-fund --silent textlint@15.8.0 textlint-rule-no-todo@2.0.1 >/dev/null
  md=$(find "$corpus" -name '*.md' | wc -l)
  textlint() { (cd "$tools" && node_modules/.bin/textlint --rule no-todo "$@"); }  # it finds rules from its folder
  status=0
  textlint "$PWD/examples/privacy.md" >/dev/null 2>&1 || status=$?
  if [ "$status" -gt 1 ]; then  # 1: it found something; more: it failed
    echo "textlint: does not run (see: cd $tools && node_modules/.bin/textlint --rule no-todo FILE)"
  else
    row "textlint, one rule (no-todo; $md .md files)" "$(seconds textlint "$PWD/$corpus"/*.md)" "$ref"
  fi
else
  echo "textlint: npm is not installed"
fi
