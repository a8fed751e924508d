#!/usr/bin/env bash
# The hostile-input suite (issue 13): inputs, packs, configs, baselines and
# file systems an attacker or an unlucky user could hand clauselint.
#
#   bash tests/hostile/suite.sh CLAUSELINT SOURCE_DIR CASE   runs one case
#   bash tests/hostile/suite.sh CLAUSELINT SOURCE_DIR        runs them all
#   bash tests/hostile/suite.sh --list                       names the cases
#
# Each case runs clauselint under a 10 s timeout and a 1 GB memory limit
# (prlimit --as, or ASan's hard_rss_limit_mb in a sanitizer build, where the
# shadow memory makes an address-space limit useless), then asserts the exit
# status, the message, and, where the run has other files, that they were
# still reported. Cases named dNN_* are the defects of issue 13 (NN is its
# number); x_* are further cases. Exit 77: skipped (e.g. a permission case
# that cannot drop root privileges).
set -uo pipefail

if [ "${1:-}" = "--list" ]; then
  grep -o '^case_[a-z0-9_]*' "$0" | sed 's/^case_//'
  exit 0
fi

BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SRC=$(cd "$2" && pwd)
ONLY=${3:-}
H=$SRC/tests/hostile
MINI=$H/packs/mini.yaml
GOOD=$H/inputs/good.md
GOOD_FINDING='good.md:1:1: error: the policy gives no contact address \[mini-contact\]'

LIMIT=()
libs=$(ldd "$BIN" 2>/dev/null)
case $libs in *libasan*) ;; *) LIMIT=(prlimit --as=1073741824 --) ;; esac
export ASAN_OPTIONS="hard_rss_limit_mb=1024:exitcode=99:detect_leaks=0:${ASAN_OPTIONS:-}"
export NO_COLOR=1
export CLAUSELINT_MATCH_BUDGET_MS=${CLAUSELINT_MATCH_BUDGET_MS:-2000}

T=""
FAIL=0
OUT=""
ERR=""
RC=0

fail() {
  echo "FAIL: $*" >&2
  FAIL=1
}

# run [--stdin FILE] [--as-nobody] ARGS...: clauselint with the limits; sets RC, OUT, ERR.
run() {
  local stdin=/dev/null prefix=()
  while :; do
    case "${1:-}" in
      --stdin) stdin=$2; shift 2 ;;
      --as-nobody) prefix=(setpriv --reuid=65534 --regid=65534 --clear-groups); shift ;;
      *) break ;;
    esac
  done
  "${prefix[@]}" timeout -k 2 10 "${LIMIT[@]}" "$BIN" "$@" <"$stdin" >"$T/stdout" 2>"$T/stderr"
  RC=$?
  OUT=$(cat "$T/stdout")
  ERR=$(cat "$T/stderr")
  check_sane
}

# Same, with stdout left to the caller (for /dev/full, closed stdout).
run_raw() {
  timeout -k 2 10 "${LIMIT[@]}" "$BIN" "$@" 2>"$T/stderr" </dev/null
  RC=$?
  ERR=$(cat "$T/stderr")
  check_sane
}

check_sane() {
  case $RC in
    124 | 137) fail "timed out (more than 10 s)" ;;
    99) fail "sanitizer error or more than 1 GB of memory: $(head -c 2000 "$T/stderr")" ;;
  esac
  if [ "$RC" -ge 128 ]; then fail "killed by signal $((RC - 128)): $(tail -c 2000 "$T/stderr")"; fi
  if grep -q "terminate called\|AddressSanitizer\|runtime error:" "$T/stderr"; then fail "crash: $(head -c 2000 "$T/stderr")"; fi
}

