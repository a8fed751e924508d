// Linting many files: reads, parses and lints each, on `jobs` threads, and
// returns the results in the order of the input list (output is the same
// whatever the number of jobs).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "clauselint/diagnostic.h"
#include "clauselint/finding.h"
#include "clauselint/parse.h"
#include "clauselint/rule_set.h"

namespace clauselint {

struct FileResult {
  std::string shown;                            // the name shown to users
  std::shared_ptr<const SourceFile> source;     // null when it could not be read
  std::vector<Finding> findings;
  std::vector<Diagnostic> diagnostics;
};

struct RunOptions {
  unsigned jobs = 1;
  std::optional<InputFormat> input_format;      // unset: by extension
  std::string stdin_name = "<stdin>";           // shown for "-"
};

// The rules for one file (a config file may choose different packs per
// path); null, with diagnostics, when they cannot be loaded. Called from
// worker threads: must be thread-safe.
using RulesFor = std::function<const RuleSet*(const std::string& shown, std::vector<Diagnostic>& diagnostics)>;

std::vector<FileResult> lint_files(const std::vector<std::string>& paths, const RulesFor& rules_for,
                                   const RunOptions& options);

}  // namespace clauselint
