# Sourced by the install tests: skip (exit 77) when the machine cannot run a
# test, except under CI (CI=true), where a skipped install test is a failure.
skip() {
  if [ "${CI:-}" = true ]; then
    echo "FAIL (CI=true, so this is not skipped): $*" >&2
    exit 1
  fi
  echo "SKIP: $*"
  exit 77
}
fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }
