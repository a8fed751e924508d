#!/usr/bin/env bash
# clauselint on a real terminal (a pseudo-terminal made by script(1)): colour,
# the source line with a caret and the citation; NO_COLOR keeps the excerpt
# but drops colour; piped output stays plain compiler-style lines.
set -euo pipefail
clauselint=$1
cd "$2"
fail() { echo "FAIL: $1"; echo "--- output:"; printf '%s\n' "$3" | cat -v; exit 1; }

on_tty() { TERM=xterm script -qec "$*" /dev/null </dev/null | tr -d '\r'; }

out=$(on_tty env -u NO_COLOR "$clauselint" --rules core examples/privacy.md || true)
esc=$(printf '\033')
[[ $out == *"${esc}[1;31merror:${esc}[0m"* ]] || fail "no red 'error:' on a terminal" "" "$out"
[[ $out == *" 27 | ## Cookies"* ]] || fail "no source line under the finding" "" "$out"
[[ $out == *"^~~~~~~~~~"* ]] || fail "no caret under the heading" "" "$out"
[[ $out == *"= ePrivacy Directive"* ]] || fail "no citation" "" "$out"

out=$(on_tty env NO_COLOR=1 "$clauselint" --rules core examples/privacy.md || true)
[[ $out != *"${esc}["* ]] || fail "colour despite NO_COLOR" "" "$out"
[[ $out == *" 27 | ## Cookies"* ]] || fail "NO_COLOR should keep the excerpt" "" "$out"

out=$(on_tty env -u NO_COLOR "$clauselint" --rules core --color never examples/privacy.md || true)
[[ $out != *"${esc}["* ]] || fail "colour despite --color never" "" "$out"

out=$("$clauselint" --rules core examples/privacy.md 2>/dev/null || true)
[[ $out != *"${esc}["* && $out != *" | "* ]] || fail "piped output is not plain" "" "$out"
[[ $(printf '%s\n' "$out" | head -n 1) == "examples/privacy.md:27:1: error: "*"[cookie-opt-out]" ]] || fail "piped line format" "" "$out"
echo "terminal output: ok"
