// A finding: one thing a rule reports about one policy.
#pragma once

#include <string>
#include <vector>

#include "clauselint/severity.h"
#include "clauselint/source.h"

namespace clauselint {

struct Finding {
  enum class Kind { missing, match };  // a required clause is absent / a forbidden match
  std::string file;                    // as shown to the user
  std::string rule_id;
  std::string pack;
  Severity severity = Severity::error;
  std::string message;
  SourceRange range;  // the match, or the heading/title line a missing clause belongs under
  Kind kind = Kind::missing;
  std::string evidence;       // normalised text: the match's sentence, or the heading it points at
  std::string snippet;        // the source text of `range`
  std::string fingerprint;    // stable across unrelated edits; see assign_fingerprints()
  bool suppressed = false;    // by an inline comment (suppressions.h); kept, not shown as text
  std::string justification;  // the suppression's reason
  // --explain, missing clauses: "41:1: found 'change-noun' in this sentence,
  // but not 'notify-verb': \"...\"" (closest first).
  std::vector<std::string> explanation;
};

// Orders findings by file, then position, then rule id (stable output).
void sort_findings(std::vector<Finding>& findings);

// Gives each finding of one file a fingerprint made from its rule id and its
// evidence (lower-cased, white space folded), never from line numbers: a
// paragraph inserted above a finding leaves it unchanged. Findings with the
// same rule and evidence are told apart by their order (":1", ":2", ...), so
// no two findings share one. Form: 16 hex digits, ":", occurrence.
void assign_fingerprints(std::vector<Finding>& findings);

}  // namespace clauselint
