// Rule documentation generated from the packs: docs/rules/ has one page per
// rule (why, how to fix, citations, examples) and an index by pack. The build
// target `docs-rules` regenerates it; a test fails when it is out of date.
#pragma once

#include <string>

#include "clauselint/rule_set.h"

namespace clauselint {

// The Markdown page of one rule.
std::string rule_page(const Rule& rule);

// The index page: every rule, grouped by pack.
std::string rules_index(const RuleSet& rules);

// Writes rule_page() for every rule to DIR/ID.md and rules_index() to
// DIR/README.md, removing pages of rules that no longer exist. Returns an
// error message, or "".
std::string write_rule_pages(const RuleSet& rules, const std::string& dir);

}  // namespace clauselint
