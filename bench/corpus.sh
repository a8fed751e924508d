#!/usr/bin/env bash
# Corpus benchmark: files/s, MB/s and peak RSS of clauselint on a generated
# corpus (see bench/README.md). Exits 1 when a target is missed.
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${COPIES:-80}
min_files_per_second=${MIN_FILES_PER_SECOND:-150}
max_rss_mb=${MAX_RSS_MB:-100}
max_one_file_ms=${MAX_ONE_FILE_MS:-100}

BUILD_DIR=build-bench BUILD_TYPE=Release CMAKE_ARGS="-DCLAUSELINT_TESTS=OFF" scripts/setup.sh >/dev/null
bin=build-bench/clauselint
corpus=build-bench/corpus
COPIES=$copies bash bench/make-corpus.sh "$corpus"
files=$(find "$corpus" -type f | wc -l)
bytes=$(du -sb "$corpus" | cut -f1)

run() {  # run JOBS -> prints "seconds rss_kb"
  /usr/bin/time -f "%e %M" -o build-bench/time.txt "$bin" --quiet --format jsonl -j "$1" "$corpus" >build-bench/out.jsonl || true
  tail -n 1 build-bench/time.txt  # (time prints "Command exited with non-zero status 1" first)
}
echo "corpus: $files files, $((bytes / 1024)) KiB"
status=0
for jobs in 1 "$(nproc)"; do
  read -r seconds rss_kb < <(run "$jobs")
  fps=$(awk -v f="$files" -v s="$seconds" 'BEGIN { printf "%.0f", f / (s > 0 ? s : 0.001) }')
  mbps=$(awk -v b="$bytes" -v s="$seconds" 'BEGIN { printf "%.1f", b / 1048576 / (s > 0 ? s : 0.001) }')
  rss_mb=$((rss_kb / 1024))
  printf -- "-j %-2s %6.2f s  %6s files/s  %6s MB/s  peak RSS %4s MB\n" "$jobs" "$seconds" "$fps" "$mbps" "$rss_mb"
  if [ "$jobs" = 1 ] && [ "$fps" -lt "$min_files_per_second" ]; then
    echo "target missed: $fps files/s on one core < $min_files_per_second"; status=1
  fi
  if [ "$rss_mb" -gt "$max_rss_mb" ]; then echo "target missed: peak RSS $rss_mb MB > $max_rss_mb MB"; status=1; fi
done
wc -l <build-bench/out.jsonl | xargs echo "findings (last run):"

# One file, as a pre-commit hook or an editor runs it: start-up (loading the
# packs) dominates. Mean of 20 runs.
one_file() {  # PACK_ARGS... -> prints milliseconds
  local start end
  start=$(date +%s%N)
  for _ in $(seq 20); do "$bin" --quiet "$@" examples/privacy.md >/dev/null || true; done
  end=$(date +%s%N)
  echo $(((end - start) / 20000000))
}
default_ms=$(one_file)
all_ms=$(one_file --rules core,caloppa,hygiene,coppa,ccpa,gdpr,us-states)
echo "one file (examples/privacy.md): ${default_ms} ms with the default packs, ${all_ms} ms with every pack"
if [ "$default_ms" -gt "$max_one_file_ms" ]; then
  echo "target missed: one file takes $default_ms ms > $max_one_file_ms ms"; status=1
fi
exit $status
