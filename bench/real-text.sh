#!/usr/bin/env bash
# Scores every built-in pack on a set of real, labelled policies that nobody on
# this project wrote, with the project's label corrections applied:
#
#   bench/real-text.sh opp115      [accuracy options]   # ../shared/opp115 (OPP-115, 65 policies, 2015)
#   bench/real-text.sh modern-dev  [accuracy options]   # ../shared/modern-dev (14 policies, 2019 on)
#
# Prints clauselint accuracy's per-rule table and the micro-average. With
# --gate it exits 1 when the set misses its goal (the CI gate, see
# tests/CMakeLists.txt). Exits 77 (SKIP to CTest) when the set is not there:
# neither set is part of this repository, and their text must never be copied
# into it.
#
# How the labels were made (see each set's README):
# - OPP-115: three law-trained annotators marked each paragraph with the
#   practices it describes. A clause counts as present when at least two of
#   the three marked it, absent when none did, and is not scored when only one
#   did. Seven rules are labelled: change-notification (a Policy Change
#   annotation that says how users are told: a notice in the policy, on the
#   site, or to the user personally), do-not-track (a Do Not Track practice),
#   data-retention (a Data Retention annotation with a stated, limited or
#   indefinite period), access-and-correction (User Access, Edit and Deletion:
#   view, edit, delete, deactivate or export), children-under-13 (a children's
#   audience annotation whose words mention 13 or COPPA), cookie-opt-out (only
#   where cookies are mentioned: any choice about them, from browser controls
#   to an opt-out link) and third-party-sharing (any third-party sharing or
#   collection practice, "we do not share" included). Links were removed by the
#   corpus, so contact-address is not scored.
# - modern-dev: one reader who never ran clauselint labelled ten rules with the
#   evidence lines (labels.yaml); "present" means addressed in words a
#   reasonable reader accepts, even weakly or incompletely.
# Labels are derived mechanically (OPP-115) or by one reader, so some are
# wrong. Where the policy text plainly contradicts a label, the correction is
# kept in bench/SET-corrections.yaml (policy, rule, label, a one-line reason)
# and applied here, so that every correction is visible and reviewable.
set -euo pipefail
cd "$(dirname "$0")/.."
set_name=${1:?usage: bench/real-text.sh opp115|modern-dev [--gate] [accuracy options]}
shift
dir=../shared/$set_name
if [ ! -d "$dir" ]; then
  echo "SKIP: $dir is not here (the labelled real-text set lives beside the repository, not in it)"
  exit 77
fi
gate=()
if [ "${1:-}" = --gate ]; then
  shift
  # The goals: micro-averaged precision and recall >= 0.95 over the labelled
  # rules, and no single rule below 0.90 precision.
  gate=(--min 0 --min-rule-precision 0.90 --micro 0.95)
else
  gate=(--min 0)
fi
bin=${CLAUSELINT:-${BUILD_DIR:-build}/clauselint}
[ -x "$bin" ] || BUILD_DIR="${BUILD_DIR:-build}" scripts/setup.sh >/dev/null
corrections=()
[ -f "bench/$set_name-corrections.yaml" ] && corrections=(--corrections "bench/$set_name-corrections.yaml")
packs=core,caloppa,hygiene,coppa,gdpr,ccpa,us-states
exec "$bin" accuracy --partial "${corrections[@]}" "${gate[@]}" --rules "$packs" "$dir" "$@"
