#!/usr/bin/env bash
# The GitHub Action, run locally (run_action.mjs) on a sample repository: its
# steps in order, with inputs paths, packs (+gdpr) and fail-on; the SARIF it
# writes must pass the SARIF Multitool (--rule-kind "Sarif;Gh") with no error.
# Then, as on a pull request, with the since input set to the base commit:
# only what the change introduced is in the SARIF, marked baselineState "new".
#   action_test.sh SOURCE_DIR TEST_TOOLS_DIR MULTITOOL
# TEST_TOOLS_DIR holds node_modules/yaml (scripts/test.sh installs it).
set -euo pipefail
. "$(dirname "$0")/../install/skip.sh"
src=$(cd "$1" && pwd)
tools=$(cd "$2" && pwd)
multitool=$(readlink -f "$3")
command -v node >/dev/null || skip "node is not installed"
[ -f "$tools/node_modules/yaml/package.json" ] || skip "the yaml npm package is not in $tools (scripts/test.sh installs it)"
[ -x "$multitool" ] || skip "no SARIF Multitool at $multitool"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/clauselint-action.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
repo=$tmp/sample-repo
mkdir -p "$repo/docs/legal" "$repo/src"
git init -q "$repo"
cp "$src/examples/privacy.md" "$repo/docs/privacy.md"
printf '# Terms\n\nOur systems are 100%% secure.\n' >"$repo/docs/legal/terms.md"
printf 'print("not a policy")\n' >"$repo/src/app.py"

YAML_MODULE_DIR="$tools/node_modules" node "$(dirname "$0")/run_action.mjs" "$src" "$repo" "$tmp/outputs.json" \
  paths="docs/" packs=+gdpr fail-on=error || fail "the action's steps failed"
cat "$tmp/outputs.json"
outputs() { node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1]))[process.argv[2]])' "$tmp/outputs.json" "$1"; }
[ "$(outputs exit-code)" = 1 ] || fail "exit-code output: $(outputs exit-code), expected 1 (the sample has errors)"
sarif=$repo/$(outputs sarif-file)
[ -s "$sarif" ] || fail "no SARIF file at $sarif"
node -e '
  const log = JSON.parse(require("fs").readFileSync(process.argv[1]));
  const results = log.runs[0].results;
  const rules = new Set(results.map(r => r.ruleId));
  for (const want of ["cookie-opt-out", "gdpr-complaint", "absolute-security-claim"])
    if (!rules.has(want)) { console.error("no " + want + " result: +gdpr must add to the defaults"); process.exit(1); }
  const uris = new Set(results.map(r => r.locations[0].physicalLocation.artifactLocation.uri));
  for (const uri of uris) if (!uri.startsWith("docs/")) { console.error("unexpected uri " + uri); process.exit(1); }
  if (log.runs[0].automationDetails.id !== "privacy-policies/") { console.error("category"); process.exit(1); }
' "$sarif" || fail "the SARIF does not hold what the inputs asked for"
ok "the action wrote $(outputs sarif-file) with core, hygiene and gdpr results for docs/"

"$multitool" validate "$sarif" -o "$tmp/report.sarif" --log ForceOverwrite --rule-kind "Sarif;Gh" >"$tmp/mt.log" 2>&1 ||
  { cat "$tmp/mt.log"; fail "the SARIF Multitool did not run"; }
errors=$(node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1]));
  const errs = (r.runs[0].results || []).filter(x => (x.level || "warning") === "error");
  for (const e of errs) console.error(e.ruleId + ": " + JSON.stringify(e.message));
  console.log(errs.length);' "$tmp/report.sarif")
[ "$errors" = 0 ] || fail "the SARIF Multitool (Sarif;Gh) reports $errors errors"
ok "SARIF Multitool validate --rule-kind Sarif;Gh: 0 errors"

# --- a pull request: since = the base commit -------------------------------------
# The sample is committed as the base; the change adds an absolute security
# claim (a warning) to docs/privacy.md. Old findings (cookie-opt-out, terms.md's
# claim) must not be in the SARIF; fail-on warning makes the new one count.
git -C "$repo" add -A
git -C "$repo" -c user.name="clauselint test" -c user.email=test@example.invalid -c commit.gpgsign=false \
  commit -q -m "base of the pull request"
base=$(git -C "$repo" rev-parse HEAD)
printf '\n## Security\n\nOur systems are 100%% secure.\n' >>"$repo/docs/privacy.md"
YAML_MODULE_DIR="$tools/node_modules" node "$(dirname "$0")/run_action.mjs" "$src" "$repo" "$tmp/outputs-pr.json" \
  paths="docs/" fail-on=warning since="$base" output=pr.sarif || fail "the action's steps failed with since=$base"
[ "$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1]))["exit-code"])' "$tmp/outputs-pr.json")" = 1 ] ||
  fail "exit-code output with since: expected 1 (a warning introduced, fail-on warning)"
node -e '
  const results = JSON.parse(require("fs").readFileSync(process.argv[1])).runs[0].results;
  const got = results.map(r => r.ruleId + "@" + r.locations[0].physicalLocation.artifactLocation.uri + ":" + r.baselineState);
  if (got.join(",") !== "absolute-security-claim@docs/privacy.md:new") {
    console.error("results with since: " + JSON.stringify(got) + ", expected only the introduced claim, marked new");
    process.exit(1);
  }' "$repo/pr.sarif" || fail "the SARIF with since holds more or less than what the change introduced"
"$multitool" validate "$repo/pr.sarif" -o "$tmp/report-pr.sarif" --log ForceOverwrite --rule-kind "Sarif;Gh" >"$tmp/mt.log" 2>&1 ||
  { cat "$tmp/mt.log"; fail "the SARIF Multitool did not run"; }
errors=$(node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1]));
  console.log((r.runs[0].results || []).filter(x => (x.level || "warning") === "error").length);' "$tmp/report-pr.sarif")
[ "$errors" = 0 ] || fail "the SARIF Multitool (Sarif;Gh) reports $errors errors in the since SARIF"
ok "since=<base sha>: only the introduced absolute-security-claim, baselineState new; SARIF Multitool: 0 errors"
echo "PASS: the GitHub Action, run locally"
