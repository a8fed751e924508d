#!/usr/bin/env bash
# Language server latency (issue 12): the time from a didChange to its
# publishDiagnostics, on a ~20 KB policy made from fixtures/core, default
# packs, over the real stdio pipes; prints median and p95 (bench/README.md).
# Measured, not asserted.
#   bench/lsp-latency.sh [CHANGES]    (default 200; BIN=path/to/clauselint to skip the build)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${BIN:-}" ]; then
  BUILD_DIR=build-bench BUILD_TYPE=Release CMAKE_ARGS="-DCLAUSELINT_TESTS=OFF" scripts/setup.sh >/dev/null
  BIN=build-bench/clauselint
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
policy=$work/policy-20k.md
# Fixture policies concatenated until 20 KB, each under its own level-2 heading.
echo "# Privacy policy (benchmark)" >"$policy"
for f in fixtures/core/*.md fixtures/corpus/*.md; do
  [ "$(wc -c <"$policy")" -ge 20480 ] && break
  { echo; echo "## From $(basename "$f" .md)"; echo; sed -E 's/^(#+) /\1# /' "$f"; } >>"$policy"
done
node bench/lsp_latency.mjs "$BIN" "$policy" "${1:-200}"
