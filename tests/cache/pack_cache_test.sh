#!/usr/bin/env bash
# The cache of compiled user packs (include/clauselint/pack_cache.h, issue 11):
# an entry is written on first use and read after; an edited pack gets a new
# entry; a damaged entry is ignored and rewritten; an unwritable cache is not
# an error. Findings are the same with the cache off, cold and warm.
#   pack_cache_test.sh CLAUSELINT SOURCE_DIR
set -euo pipefail
clauselint=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CLAUSELINT_CACHE_DIR=$work/cache
unset CLAUSELINT_NO_CACHE
fail() { echo "FAIL: $*" >&2; exit 1; }

cp "$src/tests/packs/valid.yaml" "$work/pack.yaml"
lint() { "$clauselint" --rules "$1" --format json "$src/fixtures/core" 2>&1 || true; }

uncached=$(CLAUSELINT_NO_CACHE=1 lint "$work/pack.yaml")
[ ! -e "$work/cache" ] || fail "CLAUSELINT_NO_CACHE=1 still wrote the cache"
grep -q '"ruleId"\|"rule"' <<<"$uncached" || fail "the pack reported nothing to compare: $uncached"
cold=$(lint "$work/pack.yaml")
entries=("$work"/cache/*.clpk)
[ ${#entries[@]} -eq 1 ] && [ -s "${entries[0]}" ] || fail "no cache entry after the first run: $(ls -la "$work/cache" 2>&1)"
entry=${entries[0]}
warm=$(lint "$work/pack.yaml")
[ "$cold" = "$uncached" ] || fail "findings differ between no cache and a cold cache"
[ "$warm" = "$uncached" ] || fail "findings differ between no cache and a warm cache"
echo "ok: one entry, findings identical off, cold and warm"

# The entry is what the run loads: another pack's image in its place shows.
sed -e 's/^name: test-valid/name: test-other/' -e 's/id: retention-period$/id: retention-period-other/' \
  "$src/tests/packs/valid.yaml" >"$work/other.yaml"
grep -q 'retention-period-other' <<<"$(lint "$work/other.yaml")" || fail "the edited pack's rule did not report"
other_entry=$(ls -t "$work"/cache/*.clpk | head -1)
[ "$other_entry" != "$entry" ] || fail "an edited pack reused the old entry"
cp "$entry" "$work/good.clpk"
cp "$other_entry" "$entry"
grep -q 'retention-period-other' <<<"$(lint "$work/pack.yaml")" || fail "the entry in the cache was not what the run loaded"
cp "$work/good.clpk" "$entry"
echo "ok: the run loads the entry; an edited pack has its own"

# Damaged entries: truncated, a flipped byte, empty, garbage. Each is ignored
# (same findings as without the cache) and rewritten whole.
damage() {
  case $1 in
    truncate) head -c 40 "$work/good.clpk" >"$entry" ;;
    flip) cp "$work/good.clpk" "$entry"; printf '\xff' | dd of="$entry" bs=1 seek=60 conv=notrunc status=none ;;
    empty) : >"$entry" ;;
    garbage) head -c 3000 /dev/urandom >"$entry" ;;
  esac
}
for kind in truncate flip empty garbage; do
  damage $kind
  out=$(lint "$work/pack.yaml")
  [ "$out" = "$uncached" ] || fail "a $kind entry changed the findings: $out"
  cmp -s "$entry" "$work/good.clpk" || fail "a $kind entry was not rewritten"
done
echo "ok: damaged entries ignored and rewritten"

# A cache that cannot be written: same findings, nothing on stderr about it.
export CLAUSELINT_CACHE_DIR=$work/not-a-folder/cache
: >"$work/not-a-folder"
out=$(lint "$work/pack.yaml")
[ "$out" = "$uncached" ] || fail "an unwritable cache changed the output: $out"
echo "ok: an unwritable cache is not an error"
