// Reporters: findings out, in the formats users read.
#pragma once

#include <ostream>
#include <vector>

#include "clauselint/finding.h"

namespace clauselint {

// Compiler style, one line per finding, in the order given:
//   path:line:col: severity: message [rule-id]
void write_text(std::ostream& out, const std::vector<Finding>& findings);

}  // namespace clauselint
