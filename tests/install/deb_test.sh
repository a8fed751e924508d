#!/usr/bin/env bash
# The Debian package as a newcomer uses it: `apt-get install ./clauselint_*.deb`,
# clauselint on PATH linting a policy from another folder, `man -w clauselint`,
# the bash completion, then `apt-get remove` leaves nothing behind. Removes the
# package even when a check fails. Needs root and apt (else SKIP, exit 77;
# under CI=true it fails instead).   deb_test.sh DIR_WITH_DEB SOURCE_DIR
set -euo pipefail
. "$(dirname "$0")/skip.sh"
[ -n "${1:-}" ] || skip "no portable build: run scripts/build-portable.sh, then configure with -DCLAUSELINT_PORTABLE_BUILD=build-portable"
deb=$(ls "$1"/clauselint_*.deb 2>/dev/null | head -n 1)
src=$(cd "$2" && pwd)
[ -n "$deb" ] || fail "no clauselint_*.deb in $1 (scripts/build-portable.sh builds it)"
[ "$(id -u)" -eq 0 ] || skip "not root: cannot apt-get install the package"
command -v apt-get >/dev/null || skip "no apt-get on this machine"
if dpkg-query -W -f='${Status}' clauselint 2>/dev/null | grep -q "install ok installed"; then
  skip "a clauselint package is already installed here; the test would replace and then remove it"
fi
[ ! -e /usr/bin/clauselint ] || skip "/usr/bin/clauselint exists and is not from a package"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/clauselint-deb.XXXXXX")
cleanup() {
  if dpkg-query -W -f='${Status}' clauselint 2>/dev/null | grep -q "install ok installed"; then
    DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq clauselint >/dev/null 2>&1 || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
cp "$deb" "$tmp/"
cd "$tmp"
# --no-install-recommends: the test installs nothing but the package's own dependencies.
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "./$(basename "$deb")" >install.log 2>&1 ||
  { cat install.log >&2; fail "apt-get install ./$(basename "$deb")"; }
[ "$(command -v clauselint)" = /usr/bin/clauselint ] || fail "clauselint is not /usr/bin/clauselint on PATH after install"
ok "apt-get install ./$(basename "$deb"): $(clauselint --version)"

mkdir elsewhere && cp "$src/examples/privacy.md" elsewhere/ && cd elsewhere
set +e
clauselint privacy.md >out.txt 2>err.txt
status=$?
set -e
[ "$status" -eq 1 ] || fail "clauselint privacy.md from $PWD: exit $status, expected 1 (findings); stderr: $(cat err.txt)"
grep -qx 'privacy.md:27:1: error: .* \[cookie-opt-out\]' out.txt || fail "no cookie-opt-out finding: $(cat out.txt)"
grep -qx 'clauselint: 2 errors in 1 file' err.txt || fail "unexpected summary: $(cat err.txt)"
ok "clauselint privacy.md (from $PWD) reports the README's findings, exit 1"

if command -v man >/dev/null; then
  page=$(man -w clauselint) || fail "man -w clauselint finds no page"
  ok "man -w clauselint: $page"
else
  skip "man is not installed (apt-get install man-db): the package is installed and runs; man not checked"
fi
completion=/usr/share/bash-completion/completions/clauselint
got=$(bash -c '. "$1"; COMP_WORDS=(clauselint --format sa); COMP_CWORD=2; _clauselint; echo "${COMPREPLY[*]}"' _ "$completion")
[ "$got" = sarif ] || fail "bash completion from the package: 'clauselint --format sa<TAB>' gave '$got'"
ok "bash completion installed at $completion"

cd "$tmp"
DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq clauselint >remove.log 2>&1 || { cat remove.log >&2; fail "apt-get remove clauselint"; }
! dpkg-query -W -f='${Status}' clauselint 2>/dev/null | grep -q "install ok installed" || fail "clauselint still installed after apt-get remove"
for f in /usr/bin/clauselint /usr/share/man/man1/clauselint.1 "$completion"; do
  [ ! -e "$f" ] || fail "$f is still there after apt-get remove"
done
hash -r
! command -v clauselint >/dev/null || fail "clauselint is still on PATH after apt-get remove"
ok "apt-get remove clauselint removed the binary, the man page and the completions"
echo "PASS: the Debian package installs, runs and removes"
