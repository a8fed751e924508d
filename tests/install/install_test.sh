#!/usr/bin/env bash
# `cmake --install BUILD --prefix P` installs the binary, the man page (which
# man renders) and bash, zsh and fish completions that complete subcommands,
# flags, pack names and rule ids.   install_test.sh BUILD_DIR
set -euo pipefail
. "$(dirname "$0")/skip.sh"
build=$(cd "$1" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/clauselint-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix

cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" || { cat "$tmp/install.log" >&2; fail "cmake --install"; }
for f in bin/clauselint share/man/man1/clauselint.1 share/bash-completion/completions/clauselint \
         share/zsh/vendor-completions/_clauselint share/fish/vendor_completions.d/clauselint.fish; do
  [ -s "$prefix/$f" ] || fail "cmake --install did not install $f"
done
"$prefix/bin/clauselint" --version | grep -q '^clauselint [0-9]' || fail "the installed clauselint --version"
ok "cmake --install installed the binary, the man page and 3 completion scripts"

# The man page renders, and carries every option --help lists.
command -v man >/dev/null || skip "man is not installed (apt-get install man-db)"
MANWIDTH=200 man -l "$prefix/share/man/man1/clauselint.1" 2>"$tmp/man.err" >"$tmp/man.txt" || fail "man -l failed: $(cat "$tmp/man.err")"
[ ! -s "$tmp/man.err" ] || fail "man -l warned: $(cat "$tmp/man.err")"
grep -q '^NAME' "$tmp/man.txt" && grep -q 'clauselint - a compliance linter' "$tmp/man.txt" || fail "man page has no NAME section"
for option in $("$prefix/bin/clauselint" --help | grep -oE -- '--[a-z][a-z-]+' | sort -u); do
  grep -qe "$option" "$tmp/man.txt" || fail "the man page does not document $option (from --help)"
done
ok "man -l renders clauselint(1); it documents every option of --help"

# bash: what _clauselint offers for a command line (COMP_WORDS as bash sets them).
complete_bash() {  # complete_bash WORD... (the last one is being completed)
  bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _clauselint; printf "%s\n" "${COMPREPLY[@]}"' \
    _ "$prefix/share/bash-completion/completions/clauselint" "$@"
}
expect() {  # expect SHELL WANT GOT-LINES
  grep -qx -- "$2" <<<"$3" || fail "$1 completion offered no '$2' (got: $(echo "$3" | head -n 8 | tr '\n' ' ')...)"
}
refuse() {
  ! grep -qx -- "$2" <<<"$3" || fail "$1 completion offered '$2' where it does not belong"
}
bash -c ". '$prefix/share/bash-completion/completions/clauselint'; complete -p clauselint" | grep -q -- '-F _clauselint clauselint' ||
  fail "the bash script does not register a completion for clauselint"
expect bash explain "$(complete_bash clauselint exp)"
expect bash --format "$(complete_bash clauselint --for)"
expect bash sarif "$(complete_bash clauselint --format s)"
expect bash gdpr "$(complete_bash clauselint --rules g)"
expect bash +gdpr "$(complete_bash clauselint --rules +g)"
expect bash cookie-opt-out "$(complete_bash clauselint explain cookie-o)"
expect bash gdpr-complaint "$(complete_bash clauselint explain gdpr-compl)"
expect bash --vocabulary "$(complete_bash clauselint rules --voc)"
refuse bash --vocabulary "$(complete_bash clauselint --voc)"
ok "bash: subcommands, flags, format values, pack names (+NAME too) and rule ids complete"

# zsh: the autoloaded function, with compadd and _files recording what they offer.
if command -v zsh >/dev/null; then
  complete_zsh() {
    zsh -f -c 'fpath=("$1" $fpath); autoload -Uz _clauselint
      compadd() { while [[ $# -gt 0 && $1 != -- ]]; do shift; done; shift; print -l -- "$@"; }
      _files() { print -- "<files>"; }
      shift; words=("$@"); CURRENT=$#; _clauselint' _ "$prefix/share/zsh/vendor-completions" "$@"
  }
  expect zsh explain "$(complete_zsh clauselint '')"
  expect zsh sarif "$(complete_zsh clauselint --format '')"
  expect zsh +gdpr "$(complete_zsh clauselint --rules '')"
  expect zsh cookie-opt-out "$(complete_zsh clauselint explain '')"
  expect zsh '<files>' "$(complete_zsh clauselint explain cookie-opt-out '')"
  expect zsh --markdown "$(complete_zsh clauselint rules --)"
  ok "zsh: subcommands, flags, values, packs and rule ids complete"
else
  skip "zsh is not installed (apt-get install zsh): bash checked, zsh and fish not"
fi
if command -v fish >/dev/null; then
  complete_fish() { fish --no-config -c "source '$prefix/share/fish/vendor_completions.d/clauselint.fish'; complete -C '$1'" | cut -f1; }
  expect fish explain "$(complete_fish 'clauselint ex')"
  expect fish --format "$(complete_fish 'clauselint --for')"
  expect fish sarif "$(complete_fish 'clauselint --format ')"
  expect fish +gdpr "$(complete_fish 'clauselint --rules +g')"
  expect fish cookie-opt-out "$(complete_fish 'clauselint explain cookie-o')"
  ok "fish: subcommands, flags, values, packs and rule ids complete"
else
  skip "fish is not installed (apt-get install fish): bash and zsh checked, fish not"
fi
echo "PASS: cmake --install, man page and completions"
