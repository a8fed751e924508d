// The commands clauselint runs; each returns the process exit status.
#pragma once

#include "cli/options.h"

namespace clauselint::cli {

int run_lint(const Options& options);          // clauselint [options] PATH...
int run_rules(const Options& options);         // clauselint rules
int run_print_config(const Options& options);  // clauselint --print-config FILE
int run_explain(const Options& options);       // clauselint explain RULE
int run_test(const Options& options);          // clauselint test [PACK_OR_POLICY...]
int run_accuracy(const Options& options);      // clauselint accuracy DIR...
int run_stats(const Options& options);         // clauselint stats PATH... (stats_command.cpp)
int run_generate(const Options& options);      // clauselint --generate man|bash|zsh|fish
int run_diff(const Options& options);          // clauselint diff OLD NEW (diff_command.cpp)
int run_history(const Options& options);       // clauselint history PATH (history_command.cpp)
int run_lsp(const Options& options);           // clauselint lsp: the language server on stdio

}  // namespace clauselint::cli
