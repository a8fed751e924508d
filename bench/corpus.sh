#!/usr/bin/env bash
# Corpus benchmark: files/s, MB/s and peak RSS of clauselint on a generated
# corpus (see bench/README.md). Exits 1 when a target is missed.
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${COPIES:-80}
# Issue 11's targets: 100 MB/s on all cores; one 20 KB policy in a median of
# 10 ms with the default packs and 20 ms with every pack; peak RSS 100 MB.
min_mb_per_second=${MIN_MB_PER_SECOND:-100}
max_rss_mb=${MAX_RSS_MB:-100}
max_one_file_ms=${MAX_ONE_FILE_MS:-10}
max_one_file_all_ms=${MAX_ONE_FILE_ALL_MS:-20}

BUILD_DIR=build-bench BUILD_TYPE=Release CMAKE_ARGS="-DCLAUSELINT_TESTS=OFF" scripts/setup.sh >/dev/null
bin=build-bench/clauselint
corpus=build-bench/corpus
COPIES=$copies bash bench/make-corpus.sh "$corpus"
files=$(find "$corpus" -type f | wc -l)
bytes=$(du -sb "$corpus" | cut -f1)

run() {  # run JOBS [DIR] -> prints "seconds rss_kb"
  /usr/bin/time -f "%e %M" -o build-bench/time.txt "$bin" --quiet --format jsonl -j "$1" "${2:-$corpus}" >build-bench/out.jsonl || true
  tail -n 1 build-bench/time.txt  # (time prints "Command exited with non-zero status 1" first)
}
mb_per_second() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.1f", b / 1048576 / (s > 0 ? s : 0.001) }'; }
echo "corpus: $files files, $((bytes / 1024)) KiB"
status=0
# The corpus repeats its files, so most blocks are answered by the block memo
# (block_memo.h); the same run without it, for comparison.
read -r seconds _ < <(CLAUSELINT_NO_MEMO=1 run 1)
echo "-j 1 without the block memo: $seconds s, $(mb_per_second "$bytes" "$seconds") MB/s"
# Real policies without repeats, when ../shared is present: what the memo cannot help.
if [ -d ../shared/opp115 ]; then
  real=build-bench/real-policies
  rm -rf "$real" && mkdir -p "$real"
  cp ../shared/opp115/*.html ../shared/modern-dev/*.md ../shared/seeds/*.txt "$real"/
  real_bytes=$(du -sb "$real" | cut -f1)
  for jobs in 1 "$(nproc)"; do
    read -r seconds _ < <(run "$jobs" "$real")
    echo "real policies, no repeats ($(find "$real" -type f | wc -l) files, $((real_bytes / 1024)) KiB), -j $jobs: $seconds s, $(mb_per_second "$real_bytes" "$seconds") MB/s"
  done
fi
for jobs in 1 "$(nproc)"; do
  read -r seconds rss_kb < <(run "$jobs")
  fps=$(awk -v f="$files" -v s="$seconds" 'BEGIN { printf "%.0f", f / (s > 0 ? s : 0.001) }')
  mbps=$(mb_per_second "$bytes" "$seconds")
  rss_mb=$((rss_kb / 1024))
  printf -- "-j %-2s %6.2f s  %6s files/s  %6s MB/s  peak RSS %4s MB\n" "$jobs" "$seconds" "$fps" "$mbps" "$rss_mb"
  if [ "$jobs" != 1 ] && awk -v m="$mbps" -v t="$min_mb_per_second" 'BEGIN { exit !(m < t) }'; then
    echo "target missed: $mbps MB/s on $jobs cores < $min_mb_per_second"; status=1
  fi
  if [ "$rss_mb" -gt "$max_rss_mb" ]; then echo "target missed: peak RSS $rss_mb MB > $max_rss_mb MB"; status=1; fi
done
wc -l <build-bench/out.jsonl | xargs echo "findings (last run):"

# One file, as a pre-commit hook or an editor runs it: the median of 21 runs,
# on examples/privacy.md (2 KB) and on a 20 KB policy made of the fixtures.
policy=build-bench/policy-20k.md
{ cat fixtures/corpus/*.md || true; } | head -c 20000 >"$policy" || true
one_file() {  # FILE PACK_ARGS... -> prints the median in milliseconds
  local file=$1 start end
  shift
  for _ in $(seq 21); do
    start=$(date +%s%N)
    "$bin" --quiet "$@" "$file" >/dev/null || true
    end=$(date +%s%N)
    echo $(((end - start) / 1000))
  done | sort -n | sed -n 11p | awk '{ printf "%.1f", $1 / 1000 }'
}
every=core,caloppa,hygiene,coppa,ccpa,gdpr,us-states
for file in examples/privacy.md "$policy"; do
  default_ms=$(one_file "$file")
  all_ms=$(one_file "$file" --rules "$every")
  echo "one file ($file, $(($(wc -c <"$file") / 1024)) KiB): median ${default_ms} ms with the default packs, ${all_ms} ms with every pack"
done
if awk -v d="$default_ms" -v t="$max_one_file_ms" 'BEGIN { exit !(d > t) }'; then
  echo "target missed: one 20 KB file takes $default_ms ms > $max_one_file_ms ms (default packs)"; status=1
fi
if awk -v d="$all_ms" -v t="$max_one_file_all_ms" 'BEGIN { exit !(d > t) }'; then
  echo "target missed: one 20 KB file takes $all_ms ms > $max_one_file_all_ms ms (every pack)"; status=1
fi
exit $status
