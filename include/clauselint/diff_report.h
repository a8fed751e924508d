// Reporters of `clauselint diff` (what a change lost and brought) and of
// `clauselint history` (when each clause appeared and disappeared).
//
//   diff text   a summary per kind of change with the rules, then one
//               compiler-style line per change (docs/diff.md)
//   diff json   {old, new, summary, lost, gained, introduced, resolved}
//   diff sarif  only what the change lost or introduced, each result with
//               baselineState "new", so code scanning on a pull request
//               shows only those (the lint SARIF writer, report.h)
//   history     text, json, and a self-contained SVG timeline (one row per
//               rule, a bar where the clause was present); no current time
//               in any of them, so the same history gives the same bytes.
//
// Cost: linear in the findings and revisions. Writing never fails here;
// the caller checks the stream.
#pragma once

#include <ostream>
#include <string>

#include "clauselint/finding_diff.h"
#include "clauselint/report.h"
#include "clauselint/timeline.h"

namespace clauselint {

struct DiffReport {
  Report base;           // rule sets (titles, SARIF rules), diagnostics, root, category
  std::string old_name;  // as shown: "policy.md", "HEAD~1:policy.md"
  std::string new_name;
  std::string new_path;  // NEW's file in the working tree: SARIF locations
  FindingDiff diff;
};

void write_diff_text(std::ostream& out, const DiffReport& report, bool summary = true);
void write_diff_json(std::ostream& out, const DiffReport& report);
void write_diff_sarif(std::ostream& out, const DiffReport& report);

void write_history_text(std::ostream& out, const Timeline& timeline);
void write_history_json(std::ostream& out, const Timeline& timeline);
void write_timeline_svg(std::ostream& out, const Timeline& timeline);

}  // namespace clauselint
