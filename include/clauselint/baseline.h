// Baselines, for adopting clauselint on policies that already have findings:
// --write-baseline FILE records today's findings; --baseline FILE then
// reports only findings that are not in it. Findings are matched by file
// (relative to the repository root), rule and fingerprint (see finding.h),
// never by line number, so edits elsewhere do not bring old findings back.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "clauselint/diagnostic.h"
#include "clauselint/finding.h"

namespace clauselint {

struct Baseline {
  std::set<std::tuple<std::string, std::string, std::string>> entries;  // (file, rule, fingerprint)
};

// The baseline file for `findings` (suppressed ones left out), as JSON.
std::string baseline_json(const std::vector<Finding>& findings, const std::string& root);

// Reads a baseline; nullopt, with an error, when it is missing or malformed.
std::optional<Baseline> read_baseline(const std::string& path, std::vector<Diagnostic>& diagnostics);
// The same for baseline text already read (`path` names it in messages).
std::optional<Baseline> parse_baseline(const std::string& text, const std::string& path,
                                       std::vector<Diagnostic>& diagnostics);

// Removes the findings the baseline holds; returns how many it removed.
std::size_t apply_baseline(const Baseline& baseline, std::vector<Finding>& findings, const std::string& root);

}  // namespace clauselint
