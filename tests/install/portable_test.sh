#!/usr/bin/env bash
# The portable binary: `readelf -d` lists only glibc's libraries, and the
# binary lints examples/privacy.md inside a bare chroot that holds nothing but
# the binary, those libraries and the policy. Needs readelf and root for the
# chroot (else SKIP, exit 77; under CI=true it fails).
#   portable_test.sh PORTABLE_BINARY SOURCE_DIR
set -euo pipefail
. "$(dirname "$0")/skip.sh"
[ -n "${1:-}" ] || skip "no portable build: run scripts/build-portable.sh, then configure with -DCLAUSELINT_PORTABLE_BUILD=build-portable"
bin=$(readlink -f "$1")
src=$(cd "$2" && pwd)
[ -x "$bin" ] || fail "$1 is not an executable (scripts/build-portable.sh builds it)"
command -v readelf >/dev/null || skip "readelf is not installed (apt-get install binutils)"

# glibc's own libraries: anything else means a dependency is still dynamic.
glibc='^(libc\.so\.6|libm\.so\.6|libpthread\.so\.0|libdl\.so\.2|librt\.so\.1|ld-linux-x86-64\.so\.2)$'
needed=$(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]$/\1/p')
[ -n "$needed" ] || fail "readelf -d shows no NEEDED entry at all (is $bin a dynamic ELF binary?)"
others=$(grep -Ev "$glibc" <<<"$needed" || true)
[ -z "$others" ] || fail "the portable binary needs more than glibc: $(echo $others)"
! readelf -d "$bin" | grep -qE '\((RPATH|RUNPATH)\)' || fail "the portable binary carries an RPATH/RUNPATH"
ok "readelf -d NEEDED: $(echo $needed)"

[ "$(id -u)" -eq 0 ] || skip "not root: cannot chroot (readelf checked)"
command -v chroot >/dev/null || skip "no chroot program (readelf checked)"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/clauselint-chroot.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
root=$tmp/root
mkdir -p "$root/examples"
cp "$bin" "$root/clauselint"
cp "$src/examples/privacy.md" "$root/examples/"
interp=$(readelf -l "$bin" | sed -n 's/.*Requesting program interpreter: \(.*\)\]$/\1/p')
for lib in $needed "$interp"; do
  path=$(ldd "$bin" | awk -v l="$(basename "$lib")" '$1 == l || $1 ~ "/"l"$" { print ($3 ~ /^\//) ? $3 : $1 }' | head -n 1)
  [ -n "$path" ] || path=$lib
  mkdir -p "$root$(dirname "$path")"
  cp -L "$path" "$root$path"
  [ "$lib" = "$interp" ] || continue
  mkdir -p "$root$(dirname "$interp")" && cp -L "$interp" "$root$interp"
done
echo "chroot holds: $(cd "$root" && find . -type f | sort | tr '\n' ' ')"
set +e
chroot "$root" /clauselint examples/privacy.md >"$tmp/out.txt" 2>"$tmp/err.txt"
status=$?
set -e
expected="examples/privacy.md:27:1: error: the policy mentions cookies but does not tell users how to refuse, disable or delete them [cookie-opt-out]
examples/privacy.md:52:1: error: the policy does not say how users will be told about changes to it [change-notification]"
[ "$status" -eq 1 ] || fail "in the chroot: exit $status, expected 1; stderr: $(cat "$tmp/err.txt")"
[ "$(cat "$tmp/out.txt")" = "$expected" ] || fail "in the chroot, unexpected findings:
$(cat "$tmp/out.txt")"
[ "$(cat "$tmp/err.txt")" = "clauselint: 2 errors in 1 file" ] || fail "in the chroot, stderr: $(cat "$tmp/err.txt")"
set +e
chroot "$root" /clauselint --rules core,gdpr --format sarif examples/privacy.md >"$tmp/sarif.json" 2>/dev/null
status=$?
set -e
[ "$status" -eq 1 ] && grep -q '"ruleId": "gdpr-' "$tmp/sarif.json" || fail "in the chroot, --format sarif with gdpr: exit $status"
ok "in a bare chroot the binary lints examples/privacy.md (text and SARIF) as the README shows"
echo "PASS: portable binary"
