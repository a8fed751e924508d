#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each in turn,
# one process at a time, for SECONDS seconds, from a seed corpus built from
# fixtures/ and tests/. CI runs it for a few seconds per target as a smoke
# test; fuzz for real with e.g. `scripts/fuzz.sh 600`.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     (default: 5 s, every target)
#   FUZZ_BUILD_DIR  build folder (default: build-fuzz)
#
# Targets: markdown html pack config baseline suppressions lsp image. A crash leaves
# its input in $FUZZ_BUILD_DIR/fuzz-out/TARGET/ and fails the script; make it
# a regression test (tests/hostile/ or tests/unit/) before fixing it.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-5}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(markdown html pack config baseline suppressions lsp image)
build=${FUZZ_BUILD_DIR:-build-fuzz}

if ! command -v clang++ >/dev/null; then
  echo "fuzz: clang++ is not installed (apt-get install clang libclang-rt-14-dev)" >&2
  exit 1
fi
CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCLAUSELINT_FUZZ=ON \
  -DCLAUSELINT_SANITIZE=ON -DCLAUSELINT_TESTS=OFF >/dev/null
cmake --build "$build" --target $(printf 'fuzz_%s ' "${targets[@]}") >/dev/null

# Seed corpora: the project's own inputs of each kind.
seed() {
  local target=$1 dir=$build/fuzz-seeds/$1
  rm -rf "$dir" && mkdir -p "$dir"
  case $target in
    markdown) find fixtures tests/inputs tests/baseline examples -name '*.md' -o -name '*.txt' | head -400 | xargs -I{} cp {} "$dir/" 2>/dev/null || true ;;
    html) find fixtures tests/inputs -name '*.html' -o -name '*.htm' | xargs -I{} cp {} "$dir/" 2>/dev/null || true
          find fixtures/core -name '*.md' | head -20 | xargs -I{} cp {} "$dir/" || true ;;
    pack|image) for f in rules/*.yaml tests/packs/*.yaml tests/hostile/packs/*.yaml; do cp "$f" "$dir/$(echo "$f" | tr / _)"; done ;;
    config) find tests/config -name '*.yaml' | while read -r f; do cp "$f" "$dir/$(echo "$f" | tr / _)"; done ;;
    baseline) find tests/baseline -name '*.json' | xargs -I{} cp {} "$dir/"
              echo '{"clauselint-baseline": 1, "findings": [{"file": "a.md", "rule": "r", "fingerprint": "0:1"}]}' >"$dir/small.json" ;;
    suppressions) grep -rhoE '<!-- ?clauselint-[^>]*-->' fixtures tests/inputs docs 2>/dev/null | sed -E 's/^<!-- ?//; s/ ?-->$//' |
                    sort -u | head -200 | { i=0; while IFS= read -r line; do printf '%s' "$line" >"$dir/s$i"; i=$((i + 1)); done; } || true ;;
    lsp) cp tests/fuzz/lsp-seeds/* "$dir/" ;;  # framed client messages (tests/fuzz/README.md)
  esac
}

status=0
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
for target in "${targets[@]}"; do
  seed "$target"
  out=$build/fuzz-out/$target
  corpus=$build/fuzz-corpus/$target
  mkdir -p "$out" "$corpus"
  echo "fuzz: $target for ${seconds}s ($(ls "$build/fuzz-seeds/$target" | wc -l) seeds)"
  if ! nice -n 19 "$build/fuzz_$target" "$corpus" "$build/fuzz-seeds/$target" -max_total_time="$seconds" \
       -rss_limit_mb=2048 -timeout=10 -max_len=65536 -print_final_stats=1 -artifact_prefix="$out/" \
       >"$out/log.txt" 2>&1; then
    echo "fuzz: $target FAILED: see $out/log.txt" >&2
    tail -30 "$out/log.txt" >&2
    status=1
  fi
  grep -E '^stat::(number_of_executed_units|peak_rss_mb)|cov: ' "$out/log.txt" | tail -3 | sed "s/^/  /"
done
exit $status