expect_rc() { [ "$RC" = "$1" ] || fail "exit status $RC, expected $1; stderr: $(head -c 1500 "$T/stderr")"; }
expect_err() { grep -qE -- "$1" "$T/stderr" || fail "stderr lacks /$1/: $(head -c 1500 "$T/stderr")"; }
expect_out() { grep -qE -- "$1" "$T/stdout" || fail "stdout lacks /$1/: $(head -c 1500 "$T/stdout")"; }
expect_no_err() { if grep -qE -- "$1" "$T/stderr"; then fail "stderr has /$1/"; fi; }
good_reported() { grep -qE -- "$GOOD_FINDING" "$T/stdout" || fail "the good file was not reported: $(head -c 1500 "$T/stdout")"; }
# Runs a command as nobody when we are root (permissions do not stop root); 77 when that is impossible.
need_unprivileged() {
  if [ "$(id -u)" = 0 ]; then
    setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null || exit 77
    setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$BIN" || exit 77
    chmod 755 "$T"
    AS_NOBODY=(--as-nobody)
  else
    AS_NOBODY=()
  fi
}
repeat() { # repeat TEXT COUNT: TEXT COUNT times, no newline
  local text=$1 count=$2
  yes "$text" 2>/dev/null | head -n "$count" | tr -d '\n'
}

# ---------------------------------------------------------------- crashes

