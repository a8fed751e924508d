#!/usr/bin/env bash
# The default packs are stated once, in docs/rule-packs.md#default-packs, and
# match the binary; other pages link there instead of saying "every built-in
# pack" or repeating the list.   default_packs_test.sh CLAUSELINT SOURCE_DIR
set -euo pipefail
bin=$(readlink -f "$1")
src=$2
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
printf '# Privacy\n' >"$tmp/p.md"
actual=$(cd "$tmp" && "$bin" --print-config p.md | sed -n 's/^packs: \[\(.*\)\]  # the defaults$/\1/p')
[ -n "$actual" ] || { echo "FAIL: clauselint --print-config shows no default packs"; exit 1; }
stated=$(awk '/^## Default packs/{d=1; next} /^## /{d=0} d' "$src/docs/rule-packs.md" | tr '\n' ' ' |
         sed -n 's/.*The default packs are \(.*\): clauselint runs them.*/\1/p' | sed 's/` and `/, /; s/`//g')
[ "$stated" = "$actual" ] || { echo "FAIL: docs/rule-packs.md#default-packs says '$stated', the binary uses '$actual'"; exit 1; }
bad=$(grep -nE "(default|Without one)[^.]*every built-in pack|otherwise every built-in pack|today: core" \
      "$src/README.md" "$src"/docs/*.md || true)
[ -z "$bad" ] || { echo "FAIL: a page states another default:"; echo "$bad"; exit 1; }
for page in docs/configuration.md docs/pre-commit.md README.md; do
  grep -q 'rule-packs.md#default-packs' "$src/$page" || { echo "FAIL: $page does not link to rule-packs.md#default-packs"; exit 1; }
done
echo "PASS: the default packs ($actual) are stated once and linked"
