// Planning a run: for each file, the config that applies (--config, or the
// nearest .clauselint.yaml), the packs it selects (loaded once per distinct
// set) and the rule severities; files excluded by the config are dropped.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "clauselint/config.h"
#include "clauselint/diagnostic.h"
#include "clauselint/runner.h"

namespace clauselint {

struct RunPlan {
  std::vector<FileJob> jobs;
  std::vector<std::unique_ptr<RuleSet>> rule_sets;  // owned; jobs point into them
  std::vector<Diagnostic> diagnostics;              // config and pack problems
  std::size_t excluded = 0;                         // files the config excludes
  bool ok() const { return !has_errors(diagnostics); }
};

// `files` as collected from the command line; `cli_packs` from --rules;
// `config_file` from --config ("" to search); `stdin_name` is what "-" is
// called (its config is found from that name); "" when it was not named:
// "-" is then shown as <stdin>, and never excluded by include/exclude.
RunPlan plan_run(const std::vector<std::string>& files, const std::vector<std::string>& cli_packs,
                 const std::string& config_file, const std::string& stdin_name);

// The effective configuration for one file, and any errors finding it.
EffectiveConfig config_for(const std::string& file, const std::vector<std::string>& cli_packs,
                           const std::string& config_file, std::vector<Diagnostic>& diagnostics);

}  // namespace clauselint
