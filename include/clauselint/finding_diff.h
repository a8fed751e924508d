// Comparing two versions of a policy: which findings the change brought and
// which it took away (clauselint diff, --since).
//
// A missing-clause finding (Finding::Kind::missing) says a clause is absent,
// so it is matched by rule alone: it appearing means the clause was lost, it
// going away means the clause was gained, and it moving to another heading
// is no change. Other findings (forbidden wording, weak wording) are matched
// by rule and fingerprint (finding.h), never by line, so a moved paragraph
// is no change either. Suppressed findings are left out on both sides.
//
// Cost: O(n log n) in the findings. No errors.
#pragma once

#include <vector>

#include "clauselint/finding.h"

namespace clauselint {

struct FindingDiff {
  std::vector<Finding> lost;        // missing-clause findings of NEW that OLD has not (NEW's)
  std::vector<Finding> gained;      // missing-clause findings of OLD that NEW has not (OLD's)
  std::vector<Finding> introduced;  // other findings of NEW that OLD has not (NEW's)
  std::vector<Finding> resolved;    // other findings of OLD that NEW has not (OLD's)
  bool empty() const { return lost.empty() && gained.empty() && introduced.empty() && resolved.empty(); }
};

// Each list keeps the order of its input (sort_findings order).
FindingDiff diff_findings(const std::vector<Finding>& old_findings, const std::vector<Finding>& new_findings);

// True when `f` (of NEW) is in `old_findings` by the rules above: what
// --since leaves out.
bool present_before(const Finding& f, const std::vector<Finding>& old_findings);

}  // namespace clauselint
