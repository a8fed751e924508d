// Linting many files: reads, parses and lints each, on `jobs` threads, and
// returns the results in the order of the input list (output is the same
// whatever the number of jobs).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "clauselint/diagnostic.h"
#include "clauselint/finding.h"
#include "clauselint/parse.h"
#include "clauselint/pattern.h"
#include "clauselint/rule_set.h"

namespace clauselint {

struct FileResult {
  std::string shown;                         // the name shown to users
  std::shared_ptr<const SourceFile> source;  // null when it could not be read
  std::vector<Finding> findings;
  std::vector<Diagnostic> diagnostics;
};

struct RunOptions {
  unsigned jobs = 1;
  std::optional<InputFormat> input_format;                          // unset: by extension
  std::string stdin_name = "<stdin>";                               // shown for "-"
  bool explain = false;                                             // --explain: evidence for missing clauses
  std::uint32_t match_budget_ms = MatchBudget::from_environment();  // per file (limits.h)
};

// One file to lint, with the rules that apply to it (a config file may
// choose different packs and severities per path).
struct FileJob {
  std::string path;  // "-" is standard input
  const RuleSet* rules = nullptr;
  std::map<std::string, std::optional<Severity>> severities;  // per rule; nullopt: off
  // When set, the file's content (e.g. a git revision's, git_source.h):
  // linted instead of reading `path`, which is then only its name.
  std::shared_ptr<const std::string> bytes;
};

std::vector<FileResult> lint_files(const std::vector<FileJob>& jobs, const RunOptions& options);
// The same, handing each result to `emit` in input order as soon as it and
// every result before it are done, so that memory stays flat however many
// files there are (at most 4 × jobs results wait for an earlier one). `emit`
// runs on one thread at a time.
void lint_files(const std::vector<FileJob>& jobs, const RunOptions& options,
                const std::function<void(FileResult&&)>& emit);

}  // namespace clauselint
