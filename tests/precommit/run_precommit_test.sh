#!/usr/bin/env bash
# The clauselint pre-commit hook, run by the real pre-commit and the real git.
#
#   run_precommit_test.sh CLAUSELINT_BINARY SOURCE_DIR
#
# In a temporary git repository that consumes the hook from SOURCE_DIR's
# .pre-commit-hooks.yaml, shows that:
#   (a) committing a policy that lacks required clauses is refused, with the
#       compiler-style findings (policy.md:LINE:COL: error: ... [rule-id]) on screen;
#   (b) a policy with every core clause commits;
#   (c) only policy files are passed to the hook: staged YAML, Python, LICENSE and
#       PNG files that would make clauselint fail are not, the .md/.markdown/.txt/
#       .html/.htm files (any case) are, in one clauselint run;
#   (d) an input error (exit status 2, here an empty Markdown file) also blocks;
#   (e) a user's `files:` narrows the hook and `types_or` still keeps non-policy
#       files out;
#   (f) the clauselint-strict hook blocks warnings;
#   (g) the clauselint-diff hook (clauselint --since HEAD) lets an edit of a
#       policy that already had findings through, and refuses a commit whose
#       staged version drops a clause even when the working tree still has it.
# Offline, no stdin, a few seconds; everything lives in one temporary folder that
# is removed on exit. Registered as CTest test precommit/hook (CMakeLists.txt here).
set -euo pipefail
export LC_ALL=C

