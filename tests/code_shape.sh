#!/usr/bin/env bash
# Keeps the shape issue 14 asked for: no source file under src/, include/
# or tools/ over 400 lines, and no function over 60 lines (from the line
# that opens its body to the line that closes it).
#
# Function length is a heuristic, in awk so that it needs nothing beyond a
# Debian base system. It strips comments, string and character literals
# (raw strings on one line included), tracks braces, and counts a brace as a
# function body when the text before it ends with ")" (and qualifiers such
# as const, override, noexcept or a trailing return type) and every
# enclosing brace is a namespace, class, struct or union. Lambdas and local
# blocks count towards their function.
#
#   tests/code_shape.sh [SOURCE_DIR]   exit 0, or 1 listing what is too long
set -euo pipefail
cd "${1:-$(dirname "$0")/..}"

max_lines=400
max_function=60
# Functions allowed to be longer, as FILE:NAME, each with why.
exempt=(
  # The CLI option table: one CLI11 definition per option, read top to
  # bottom; the man page and completions are generated from it.
  "src/cli/parse_args.cpp:parse_args"
)

files=$(find src include tools -type f \( -name '*.cpp' -o -name '*.h' \) | LC_ALL=C sort)
status=0

for f in $files; do
  n=$(wc -l <"$f")
  if [ "$n" -gt "$max_lines" ]; then
    echo "code-shape: $f has $n lines (at most $max_lines)"
    status=1
  fi
done

# shellcheck disable=SC2086
long=$(awk -v max="$max_function" -v apos="'" -v exempt="$(printf '%s\n' "${exempt[@]}")" '
BEGIN {
  n = split(exempt, list, "\n")
  for (i = 1; i <= n; i++) if (list[i] != "") allowed[list[i]] = 1
}
FNR == 1 { depth = 0; in_comment = 0; stmt = ""; fn_depth = 0; all_containers = 1 }
# The line without comments and literals.
function strip(line,    out, i, c, d, q, j, delim, endq) {
  out = ""
  for (i = 1; i <= length(line); i++) {
    c = substr(line, i, 1)
    d = substr(line, i, 2)
    if (in_comment) {
      if (d == "*/") { in_comment = 0; i++ }
      continue
    }
    if (d == "//") break
    if (d == "/*") { in_comment = 1; i++; continue }
    if (d == "R\"") {  # raw string R"delim( ... )delim" on this line
      j = index(substr(line, i + 2), "(")
      delim = substr(line, i + 2, j - 1)
      endq = index(substr(line, i + 2 + j), ")" delim "\"")
      if (j > 0 && endq > 0) { i = i + 2 + j + endq + length(delim) - 1; out = out "\"\""; continue }
    }
    if (c == apos && substr(line, i - 1, 1) ~ /[0-9A-Fa-f]/ && substr(line, i + 1, 1) ~ /[0-9A-Fa-f]/) continue  # a digit separator
    if (c == "\"" || c == apos) {
      q = c
      for (i++; i <= length(line); i++) {
        c = substr(line, i, 1)
        if (c == "\\") { i++; continue }
        if (c == q) break
      }
      out = out q q
      continue
    }
    out = out c
  }
  return out
}
function name_of(s,    t) {
  t = s
  sub(/\(.*/, "", t)
  sub(/.*[^A-Za-z0-9_~]/, "", t)
  return t
}
/^[ \t]*#/ { next }  # preprocessor
{
  line = strip($0)
  for (i = 1; i <= length(line); i++) {
    c = substr(line, i, 1)
    if (c == "{") {
      s = stmt
      gsub(/[ \t\r\n]+/, " ", s)
      sub(/^ /, "", s); sub(/ $/, "", s)
      kind = "other"
      if (fn_depth == 0 && all_containers && s ~ /\)( ?(const|override|final|noexcept|mutable|&&|&))*( ?->[^{;]*)?$/ &&
          s !~ /^(if|for|while|switch|catch|else|do)[ (]/) {
        kind = "function"
      } else if (s ~ /(^|[^A-Za-z0-9_])(namespace|class|struct|union)([^A-Za-z0-9_]|$)/ || s ~ /^extern "/) {
        kind = "container"
      }
      depth++
      kinds[depth] = kind
      if (kind == "function") { fn_depth = depth; fn_start = FNR; fn_name = name_of(s) }
      all_containers = 1
      for (k = 1; k <= depth; k++) if (kinds[k] != "container") all_containers = 0
      stmt = ""
    } else if (c == "}") {
      if (depth > 0 && depth == fn_depth) {
        length_lines = FNR - fn_start + 1
        if (length_lines > max && !((FILENAME ":" fn_name) in allowed))
          printf "code-shape: %s:%d: function %s has %d lines (at most %d)\n", FILENAME, fn_start, fn_name, length_lines, max
        fn_depth = 0
      }
      if (depth > 0) depth--
      all_containers = 1
      for (k = 1; k <= depth; k++) if (kinds[k] != "container") all_containers = 0
      stmt = ""
    } else if (c == ";") {
      stmt = ""
    } else {
      stmt = stmt c
    }
  }
  stmt = stmt " "
}
' $files)

if [ -n "$long" ]; then
  echo "$long"
  status=1
fi
[ "$status" -eq 0 ] && echo "code-shape: every file is at most $max_lines lines and every function at most $max_function"
exit "$status"