case_d01_pack_is_directory() {
  mkdir "$T/pack.yaml"
  run --rules "$T/pack.yaml" "$GOOD"
  expect_rc 2
  expect_err "pack.yaml: error: cannot read rule pack: it is a directory"
}
case_d01_config_is_directory() {
  mkdir "$T/conf"
  run --rules "$MINI" --config "$T/conf" "$GOOD"
  expect_rc 2
  expect_err "conf: error: cannot read the config file: it is a directory"
}
case_d01_baseline_is_directory() {
  mkdir "$T/base"
  run --rules "$MINI" --baseline "$T/base" "$GOOD"
  expect_rc 2
  expect_err "base: error: cannot read the baseline file: it is a directory"
}
case_d01_input_read_error() {
  run --rules "$MINI" /proc/self/mem "$GOOD"
  expect_rc 2
  expect_err "/proc/self/mem: error: cannot read file: Input/output error"
  good_reported
}
case_d02_first_arg_symlink_loop() {
  ln -s "$T/b.md" "$T/a.md"
  ln -s "$T/a.md" "$T/b.md"
  run --rules "$MINI" "$T/a.md" "$GOOD"
  expect_rc 2
  expect_err "a.md: error: cannot read it: Too many levels of symbolic links"
  good_reported
}
case_d02_first_arg_long_name() {
  local name
  name=$(repeat a 5000)
  run --rules "$MINI" "$name.md" "$GOOD"
  expect_rc 2
  expect_err "error: cannot read it: File name too long"
  good_reported
}
case_d02_first_arg_permission() {
  need_unprivileged
  mkdir -m 700 "$T/locked"
  echo "# P" >"$T/locked/p.md"
  [ "$(id -u)" = 0 ] && chown -R 0:0 "$T/locked"
  cp "$GOOD" "$T/good.md" && chmod 644 "$T/good.md"
  run "${AS_NOBODY[@]}" --rules "$MINI" "$T/locked/p.md" "$T/good.md"
  expect_rc 2
  expect_err "p.md: error: cannot read it: Permission denied"
  good_reported
}
case_d02_test_command_symlink_loop() {
  ln -s "$T/b.md" "$T/a.md"
  ln -s "$T/a.md" "$T/b.md"
  run test "$MINI" "$T/a.md"
  [ "$RC" = 1 ] || [ "$RC" = 2 ] || fail "exit status $RC, expected 1 or 2"
  expect_err "Too many levels of symbolic links"
}
case_d03_invalid_utf8_name_json() {
  cp "$GOOD" "$T/bad$(printf '\377').md"
  run --rules "$MINI" --format json "$T/bad$(printf '\377').md" "$GOOD"
  expect_rc 1
  expect_out '"file": ".*bad'$'\xef\xbf\xbd''\.md"'
  good_reported_json
}
good_reported_json() { grep -q '"rule": "mini-contact"' "$T/stdout" && grep -q 'good.md' "$T/stdout" || fail "good file not in the JSON"; }
case_d03_invalid_utf8_name_jsonl() {
  cp "$GOOD" "$T/bad$(printf '\377').md"
  run --rules "$MINI" --format jsonl "$T/bad$(printf '\377').md" "$GOOD"
  expect_rc 1
  [ "$(grep -c '"rule":"mini-contact"' "$T/stdout")" = 2 ] || fail "expected two JSON lines: $OUT"
}
case_d03_invalid_utf8_name_sarif() {
  sed "s/the policy gives no contact address/bad $(printf '\377') byte/" "$MINI" >"$T/pack.yaml"
  cp "$GOOD" "$T/bad$(printf '\377').md"
  run --rules "$T/pack.yaml" --format sarif "$T/bad$(printf '\377').md" "$GOOD"
  expect_rc 1
  expect_out 'bad%FF\.md'
  expect_out '"text": "Bad '$'\xef\xbf\xbd'' byte\."'
  expect_out '"ruleId": "mini-contact"'
}
case_d03_stdin_filename_invalid_utf8_json() {
  run --stdin "$GOOD" --rules "$MINI" --format json - --stdin-filename "x$(printf '\377').md"
  expect_rc 1
  expect_out '"file": "x'$'\xef\xbf\xbd''\.md"'
}
case_d03_pack_message_invalid_utf8_baseline() {
  sed "s/the policy gives no contact address/bad $(printf '\377') byte/" "$MINI" >"$T/pack.yaml"
  cp "$GOOD" "$T/bad$(printf '\377').md"
  run --rules "$T/pack.yaml" --format json --write-baseline "$T/base.json" "$T/bad$(printf '\377').md" "$GOOD"
  expect_rc 0
  grep -q 'bad'$'\xef\xbf\xbd''\.md' "$T/base.json" || fail "baseline lacks the repaired name"
  expect_out 'bad '$'\xef\xbf\xbd'' byte'
  # The baseline written that way still matches the file with the bad byte.
  run --rules "$T/pack.yaml" --baseline "$T/base.json" "$T/bad$(printf '\377').md" "$GOOD"
  expect_rc 0
  expect_err "2 in the baseline"
}
case_d04_baseline_version_string() {
  echo '{"clauselint-baseline": "1", "findings": []}' >"$T/b.json"
  run --rules "$MINI" --baseline "$T/b.json" "$GOOD"
  expect_rc 2
  expect_err "b.json: error: not a clauselint baseline \(version 1\): regenerate it with --write-baseline"
}
case_d04_baseline_version_null() {
  echo '{"clauselint-baseline": null, "findings": []}' >"$T/b.json"
  run --rules "$MINI" --baseline "$T/b.json" "$GOOD"
  expect_rc 2
  expect_err "not a clauselint baseline"
}
case_d05_suppression_50k() {
  { echo "# Privacy"; echo; echo "<!-- clauselint-disable $(repeat 'mini-contact ' 4000) -- because -->"; echo; echo "Text."; } >"$T/p.md"
  run --rules "$MINI" "$T/p.md" "$GOOD"
  expect_rc 1
  good_reported
}
case_d06_html_100k_deep() {
  { echo "<h1>Privacy</h1>"; repeat '<div>' 100000; echo "contact us"; } >"$T/p.html"
  run --rules "$MINI" "$T/p.html" "$GOOD"
  expect_rc 1
  expect_err "p.html: note: HTML nested more than 256 elements deep"
  good_reported
  [ "$(grep -c 'p.html:' "$T/stdout")" = 0 ] || fail "the deep text was not read: $OUT"
}
case_d07_unclosed_span() {
  { echo "<h1>Privacy</h1>"; repeat '<span>' 20000; } >"$T/p.html"
  run --rules "$MINI" "$T/p.html" "$GOOD"
  expect_rc 1
  good_reported
}
case_d07_divs_in_markdown() {
  { echo "# Privacy"; echo; yes '<div>' | head -n 100000; } >"$T/p.md"
  run --rules "$MINI" "$T/p.md" "$GOOD"
  expect_rc 1
  good_reported
}
case_d08_dev_zero() {
  run --rules "$MINI" /dev/zero "$GOOD"
  expect_rc 2
  expect_err "/dev/zero: error: file is too large \(more than 16 MiB\)"
  good_reported
}
case_d08_dev_urandom() {
  run --rules "$MINI" /dev/urandom "$GOOD"
  expect_rc 2
  expect_err "/dev/urandom: error: file is too large"
  good_reported
}
case_d08_stdin_dev_zero() {
  run --stdin /dev/zero --rules "$MINI" - "$GOOD"
  expect_rc 2
  expect_err "<stdin>: error: file is too large"
  good_reported
}
case_d08_rules_dev_zero() {
  run --rules /dev/zero "$GOOD"
  expect_rc 2
  expect_err "/dev/zero: error: rule pack is too large \(more than 4 MiB\)"
}
case_d09_yaml_alias_bomb() {
  run --rules "$H/packs/alias-bomb.yaml" "$GOOD"
  expect_rc 2
  expect_err "alias-bomb.yaml:[0-9]+:[0-9]+: error: the YAML stands for more than 100000 nodes once its aliases"
}
case_d10_config_glob_backtracking() {
  mkdir "$T/proj"
  printf 'packs: [%s]\ninclude: ["*a*a*a*a*a*a*a*a*a*a*a*a*b"]\n' "$MINI" >"$T/proj/.clauselint.yaml"
  cp "$GOOD" "$T/proj/$(repeat a 200).md"
  cp "$GOOD" "$T/proj/good.md"
  run "$T/proj"
  expect_rc 0
  expect_err "every input is excluded by the configuration \(2 files\)"
}
case_d11_builtin_pattern_long_token() {
  # The words the pattern needs ("org/", "contact") are in the block, so the
  # prefilter lets the pattern run on it.
  { echo "# Privacy"; echo; printf 'See example.org/ for contact. '; repeat 'a-' 300000; echo; } >"$T/p.md"
  run --rules core "$T/p.md"
  expect_rc 1
  expect_err "p.md:3:[0-9]+: warning: rule 'contact-address' could not finish on this file and was skipped for it"
}
case_d12_ampersands_in_html() {
  { echo "<p>"; repeat 'a&' 700000; echo "</p>"; } >"$T/p.html"
  run --rules "$MINI" "$T/p.html" "$GOOD"
  expect_rc 1
  good_reported
}
case_d13_user_pattern_crossing_blocks() {
  { echo "# Privacy"; echo; yes 'a' | head -n 100000 | sed 's/$/\n/'; echo "b"; } >"$T/p.md"
  CLAUSELINT_MATCH_BUDGET_MS=60000 run --rules "$H/packs/block-crossing.yaml" "$T/p.md" "$GOOD"
  expect_rc 0
  expect_no_err "skipped"
}
case_d14_fifo_without_writer() {
  mkfifo "$T/p.md"
  run --rules "$MINI" "$T/p.md" "$GOOD"
  expect_rc 2
  expect_err "p.md: error: cannot read file: it is a FIFO \(named pipe\) and nothing was written to it within 5 s"
  good_reported
}

