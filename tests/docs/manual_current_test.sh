#!/usr/bin/env bash
# The README's manual matches the binary's --help (the man page and the
# completions are generated from the same definitions, so only the README can
# drift): each line of the README's Usage block is in --help, and every long
# option of --help is in the README's option table and the other way round.
#   manual_current_test.sh CLAUSELINT README
set -euo pipefail
help=$("$1" --help)
readme=$2
usage=$(awk '/^## Usage/{u=1} u&&/^```/{n++; next} u&&n==1{print} n>=2{exit}' "$readme")
[ -n "$usage" ] || { echo "FAIL: no code block under '## Usage' in $readme"; exit 1; }
while IFS= read -r line; do
  grep -qF -- "$line" <<<"$help" || { echo "FAIL: README usage line not in --help: $line"; exit 1; }
done <<<"$usage"
table=$(awk '/^## Usage/{u=1} /^### Exit status/{u=0} u&&/^\| `/' "$readme")
for option in $(grep -oE -- '--[a-z][a-z-]+' <<<"$help" | sort -u); do
  case $option in --help|--version) continue ;; esac
  # Subcommand options (rules --pack, accuracy --min ...) are documented with their commands.
  grep -qE -- "^  $option|^  -[a-z],$option" <<<"$(sed -n '/^Options:/,/^Subcommands:/p' <<<"$help")" || continue
  grep -qE -- "$option([^a-z-]|$)" <<<"$table$usage" || { echo "FAIL: $option (in --help) is not in the README's option table"; exit 1; }
done
for option in $(grep -oE -- '`--[a-z][a-z-]+' <<<"$table" | tr -d '`' | sort -u); do
  grep -qE -- "(^|[ ,])$option( |$)" <<<"$help" || { echo "FAIL: README option $option is not in --help"; exit 1; }
done
echo "PASS: README usage and options match --help"
