// A policy's clauses over its git history (clauselint history): for each
// rule, the runs of revisions where its clause was present, i.e. where the
// rule gave no missing-clause finding (a rule whose `when` does not hold
// counts as present: nothing was missing).
//
// A revision where the file was deleted has no clause; one that could not
// be linted (binary, empty) changes nothing: each clause keeps the state it
// had. Cost: O(rules × revisions). No errors.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "clauselint/git_source.h"

namespace clauselint {

struct TimelineRevision {
  GitRevision git;
  enum class State { linted, deleted, unreadable } state = State::linted;
  std::string note;               // why it was not linted
  std::set<std::string> missing;  // rules with a missing-clause finding (linted)
};

struct ClauseSpan {
  std::size_t from = 0;           // the revision where the clause appeared
  std::optional<std::size_t> to;  // where it disappeared; none: still present at the last revision
};

struct TimelineRow {
  std::string rule, title;
  std::vector<ClauseSpan> spans;
};

struct Timeline {
  std::string path;                         // as the user named it
  std::vector<TimelineRevision> revisions;  // oldest first
  std::vector<TimelineRow> rows;            // by rule id
};

// Fills `timeline.rows` from its revisions, one row per (rule, title).
void compute_spans(Timeline& timeline, const std::vector<std::pair<std::string, std::string>>& rules);

}  // namespace clauselint