# ------------------------------------------------------ data loss, security

case_d15_output_to_fifo_stays_fifo() {
  mkfifo "$T/out"
  cat "$T/out" >"$T/received" &
  local reader=$!
  run --rules "$MINI" -o "$T/out" "$GOOD"
  wait "$reader"
  expect_rc 1
  [ -p "$T/out" ] || fail "-o replaced the FIFO with a regular file"
  grep -qE "$GOOD_FINDING" "$T/received" || fail "the report did not go through the FIFO"
}
case_d15_output_to_dev_null() {
  run --rules "$MINI" -o /dev/null "$GOOD"
  expect_rc 1
  [ -c /dev/null ] || fail "/dev/null is no longer a device"
}
case_d16_planted_temp_symlink() {
  echo "precious" >"$T/victim"
  cd "$T" || return
  # The old temporary name was ".out.json.<pid>.tmp": plant it for the pid clauselint will have.
  timeout -k 2 10 bash -c 'ln -s "$1/victim" ".out.json.$$.tmp"; exec "$2" --rules "$3" --format json -o out.json "$4"' \
    _ "$T" "$BIN" "$MINI" "$GOOD" 2>"$T/stderr"
  RC=$?
  check_sane
  expect_rc 1
  [ "$(cat "$T/victim")" = precious ] || fail "the planted symlink's target was overwritten"
  grep -q '"rule": "mini-contact"' "$T/out.json" || fail "no report in out.json"
}
case_d17_stdout_dev_full() {
  run_raw --rules "$MINI" "$GOOD" >/dev/full
  expect_rc 2
  expect_err "error: cannot write the report to standard output: No space left on device"
}
case_d17_stdout_closed() {
  run_raw --rules "$MINI" "$GOOD" >&-
  expect_rc 2
  expect_err "error: cannot write the report"
}
case_d18_stdin_twice_parallel() {
  run --stdin "$GOOD" --rules "$MINI" -j 2 - - "$GOOD"
  expect_rc 2
  expect_err "standard input \('-'\) is named more than once"
  [ "$(grep -c '^<stdin>:1:1: error: the policy gives no contact address' "$T/stdout")" = 1 ] || fail "stdin not reported exactly once: $OUT"
  good_reported
}
case_d19_escape_in_policy_text() {
  printf '# Privacy \033]0;pwned\007 \033[2J\n\nText \033]8;;http://evil.example\033\\link\033]8;;\033\\.\n' >"$T/p.md"
  run --rules "$MINI" --color always "$T/p.md"
  expect_rc 1
  # Our own colour codes are ESC [ ... m; nothing else may reach the terminal.
  if sed 's/\x1b\[[0-9;]*m//g' "$T/stdout" | grep -q $'\x1b'; then fail "a raw escape sequence reached the terminal"; fi
  expect_out $'\xe2\x90\x9b\\]0;pwned'
}
case_d19_newline_and_escape_in_file_name() {
  local name
  name="$T/p"$'\n'"x.md:9:9: error: fake [x]"$'\033'"[2J.md"
  cp "$GOOD" "$name"
  run --rules "$MINI" "$name" "$GOOD"
  expect_rc 1
  [ "$(wc -l <"$T/stdout")" = 2 ] || fail "a file name split a finding: $OUT"
  if grep -q $'\x1b' "$T/stdout"; then fail "raw escape in output"; fi
  good_reported
}
case_d19_escape_in_suppression_rule() {
  printf '# Privacy\n\n<!-- clauselint-disable bad\033[2Jrule -- why -->\n\nText.\n' >"$T/p.md"
  run --rules "$MINI" "$T/p.md"
  expect_rc 1
  if grep -q $'\x1b' "$T/stdout" "$T/stderr"; then fail "raw escape in output"; fi
  expect_out $'names unknown rule \'bad\xe2\x90\x9b\\[2Jrule\''
}
case_d19_github_format_escapes() {
  local name="$T/p"$'\033'"]0;t"$'\007'".md"
  cp "$GOOD" "$name"
  run --rules "$MINI" --format github "$name"
  expect_rc 1
  if grep -q $'\x1b\|\x07' "$T/stdout"; then fail "raw control characters in the annotations"; fi
  expect_out '^::error file=.*p'$'\xe2\x90\x9b''\]0;t'$'\xe2\x90\x87''\.md,line=1'
}
case_d20_output_keeps_mode() {
  echo old >"$T/out.txt"
  chmod 600 "$T/out.txt"
  run --rules "$MINI" -o "$T/out.txt" "$GOOD"
  expect_rc 1
  [ "$(stat -c %a "$T/out.txt")" = 600 ] || fail "mode is now $(stat -c %a "$T/out.txt")"
}
case_d20_output_keeps_symlink() {
  mkdir "$T/real"
  echo old >"$T/real/report.txt"
  ln -s real/report.txt "$T/link.txt"
  run --rules "$MINI" -o "$T/link.txt" "$GOOD"
  expect_rc 1
  [ -L "$T/link.txt" ] || fail "the symlink was replaced"
  grep -qE "$GOOD_FINDING" "$T/real/report.txt" || fail "the link's target did not get the report"
}
case_d21_output_is_input() {
  cp "$GOOD" "$T/p.md"
  run --rules "$MINI" -o "$T/p.md" "$T/p.md"
  expect_rc 2
  expect_err "error: -o .*p.md is also an input"
  cmp -s "$GOOD" "$T/p.md" || fail "the policy was overwritten"
}
case_d22_unreadable_subfolder() {
  need_unprivileged
  mkdir -p "$T/tree/open" "$T/tree/shut"
  cp "$GOOD" "$T/tree/open/good.md"
  cp "$GOOD" "$T/tree/shut/hidden.md"
  chmod -R a+rX "$T/tree"
  chmod 000 "$T/tree/shut"
  run "${AS_NOBODY[@]}" --rules "$MINI" "$T/tree"
  expect_rc 2
  expect_err "tree/shut: error: cannot read directory: Permission denied"
  good_reported
}

