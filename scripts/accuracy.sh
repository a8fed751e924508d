#!/usr/bin/env bash
# Prints per-rule precision and recall of every built-in pack over the
# labelled corpus (fixtures/corpus/) and the seeds (../shared/seeds/, when
# present). Exits 1 when a rule is below 0.95.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}
[ -x "$build/clauselint" ] || BUILD_DIR="$build" scripts/setup.sh >/dev/null
dirs=(fixtures/corpus)
[ -f ../shared/seeds/EXPECTED.md ] && dirs+=(../shared/seeds)
exec "$build/clauselint" accuracy "${dirs[@]}" "$@"
