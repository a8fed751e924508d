// --since REV (lint_command.cpp): each linted file is also linted as it was
// at REV (under its old name when git sees a rename), and the findings it
// already had there are taken out of the report (finding_diff.h). A file
// absent or unreadable at REV keeps every finding, with a note that says so.
#pragma once

#include "cli/options.h"
#include "clauselint/planner.h"
#include "clauselint/report.h"

namespace clauselint::cli {

// False, after printing why, when REV cannot be read (not a repository, an
// unknown revision). `already`: the findings taken out.
bool apply_since(const Options& o, const RunPlan& plan, const RunOptions& run, Report& report, std::size_t& already);

}  // namespace clauselint::cli
