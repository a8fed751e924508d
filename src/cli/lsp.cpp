// clauselint lsp: the language server on standard input and output.
#include <unistd.h>

#include "clauselint/lsp.h"
#include "cli/commands.h"

namespace clauselint::cli {

int run_lsp(const Options&) { return lsp::run_stdio(STDIN_FILENO, STDOUT_FILENO); }

}  // namespace clauselint::cli
