// A finding: one thing a rule reports about one policy.
#pragma once

#include <string>
#include <vector>

#include "clauselint/severity.h"
#include "clauselint/source.h"

namespace clauselint {

struct Finding {
  enum class Kind { missing, match };  // a required clause is absent / a forbidden match
  std::string file;       // as shown to the user
  std::string rule_id;
  std::string pack;
  Severity severity = Severity::error;
  std::string message;
  SourceRange range;      // the match, or the heading/title line a missing clause belongs under
  Kind kind = Kind::missing;
  std::string evidence;   // normalised text: the match, or the heading it points at
};

// Orders findings by file, then position, then rule id (stable output).
void sort_findings(std::vector<Finding>& findings);

}  // namespace clauselint