# ---------------------------------------------------------------- messages

case_d23_builtin_limit_message() {
  # The words the pattern needs ("org/", "contact") are in the block, so the
  # prefilter lets the pattern run on it.
  { echo "# Privacy"; echo; printf 'See example.org/ for contact. '; repeat 'a-' 300000; echo; } >"$T/p.md"
  run --rules core "$T/p.md" "$GOOD"
  expect_rc 1
  expect_err "p.md:3:[0-9]+: warning: rule 'contact-address' could not finish"
  expect_no_err "simplify the pattern"
  [ "$(grep -c "contact-address' could not finish" "$T/stderr")" = 1 ] || fail "not one line"
  expect_out "good.md:1:1: error"
}
case_d24_utf16_without_bom() {
  printf '# Privacy\n\nPlease contact us.\n' | iconv -f UTF-8 -t UTF-16LE >"$T/p.md"
  run --rules "$MINI" "$T/p.md" "$GOOD"
  expect_rc 1
  expect_err "p.md: note: read as UTF-16LE \(it has no byte-order mark\)"
  [ "$(grep -c '^.*p.md:' "$T/stdout")" = 0 ] || fail "the UTF-16 text was not read: $OUT"
  good_reported
}
case_d25_deep_yaml_pack() {
  run --rules "$H/packs/deep.yaml" "$GOOD"
  expect_rc 2
  expect_err "deep.yaml:10:[0-9]+: error: YAML nesting is too deep here \(more than 64 levels"
}
case_d26_later_path_symlink_loop() {
  ln -s "$T/b.md" "$T/a.md"
  ln -s "$T/a.md" "$T/b.md"
  run --rules "$MINI" "$GOOD" "$T/a.md"
  expect_rc 2
  expect_err "a.md: error: cannot read it: Too many levels of symbolic links"
  good_reported
}
case_d26_later_path_long_name() {
  run --rules "$MINI" "$GOOD" "$(repeat b 5000).md"
  expect_rc 2
  expect_err "error: cannot read it: File name too long"
  good_reported
}
case_d26_later_path_permission() {
  need_unprivileged
  mkdir -m 700 "$T/locked"
  cp "$GOOD" "$T/good.md" && chmod 644 "$T/good.md"
  run "${AS_NOBODY[@]}" --rules "$MINI" "$T/good.md" "$T/locked/p.md"
  expect_rc 2
  expect_err "p.md: error: cannot read it: Permission denied"
  good_reported
}
case_d26_stdin_is_directory() {
  run --stdin / --rules "$MINI" - "$GOOD"
  expect_rc 2
  expect_err "<stdin>: error: cannot read standard input: standard input is a directory"
  good_reported
}
case_d27_huge_regex_cut() {
  { sed -n '1,10p' "$MINI"; printf "    require: '(?:%s)'\n" "$(repeat 'a|' 200000)x"; } >"$T/pack.yaml"
  run --rules "$T/pack.yaml" "$GOOD"
  expect_rc 2
  expect_err "invalid regex: .*\.\.\.\([0-9]+ more bytes\)"
  [ "$(wc -c <"$T/stderr")" -lt 2000 ] || fail "the message is $(wc -c <"$T/stderr") bytes"
}
case_d28_rules_empty_then_policy() {
  run --rules , "$GOOD"
  expect_rc 2
  expect_err "error: --rules got (an empty pack name|'.*good.md', a policy)"
}
case_d28_rules_takes_policy() {
  run --rules "$GOOD"
  expect_rc 2
  expect_err "error: --rules got '.*good.md', a policy"
}

# ------------------------------------------------------------- our own cases

# Found by fuzz_pack: an alias inside the mapping it names ("&h {any: [*h]}")
# recursed until the stack overflowed.
case_x_fuzz_cyclic_alias_pack() {
  run --rules "$H/packs/fuzz-cyclic-alias.yaml" "$GOOD"
  expect_rc 2
  # Its bomb part (line 16) now crosses the node limit before the cycle (line 19) is met.
  expect_err "fuzz-cyclic-alias.yaml:(19:[0-9]+: error: this alias refers to a list or mapping that contains it \(a cycle\)|16:[0-9]+: error: the YAML stands for more than 100000 nodes)"
}
# Found by fuzz_pack: an alias bomb small enough for the old node limit
# (1,000,000) still compiled a regex per node for more than 10 s.
case_x_fuzz_alias_timeout_pack() {
  run --rules "$H/packs/fuzz-alias-timeout.yaml" "$GOOD"
  expect_rc 2
  expect_err "fuzz-alias-timeout.yaml:[0-9]+:[0-9]+: error: the YAML stands for more than 100000 nodes"
}
case_x_cyclic_alias_config() {
  printf 'packs: &p [core, *p]\n' >"$T/c.yaml"
  run --config "$T/c.yaml" "$GOOD"
  expect_rc 2
  expect_err "c.yaml:1:[0-9]+: error: this alias refers to a list or mapping that contains it"
}

case_x_deep_yaml_config() {
  { printf 'packs: [%s]\nrules: ' "$MINI"; repeat '[' 200; repeat ']' 200; echo; } >"$T/c.yaml"
  run --config "$T/c.yaml" "$GOOD"
  expect_rc 2
  expect_err "c.yaml:2:[0-9]+: error: YAML nesting is too deep"
}
case_x_alias_bomb_config() {
  { printf "packs: [%s]\nx:\n" "$MINI"; sed -n "/- &/p" "$H/packs/alias-bomb.yaml"; } >"$T/c.yaml"
  run --config "$T/c.yaml" "$GOOD"
  expect_rc 2
  expect_err "c.yaml:[0-9]+:[0-9]+: error: the YAML stands for more than"
}
case_x_malformed_suppression_cut() {
  { echo "# Privacy"; echo; echo "<!-- clauselint-Disable $(repeat x 60000) -->"; echo; echo "Text."; } >"$T/p.md"
  run --rules "$MINI" "$T/p.md" "$GOOD"
  expect_rc 1
  expect_out "malformed clauselint comment 'clauselint-Disable x+\.\.\.\([0-9]+ more bytes\)'"
  [ "$(wc -c <"$T/stdout")" -lt 3000 ] || fail "the message echoes the whole comment"
}
case_x_huge_rule_id() {
  { sed -n '1,4p' "$MINI"; echo "  - id: $(repeat a- 30000)a"; sed -n '6,$p' "$MINI"; } >"$T/pack.yaml"
  run --rules "$T/pack.yaml" "$GOOD"
  [ "$RC" = 1 ] || [ "$RC" = 2 ] || fail "exit status $RC"
}
case_x_baseline_deep_json() {
  { repeat '[' 1000000; } >"$T/b.json"
  run --rules "$MINI" --baseline "$T/b.json" "$GOOD"
  expect_rc 2
  expect_err "b.json: error: not a clauselint baseline: its JSON is nested more than 16 levels deep"
}
case_x_baseline_too_large() {
  head -c 20000000 /dev/zero | tr '\0' ' ' >"$T/b.json"
  run --rules "$MINI" --baseline "$T/b.json" "$GOOD"
  expect_rc 2
  expect_err "b.json: error: the baseline file is too large \(more than 16 MiB\)"
}
case_x_output_is_directory() {
  mkdir "$T/out"
  run --rules "$MINI" -o "$T/out" "$GOOD"
  expect_rc 2
  expect_err "error: cannot write .*out: it is a directory"
}
case_x_binary_still_binary() {
  printf 'PK\003\004\000\000\377\000binary\000\000' >"$T/p.md"
  run --rules "$MINI" "$T/p.md" "$GOOD"
  expect_rc 2
  expect_err "p.md: error: file looks binary"
  good_reported
}
case_x_markdown_deep_blockquotes() {
  { echo "# Privacy"; echo; repeat '>' 100000; echo " contact us"; } >"$T/p.md"
  run --rules "$MINI" "$T/p.md" "$GOOD"
  [ "$RC" = 1 ] || [ "$RC" = 0 ] || fail "exit status $RC"
  good_reported
}
case_x_markdown_deep_lists() {
  { echo "# Privacy"; echo; for i in $(seq 0 3000); do printf '%*s- item\n' $((i * 2)) ''; done; } >"$T/p.md"
  run --rules "$MINI" "$T/p.md" "$GOOD"
  expect_rc 1
  good_reported
}
case_x_markdown_emphasis_storm() {
  { echo "# Privacy"; echo; repeat '*a_' 200000; echo; repeat '[' 100000; echo; } >"$T/p.md"
  run --rules "$MINI" "$T/p.md" "$GOOD"
  expect_rc 1
  good_reported
}
case_x_only_newlines() {
  head -c 10000000 /dev/zero | tr '\0' '\n' >"$T/p.md"
  run --rules "$MINI" "$T/p.md" "$GOOD"
  expect_rc 2
  expect_err "p.md: error: file is empty"
  good_reported
}
case_x_just_over_size_limit() {
  head -c $((16 * 1024 * 1024 + 1)) /dev/zero | tr '\0' 'a' >"$T/p.md"
  run --rules "$MINI" "$T/p.md" "$GOOD"
  expect_rc 2
  expect_err "p.md: error: file is too large"
  good_reported
}
case_x_walk_with_symlink_loops() {
  mkdir -p "$T/tree/sub"
  cp "$GOOD" "$T/tree/sub/good.md"
  ln -s .. "$T/tree/sub/up"
  ln -s loop.md "$T/tree/loop.md"
  run --rules "$MINI" "$T/tree"
  expect_rc 1
  good_reported
  [ "$(grep -c 'good.md' "$T/stdout")" = 1 ] || fail "the folder link was followed: $OUT"
}
case_x_pack_is_fifo() {
  mkfifo "$T/pack.yaml"
  run --rules "$T/pack.yaml" "$GOOD"
  expect_rc 2
  expect_err "pack.yaml: error: cannot read rule pack: it is a FIFO"
}
case_x_write_baseline_over_input() {
  cp "$GOOD" "$T/p.md"
  run --rules "$MINI" --write-baseline "$T/p.md" "$T/p.md"
  expect_rc 2
  expect_err "error: --write-baseline .*p.md is also an input"
  cmp -s "$GOOD" "$T/p.md" || fail "the policy was overwritten"
}
case_x_match_budget() {
  # The words the pattern needs ("org/", "contact") are in the block, so the
  # prefilter lets the pattern run on it.
  { echo "# Privacy"; echo; printf 'See example.org/ for contact. '; repeat 'a-' 300000; echo; } >"$T/p.md"
  CLAUSELINT_MATCH_BUDGET_MS=500 run --rules "$H/packs/old-contact-url.yaml" "$T/p.md" "$GOOD"
  expect_rc 2
  expect_err "p.md: error: matching took longer than 500 ms on this file: 1 rule was skipped for it \(old-contact-url\)"
}
case_x_output_new_file_mode() {
  (umask 027 && run --rules "$MINI" -o "$T/new.txt" "$GOOD")
  [ "$(stat -c %a "$T/new.txt")" = 640 ] || fail "new file mode $(stat -c %a "$T/new.txt"), expected 640 under umask 027"
}
case_x_stdin_invalid_utf8_sarif() {
  printf '# Privacy\n\nBad \377 byte.\n' >"$T/p.md"
  run --stdin "$T/p.md" --rules "$MINI" --format sarif - --stdin-filename "in$(printf '\376').md"
  expect_rc 1
  expect_out '"ruleId": "mini-contact"'
}
case_x_bidi_override_in_text() {
  printf '# Privacy \xe2\x80\xae\x65\x76\x69\x6c\n\nText.\n' >"$T/p.md"
  run --rules "$MINI" --color always "$T/p.md"
  expect_rc 1
  if grep -q $'\xe2\x80\xae' "$T/stdout"; then fail "a bidi override reached the terminal"; fi
}

# ------------------------------------------------------------------ driver

run_case() {
  T=$(mktemp -d "${TMPDIR:-/tmp}/clauselint-hostile.XXXXXX")
  FAIL=0
  local start=$SECONDS
  ("case_$1")
  local status=$?
  chmod -R u+rwX "$T" 2>/dev/null
  rm -rf "$T"
  if [ $status = 77 ]; then
    echo "SKIP $1 (needs an unprivileged user)"
    return 77
  fi
  if [ $status != 0 ]; then
    echo "FAIL $1 ($((SECONDS - start)) s)"
    return 1
  fi
  echo "ok   $1 ($((SECONDS - start)) s)"
}

# Cases run in a subshell: FAIL must reach the exit status.
fail() {
  echo "FAIL: $*" >&2
  exit 1
}

if [ -n "$ONLY" ]; then
  run_case "$ONLY"
  exit $?
fi
failed=0
for c in $(grep -o '^case_[a-z0-9_]*' "$0" | sed 's/^case_//'); do
  run_case "$c"
  rc=$?
  [ $rc = 0 ] || [ $rc = 77 ] || failed=$((failed + 1))
done
echo "$failed failed"
[ $failed = 0 ]