if [ $# -ne 2 ]; then
  echo "usage: $0 CLAUSELINT_BINARY SOURCE_DIR" >&2
  exit 2
fi
clauselint_bin=$(readlink -f "$1")
src=$(cd "$2" && pwd)

last_out=""   # file holding the output of the last run_cmd
last_rc=0

fail() {
  echo "FAIL: $*" >&2
  if [ -n "$last_out" ] && [ -f "$last_out" ]; then
    echo "--- output of the last command ---" >&2
    cat "$last_out" >&2
    echo "--- end of output ---" >&2
  fi
  exit 1
}
ok() { echo "ok: $*"; }

[ -x "$clauselint_bin" ] || fail "clauselint binary '$1' is not an executable file"
[ -f "$src/.pre-commit-hooks.yaml" ] || fail "$src/.pre-commit-hooks.yaml does not exist"
command -v git >/dev/null || fail "git is not installed (apt-get install -y git)"
command -v pre-commit >/dev/null || fail "pre-commit is not installed (apt-get install -y pre-commit)"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/clauselint-precommit.XXXXXX")
cleanup() { rm -rf "$tmp"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- an isolated environment -------------------------------------------------
# No git variables from a calling git (GIT_DIR, GIT_INDEX_FILE, ... are set when
# this runs inside a git hook), no user or system git config (a global
# core.hooksPath makes `pre-commit install` refuse, commit.gpgsign would prompt),
# pre-commit's cache in the temporary folder, no colour, no skipped hooks.
while read -r var; do unset "$var"; done < <(compgen -e | grep '^GIT_' || true)
unset SKIP PRE_COMMIT_ALLOW_NO_CONFIG PRE_COMMIT_NO_CONCURRENCY
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config"
export GIT_CONFIG_NOSYSTEM=1
export PRE_COMMIT_HOME="$tmp/pre-commit-cache"
export PRE_COMMIT_COLOR=never NO_COLOR=1 TERM=dumb
mkdir -p "$HOME" "$PRE_COMMIT_HOME"

# The clauselint under test is the `clauselint` on PATH (the hook's entry).
mkdir "$tmp/bin"
ln -s "$clauselint_bin" "$tmp/bin/clauselint"
export PATH="$tmp/bin:$PATH"
[ "$(command -v clauselint)" = "$tmp/bin/clauselint" ] || fail "the clauselint under test is not first on PATH"

# run_cmd NAME COMMAND...: runs COMMAND with no stdin, its stdout and stderr in
# $tmp/NAME.out (last_out), its exit status in last_rc; never stops the script.
run_cmd() {
  local name=$1
  shift
  last_out="$tmp/$name.out"
  set +e
  "$@" </dev/null >"$last_out" 2>&1
  last_rc=$?
  set -e
}
# show TITLE: prints the last command's output, indented, for the test log.
show() {
  echo "--- $1 (exit status $last_rc) ---"
  sed 's/^/  | /' "$last_out"
}
expect_rc() {  # expect_rc WANT WHAT
  [ "$last_rc" -eq "$1" ] || fail "$2: expected exit status $1, got $last_rc"
}
expect_line() {  # expect_line EXTENDED_REGEX WHAT
  grep -Eq -- "$1" "$last_out" || fail "$2: no line matches /$1/"
}
git_init() {  # git_init DIR: a repository with a local identity, unsigned commits
  git init -q "$1"
  git -C "$1" config user.name "clauselint test"
  git -C "$1" config user.email "clauselint-test@example.invalid"
  git -C "$1" config commit.gpgsign false
}

# --- the hook repository ---------------------------------------------------------
# pre-commit consumes a hook repository only through git: it clones `repo:` and
# checks out `rev:`, so it sees committed files only. The clauselint source tree
# may have uncommitted changes while it is being developed (and the file under
# test is the working copy's .pre-commit-hooks.yaml), so the test commits a copy
# of that file to a throw-away repository and points `repo:` at its path, with
# `rev:` = that commit's sha. (`pre-commit try-repo` would also take uncommitted
# files, but it cannot be what `git commit` runs.)
hook_repo="$tmp/hook-repo"
git_init "$hook_repo"
cp "$src/.pre-commit-hooks.yaml" "$hook_repo/"
git -C "$hook_repo" add .pre-commit-hooks.yaml
git -C "$hook_repo" commit -q -m "clauselint hooks under test"
rev=$(git -C "$hook_repo" rev-parse HEAD)

# --- the project that uses the hook ---------------------------------------------
proj="$tmp/project"
git_init "$proj"
cd "$proj"
cat >.pre-commit-config.yaml <<EOF
repos:
  - repo: $hook_repo
    rev: $rev
    hooks:
      - id: clauselint
        args: [--rules, core]
EOF
git add .pre-commit-config.yaml
git commit -q -m "use the clauselint hook"

run_cmd install pre-commit install
expect_rc 0 "pre-commit install"
[ -x .git/hooks/pre-commit ] || fail "pre-commit install wrote no .git/hooks/pre-commit"
run_cmd install-hooks pre-commit install-hooks
expect_rc 0 "pre-commit install-hooks (cloning the hook repository at $rev)"
ok "pre-commit $(pre-commit --version | sed 's/^pre-commit //') installed the hook from $hook_repo@${rev:0:12}"

bad_policy() {
  cat <<'EOF'
# Privacy Policy

Example Widgets Ltd ("we") runs widgets.example.

## Cookies

We use cookies to keep you signed in and to measure which pages are popular.

## Changes to this policy

We may change this policy from time to time. Please check this page regularly.
EOF
}
good_policy() {
  cat <<'EOF'
# Privacy Policy

Example Widgets Ltd ("we") runs widgets.example. This policy explains what
personal information we collect and the choices you have.

## Cookies

We use cookies to keep you signed in. You can refuse or delete cookies in your
browser settings at any time; the site still works without them.

## Children

Our service is not directed to children under 13, and we do not knowingly
collect personal information from children under 13. If we learn that we have,
we delete it.

## Changes to this policy

If we make material changes to this policy, we will notify you by e-mail and
by a notice on our home page before the changes take effect.

## Contact us

E-mail privacy@widgets.example or write to Example Widgets Ltd, 1 Main Street,
Springfield, IL 62701, USA.
EOF
}

# Preconditions, with clauselint alone: the test's policies are what they claim.
bad_policy >"$tmp/check-bad.md"
good_policy >"$tmp/check-good.md"
run_cmd check-bad clauselint --rules core "$tmp/check-bad.md"
expect_rc 1 "precondition: the test's bad policy must have findings (clauselint --rules core)"
run_cmd check-good clauselint --rules core "$tmp/check-good.md"
expect_rc 0 "precondition: the test's good policy must satisfy the core pack (fix the policy in this script or the rules)"

# --- (a) a policy that lacks required clauses is refused ------------------------
bad_policy >policy.md
git add policy.md
head_before=$(git rev-parse HEAD)
run_cmd commit-bad git commit -m "add a privacy policy without the required clauses"
show "git commit of a policy missing clauses"
[ "$last_rc" -ne 0 ] || fail "(a) git commit of a policy lacking required clauses succeeded"
[ "$(git rev-parse HEAD)" = "$head_before" ] || fail "(a) the refused commit was recorded anyway"
expect_line '^clauselint \(privacy-policy compliance\)\.+Failed$' "(a) pre-commit's status line for the hook"
expect_line '^- exit code: 1$' "(a) the hook's exit status"
for rule in contact-address children-under-13 cookie-opt-out change-notification; do
  expect_line "^policy\\.md:[0-9]+:[0-9]+: error: .+ \\[$rule\\]\$" "(a) compiler-style finding for $rule"
done
expect_line '^policy\.md:5:1: error: .+ \[cookie-opt-out\]$' "(a) cookie-opt-out points at the Cookies heading (line 5)"
git diff --cached --name-only | grep -qx policy.md || fail "(a) policy.md should still be staged after the refused commit"
ok "(a) commit refused (git exit $last_rc), $(grep -Ec '^policy\.md:[0-9]+:[0-9]+: error: ' "$last_out") compiler-style findings shown"

# --- (b) a good policy commits ---------------------------------------------------
good_policy >policy.md
git add policy.md
run_cmd commit-good git commit -m "add a complete privacy policy"
show "git commit of a complete policy"
expect_rc 0 "(b) git commit of a policy with every core clause"
expect_line '^clauselint \(privacy-policy compliance\)\.+Passed$' "(b) pre-commit's status line for the hook"
git log -1 --name-only --format= | grep -qx policy.md || fail "(b) policy.md is not in the new commit"
ok "(b) complete policy committed ($(git rev-parse --short HEAD))"

# --- (c) only policy files are passed ----------------------------------------------
# A `clauselint` first on PATH that records its arguments, then runs the real one.
mkdir "$tmp/logbin"
argv_log="$tmp/argv.log"
cat >"$tmp/logbin/clauselint" <<EOF
#!/usr/bin/env bash
{ echo "-- invocation"; printf '%s\n' "\$@"; } >>"$argv_log"
exec "$tmp/bin/clauselint" "\$@"
EOF
chmod +x "$tmp/logbin/clauselint"
logged_files() {  # the file arguments of every logged invocation, sorted
  grep -v -e '^-- invocation$' -e '^--rules$' -e '^core$' "$argv_log" | sort
}
invocations() { grep -c '^-- invocation$' "$argv_log"; }

# Non-policy files whose content would make clauselint fail if they were passed.
printf 'cookies: true\ntracking: enabled\n' >config.yaml
printf '# we use cookies\nprint("hello")\n' >script.py
printf 'Copyright (c) 2026 Example Widgets Ltd. All rights reserved.\n' >LICENSE
printf '\211PNG\r\n\032\n\0\0\0\rIHDR' >logo.png
for f in config.yaml script.py LICENSE; do
  run_cmd "check-$f" clauselint --rules core "$f"
  [ "$last_rc" -ne 0 ] || fail "(c) precondition: clauselint should fail on $f, or its absence proves nothing"
done
good_policy >terms.txt
good_policy | sed 's/^# Privacy Policy$/# Privacy Policy (summer edition)/' >policy.md
git add config.yaml script.py LICENSE logo.png terms.txt policy.md
: >"$argv_log"
run_cmd commit-mixed env PATH="$tmp/logbin:$PATH" git commit -m "policies and other files"
show "git commit of policies with YAML, Python, LICENSE and PNG files"
expect_rc 0 "(c) git commit of good policies next to non-policy files"
expect_line '^clauselint \(privacy-policy compliance\)\.+Passed$' "(c) pre-commit's status line for the hook"
[ -s "$argv_log" ] || fail "(c) the hook did not run clauselint at all"
got=$(logged_files | tr '\n' ' ')
[ "$got" = "policy.md terms.txt " ] || fail "(c) clauselint got files [$got], expected [policy.md terms.txt ]"
grep -qx -- '--rules' "$argv_log" || fail "(c) the config's args (--rules core) were not passed"
ok "(c) staged config.yaml, script.py, LICENSE, logo.png not passed; clauselint got: $got"

# Every extension clauselint reads, in any case, and near misses that must not go.
good_policy >a.md
good_policy >b.markdown
good_policy >c.txt
good_policy >D.MD
printf '<html><body><h1>Privacy Policy</h1><p>Hello.</p></body></html>\n' >e.html
cp e.html f.htm
cp e.html g.xhtml
good_policy >h.mdx
good_policy >README
good_policy >i.rst
good_policy >j.md.bak
: >"$argv_log"
run_cmd run-files env PATH="$tmp/logbin:$PATH" pre-commit run clauselint --verbose --files \
  a.md b.markdown c.txt D.MD e.html f.htm g.xhtml h.mdx README i.rst j.md.bak config.yaml script.py logo.png
got=$(logged_files | tr '\n' ' ')
[ "$got" = "D.MD a.md b.markdown c.txt e.html f.htm " ] ||
  fail "(c) pre-commit run --files passed [$got], expected [D.MD a.md b.markdown c.txt e.html f.htm ]"
[ "$(invocations)" -eq 1 ] || fail "(c) expected one clauselint run for 6 files (require_serial), got $(invocations)"
ok "(c) pre-commit run --files: passed $got(one run); not .xhtml, .mdx, README, .rst, .md.bak, .yaml, .py, .png"

# --- (d) an input error (exit status 2) blocks too ---------------------------------
: >draft.md
git add draft.md
head_before=$(git rev-parse HEAD)
run_cmd commit-empty git commit -m "an empty draft"
show "git commit of an empty Markdown file"
[ "$last_rc" -ne 0 ] || fail "(d) git commit of an empty policy file succeeded"
[ "$(git rev-parse HEAD)" = "$head_before" ] || fail "(d) the refused commit was recorded anyway"
expect_line '^- exit code: 2$' "(d) the hook's exit status for an unreadable input"
expect_line '^draft\.md(:[0-9]+:[0-9]+)?: error: ' "(d) the input error names the file"
git rm -q --cached draft.md
rm draft.md
ok "(d) empty draft.md refused with exit status 2"

# --- (e) a user's files: narrows the hook; types_or still applies -----------------
mkdir legal
good_policy >legal/privacy.md
printf 'cookies: true\n' >legal/data.yaml
cat >"$tmp/narrow-config.yaml" <<EOF
repos:
  - repo: $hook_repo
    rev: $rev
    hooks:
      - id: clauselint
        args: [--rules, core]
        files: ^legal/
EOF
: >"$argv_log"
run_cmd run-narrow env PATH="$tmp/logbin:$PATH" pre-commit run clauselint --config "$tmp/narrow-config.yaml" \
  --files legal/privacy.md legal/data.yaml a.md
expect_rc 0 "(e) pre-commit run with files: ^legal/"
got=$(logged_files | tr '\n' ' ')
[ "$got" = "legal/privacy.md " ] || fail "(e) with files: ^legal/ clauselint got [$got], expected [legal/privacy.md ]"
ok "(e) files: ^legal/ passed only legal/privacy.md (not legal/data.yaml, not a.md)"

# --- (f) warnings block with the documented clauselint-strict hook ------------------
# "100% secure" is a warning (absolute-security-claim): the default hook lets it
# through (exit 0), the clauselint-strict hook (docs/pre-commit.md) refuses it.
{ good_policy; printf '\n## Security\n\nOur systems are 100%% secure.\n'; } >legal/secure.md
cat >"$tmp/strict-config.yaml" <<EOF
repos:
  - repo: $hook_repo
    rev: $rev
    hooks:
      - id: clauselint-strict
EOF
run_cmd run-default pre-commit run clauselint --files legal/secure.md
expect_rc 0 "(f) the default hook with a warning only"
run_cmd run-strict pre-commit run clauselint-strict --config "$tmp/strict-config.yaml" --files legal/secure.md
show "pre-commit run clauselint-strict on a policy that says 100% secure"
[ "$last_rc" -ne 0 ] || fail "(f) clauselint-strict let a warning through"
expect_line '^- exit code: 1$' "(f) the strict hook's exit status"
expect_line '^legal/secure\.md:[0-9]+:[0-9]+: warning: .+ \[absolute-security-claim\]$' "(f) the warning is shown"
ok "(f) '100% secure': the default hook passes (warning), clauselint-strict blocks it"

# --- (g) clauselint-diff: only what the commit loses or introduces -----------------
# The project switches to the clauselint-diff hook and commits a legacy policy
# that already lacks every core clause (--no-verify: it predates the hook).
cat >.pre-commit-config.yaml <<EOF
repos:
  - repo: $hook_repo
    rev: $rev
    hooks:
      - id: clauselint-diff
        args: [--rules, core]
EOF
cat >"$tmp/default-config.yaml" <<EOF
repos:
  - repo: $hook_repo
    rev: $rev
    hooks:
      - id: clauselint
        args: [--rules, core]
EOF
bad_policy >legacy.md
git add .pre-commit-config.yaml legacy.md
run_cmd commit-legacy git commit --no-verify -m "use clauselint-diff; a legacy policy"
expect_rc 0 "(g) committing the legacy policy with --no-verify"

# (g1) An edit that loses nothing: the old findings do not block.
{ bad_policy; printf '\nWe answer every question within a week.\n'; } >legacy.md
git add legacy.md
run_cmd run-legacy-full pre-commit run clauselint --config "$tmp/default-config.yaml" --files legacy.md
[ "$last_rc" -ne 0 ] || fail "(g1) precondition: the clauselint hook must refuse legacy.md, or passing proves nothing"
run_cmd commit-legacy-edit git commit -m "edit the legacy policy"
show "git commit of an edit to a policy that already lacked clauses (clauselint-diff)"
expect_rc 0 "(g1) clauselint-diff on an edit that loses no clause"
expect_line '^clauselint \(what this commit loses or introduces\)\.+Passed$' "(g1) pre-commit's status line for clauselint-diff"
run_cmd since-legacy clauselint --rules core --since HEAD~1 legacy.md
expect_rc 0 "(g1) clauselint --since HEAD~1 legacy.md"
expect_line '^clauselint: no findings new since HEAD~1 \(4 already there\) in 1 file$' "(g1) the four old findings are counted as already there"
ok "(g1) an edit of a policy with four old findings commits; the plain hook would refuse it"

# (g2) The staged version drops the Children section; the working tree keeps it
# (unstaged). pre-commit stashes the unstaged edit, so the staged one is checked.
good_policy | sed '/^## Children$/,/^## Changes to this policy$/{/^## Changes to this policy$/!d;}' >policy.md
! grep -q '^## Children$' policy.md || fail "(g2) the test's edit did not remove the Children section"
git add policy.md
good_policy >policy.md
head_before=$(git rev-parse HEAD)
run_cmd commit-lose git commit -m "drop the children section"
show "git commit whose staged policy drops a clause (clauselint-diff)"
[ "$last_rc" -ne 0 ] || fail "(g2) a commit whose staged version loses children-under-13 succeeded"
[ "$(git rev-parse HEAD)" = "$head_before" ] || fail "(g2) the refused commit was recorded anyway"
expect_line '^clauselint \(what this commit loses or introduces\)\.+Failed$' "(g2) pre-commit's status line for clauselint-diff"
expect_line '^policy\.md:[0-9]+:[0-9]+: error: .+ \[children-under-13\]$' "(g2) the lost clause is shown"
expect_line '^clauselint: 1 error new since HEAD \(0 already there\) in 1 file$' "(g2) only the lost clause is reported"
grep -q '^## Children$' policy.md || fail "(g2) pre-commit did not restore the unstaged working-tree version"
ok "(g2) the staged version's lost children-under-13 blocks the commit; the unstaged edit is kept"

echo "PASS: the clauselint pre-commit hooks (pre-commit $(pre-commit --version | sed 's/^pre-commit //'))"
