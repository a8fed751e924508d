#include <algorithm>
#include <tuple>

#include "clauselint/finding.h"

namespace clauselint {

void sort_findings(std::vector<Finding>& findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.file, a.range.start, a.rule_id, a.range.end) <
           std::tie(b.file, b.range.start, b.rule_id, b.range.end);
  });
}

}  // namespace clauselint
