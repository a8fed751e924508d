// Rules that could not finish on a file because one of their patterns
// stopped early (PCRE2's match limit, too many rejected matches, or the
// file's matching time used up). Such a rule is skipped for that file: its
// findings are dropped (a partial scan could report a clause as missing) and
// one diagnostic says which rule, where and why. For a built-in pack the user
// cannot change the pattern, so that is a warning; for the user's own pack it
// is an error that says to simplify the pattern.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "clauselint/engine.h"
#include "clauselint/pattern.h"

namespace clauselint {

class MatchFailures {
 public:
  void record(int matcher, const std::string& pattern, Pattern::Problem problem);
  void start_rule(const Rule* rule) { rule_ = rule; }
  // The current rule used `matcher`: it cannot finish if that matcher failed.
  void touch(int matcher);
  // Drops the skipped rules' findings from `result` and adds the diagnostics.
  void finish(const Document& doc, const RuleSet& rules, LintResult& result) const;

 private:
  struct Failure {
    std::string pattern;
    Pattern::Problem problem;
  };
  std::map<int, Failure> failed_;
  std::map<const Rule*, int> skipped_;  // rule -> the first failed matcher it used
  std::vector<const Rule*> order_;
  const Rule* rule_ = nullptr;
};

}  // namespace clauselint
