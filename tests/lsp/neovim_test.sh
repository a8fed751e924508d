#!/usr/bin/env bash
# Headless Neovim (Debian 12's neovim, 0.7) as a real LSP client of
# `clauselint lsp`, configured with docs/editor.md's block (neovim_test.lua).
# Exit 77 (SKIP) when nvim is missing, except under CI=true: a FAIL.
#   neovim_test.sh CLAUSELINT SOURCE_DIR
set -euo pipefail
clauselint=$1 source=$2
skip() {
  if [ "${CI:-}" = true ]; then echo "FAIL (CI=true, so this is not skipped): $*" >&2; exit 1; fi
  echo "SKIP: $*"; exit 77
}
command -v nvim >/dev/null || skip "nvim is not installed (apt-get install neovim; scripts/test.sh does)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/policies"
ln -s "$(cd "$(dirname "$clauselint")" && pwd)/$(basename "$clauselint")" "$work/bin/clauselint"  # as on PATH
cp "$source/tests/lsp/policy.md" "$work/policies/policy.md"
cd "$work/policies"
status=0
PATH="$work/bin:$PATH" HOME="$work" XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache" \
  CLAUSELINT_DOCS="$source/docs/editor.md" CLAUSELINT_POLICY="$work/policies/policy.md" CLAUSELINT_RESULT="$work/result" \
  timeout 120 nvim --headless --clean -c "luafile $source/tests/lsp/neovim_test.lua" </dev/null || status=$?
[ -f "$work/result" ] || { echo "FAIL: nvim wrote no result (exit status $status)"; exit 1; }
cat "$work/result"
[ "$(head -1 "$work/result")" = PASS ] && [ "$status" = 0 ]
