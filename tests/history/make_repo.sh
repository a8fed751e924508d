#!/usr/bin/env bash
# Builds the test repository of clauselint diff, --since and history
# (docs/diff.md; tests/history/README.md says what each commit exercises):
# one policy's history in nine commits with fixed authors and dates, so the
# commit hashes are the same on every machine, and then uncommitted edits in
# the working tree for --since.
#
#   make_repo.sh DIR     (DIR is removed first)
#
# The policies are written for this test (Example Widgets Ltd, example.com).
set -euo pipefail
export LC_ALL=C
[ $# -eq 1 ] || { echo "usage: $0 DIR" >&2; exit 2; }
command -v git >/dev/null || { echo "git is not installed" >&2; exit 77; }
dir=$1
rm -rf "$dir"
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

# No git settings from the caller or the machine: GIT_* variables, user and
# system config (signing, hooks, default branch) would change the hashes.
while read -r var; do unset "$var"; done < <(compgen -e | grep '^GIT_' || true)
export HOME="$dir/.home" GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
mkdir -p "$dir/.home"
repo="$dir/repo"
git init -q -b main "$repo"
cd "$repo"
git config commit.gpgsign false
git config core.autocrlf false

# commit DATE AUTHOR EMAIL MESSAGE: commits the index as AUTHOR on DATE (noon UTC).
commit() {
  GIT_AUTHOR_DATE="$1T12:00:00+00:00" GIT_COMMITTER_DATE="$1T12:00:00+00:00" \
  GIT_AUTHOR_NAME="$2" GIT_AUTHOR_EMAIL="$3" GIT_COMMITTER_NAME="$2" GIT_COMMITTER_EMAIL="$3" \
    git commit -q -m "$4"
}

# The sections of the policy, each a function that prints it.
title() { printf '# Example Widgets privacy policy\n\nExample Widgets Ltd ("we") makes the Widgets app and the example.com shop.\n'; }
contact() { printf '\n## Contact\n\nWrite to privacy@example.com or to Example Widgets Ltd, 12 Harbour Road, Portland, OR 97209.\n'; }
children() { printf '\n## Children\n\nThe app is not meant for children under 13, and we do not knowingly collect their data. If we learn that we have, we delete it.\n'; }
cookies() { printf '\n## Cookies\n\nWe use cookies to keep you signed in. You can refuse or delete cookies in your browser settings; the shop still works without them.\n'; }
cookies_no_refusal() { printf '\n## Cookies\n\nWe use cookies to keep you signed in and to count visits to each page.\n'; }
changes() { printf '\n## Changes\n\nWhen we change this policy, we will notify you by e-mail before the change takes effect.\n'; }
changes_vague() { printf '\n## Changes\n\nWe may change this policy from time to time.\n'; }
security() { printf '\n## Security\n\nOur systems are 100%% secure.\n'; }
# A second, different policy (git must not take it for a rename of the first).
newsletter() {
  printf '# Widgets Weekly newsletter: privacy notice\n\nThis notice covers the Widgets Weekly e-mail newsletter only.\n'
  printf '\n## What we keep\n\nYour e-mail address and the issues you opened. Subscribers must be 16 or older; '
  printf 'the newsletter is not directed to children under 13.\n'
  printf '\n## Cookies\n\nThe sign-up page sets one cookie. Block it in your browser settings if you prefer; sign-up still works.\n'
  printf '\n## Updates to this notice\n\nWe will e-mail every subscriber a week before an update to this notice applies.\n'
  printf '\n## Questions\n\nE-mail newsletter@example.com.\n'
}

# 1. The first policy: every core clause present.
{ title; contact; children; cookies; changes; } >privacy.md
printf 'packs: [core, hygiene]\n' >.clauselint.yaml
git add privacy.md .clauselint.yaml
commit 2026-01-05 "Alice Author" alice@example.com "Add the privacy policy"
git tag v1

# 2. The children section goes; an absolute security claim comes.
{ title; contact; cookies; changes; security; } >privacy.md
git add privacy.md
commit 2026-02-02 "Bob Builder" bob@example.com "Shorten the policy"
git tag v2

# 3. A paragraph move (Cookies before Contact): no change in findings.
{ title; cookies; contact; changes; security; } >privacy.md
git add privacy.md
commit 2026-03-02 "Alice Author" alice@example.com "Move the cookies section up"
git tag v3

# 4. A rename, content unchanged.
git mv privacy.md policy.md
commit 2026-04-06 "Carol Counsel" carol@example.com "Rename privacy.md to policy.md"
git tag v4

# 5. The children section comes back; the security claim goes.
{ title; cookies; contact; children; changes; } >policy.md
git add policy.md
commit 2026-05-04 "Bob Builder" bob@example.com "Restore the children section"
git tag v5

# 6. A binary revision (an export with NUL bytes committed by mistake).
printf 'PK\003\004\000\000binary export\000\001\002' >policy.md
git add policy.md
commit 2026-06-01 "Carol Counsel" carol@example.com "Commit the policy export by mistake"
git tag v6

# 7. Text again, but the cookie section no longer says how to refuse cookies.
{ title; cookies_no_refusal; contact; children; changes; } >policy.md
git add policy.md
commit 2026-07-06 "Alice Author" alice@example.com "Replace the export with the text"
git tag v7

# 8. The policy is deleted.
git rm -q policy.md
commit 2026-08-03 "Bob Builder" bob@example.com "Remove the policy"
git tag v8

# 9. It comes back, complete, and a second policy is added.
{ title; cookies; contact; children; changes; } >policy.md
newsletter >newsletter.md
git add policy.md newsletter.md
commit 2026-09-07 "Alice Author" alice@example.com "Bring the policy back"
git tag v9

# The working tree for --since: policy.md's sections reordered (no change),
# its change notice made vague (change-notification lost) and v2's security
# claim back (new since HEAD, not since v3); newsletter.md gains a security
# claim; new.md was never committed.
{ title; changes_vague; children; contact; cookies; security; } >policy.md
{ newsletter; security; } >newsletter.md
{ title; contact; cookies; } >new.md

# A second repository without commits (HEAD unborn), with one policy.
git init -q -b main "$dir/unborn"
{ title; contact; children; cookies; changes; } >"$dir/unborn/policy.md"
echo "$repo"
