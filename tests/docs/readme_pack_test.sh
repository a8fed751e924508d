#!/usr/bin/env bash
# The pack in the README's "Writing a rule", as a user would paste it: it
# loads, its examples pass, and it reports the weak wording as its warning.
#   readme_pack_test.sh CLAUSELINT README
set -euo pipefail
bin=$1 readme=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
awk '/^## Writing a rule/ { in_section = 1 } in_section && /^```yaml$/ { grab = 1; next } grab && /^```$/ { exit } grab' \
  "$readme" > "$work/my-pack.yaml"
[ -s "$work/my-pack.yaml" ] || { echo "FAIL: no yaml block under 'Writing a rule'"; exit 1; }
"$bin" test "$work/my-pack.yaml"
printf '# Notice\n\nWe keep order records as long as necessary.\n' > "$work/policy.md"
out=$("$bin" --rules "$work/my-pack.yaml" "$work/policy.md" 2>&1 || true)
echo "$out"
grep -q "warning: .*\[retention-period-vague\]" <<<"$out" || { echo "FAIL: no retention-period-vague warning"; exit 1; }
if grep -q "\[retention-period\]" <<<"$out"; then echo "FAIL: the error fired on weak wording"; exit 1; fi
echo "README pack: ok"
