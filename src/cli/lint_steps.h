// The steps of a lint run that lint, diff and history share
// (lint_steps.cpp): planning, the run options, messages, the exit status.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "clauselint/diagnostic.h"
#include "clauselint/input.h"
#include "clauselint/planner.h"
#include "clauselint/runner.h"
#include "cli/options.h"

namespace clauselint::cli {

void print(const std::vector<Diagnostic>& diagnostics);
// Prints the diagnostics, without the notes under --quiet.
void print_shown(const Options& o, const std::vector<Diagnostic>& diagnostics);
void print_error(const std::string& error);                // "clauselint: error: ..." on stderr
std::string plural(std::size_t n, std::string_view word);  // "1 file", "2 files"

// True when a finding of severity `s` makes the exit status 1.
bool fails(Severity s, FailOn fail_on);
// The enclosing git repository's top folder, else the current folder.
std::string repository_root();

// Step 1: which files, with which rules and severities (--min-precision applied).
RunPlan plan_lint(const Options& o, const CollectedPaths& inputs);
RunOptions run_options(const Options& o);

// Writes `text` to standard output, or to -o through a temporary file;
// false, after saying why, when it could not be written.
bool write_output(const Options& o, const std::string& text);

}  // namespace clauselint::cli
