// Inline suppressions: HTML comments in a policy that silence a rule.
//
//   <!-- clauselint-disable RULE[,RULE] -- reason -->   ... until
//   <!-- clauselint-enable RULE[,RULE] -->              (or the end of the file)
//   <!-- clauselint-disable-next-line RULE -- reason --> the next non-blank line
//   <!-- clauselint-disable-file RULE -- reason -->      the whole file (a
//                                                        missing clause that does not apply)
//
// Suppressed findings are kept, marked `suppressed` with the reason. A
// suppression without a reason, naming an unknown rule, suppressing nothing,
// or an unknown clauselint-* comment is itself reported, as a warning of the
// rule `invalid-suppression`.
#pragma once

#include <vector>

#include "clauselint/document.h"
#include "clauselint/finding.h"
#include "clauselint/rule_set.h"

namespace clauselint {

void apply_suppressions(const Document& doc, const RuleSet& rules, std::vector<Finding>& findings);

// The rule misused suppressions are reported under (pack "clauselint").
const Rule& invalid_suppression_rule();

}  // namespace clauselint
