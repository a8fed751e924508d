#!/usr/bin/env bash
# A test that cannot run here: prints why and exits 77, which CTest reports
# as SKIP (never PASS). A missing *tool* is a failure under CI=true, since
# scripts/test.sh installs every tool; missing *input* (../shared, read-only
# data beside the repository) stays a skip.
#   skip.sh tool|input REASON
kind=$1
shift
if [ "$kind" = tool ] && [ "${CI:-}" = true ]; then
  echo "FAIL (CI=true, so this is not skipped): $*" >&2
  exit 1
fi
echo "SKIP: $*"
exit 77
