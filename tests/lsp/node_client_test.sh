#!/usr/bin/env bash
# The Node client test (node_client.mjs) with vscode-languageserver-protocol
# from npm, installed by scripts/test.sh into BUILD_DIR/test-tools. Exit 77
# (SKIP) when node or the package is missing, except under CI=true: a FAIL.
#   node_client_test.sh CLAUSELINT TEST_TOOLS_DIR SOURCE_DIR
set -euo pipefail
clauselint=$1 tools=$2 source=$3
skip() {
  if [ "${CI:-}" = true ]; then echo "FAIL (CI=true, so this is not skipped): $*" >&2; exit 1; fi
  echo "SKIP: $*"; exit 77
}
command -v node >/dev/null || skip "node is not installed"
[ -f "$tools/node_modules/vscode-languageserver-protocol/package.json" ] ||
  skip "vscode-languageserver-protocol is not in $tools (scripts/test.sh installs it)"
exec node "$source/tests/lsp/node_client.mjs" "$clauselint" "$tools" "$source/tests/lsp/policy.md"
