// --since REV (lint_command.cpp): each linted file is also linted as it was
// at REV (under its old name when git sees a rename), and the findings it
// already had there are taken out of the report (finding_diff.h). A file
// absent or unreadable at REV keeps every finding, with a note that says so.
#pragma once

#include <optional>

#include "clauselint/planner.h"
#include "clauselint/report.h"
#include "cli/options.h"

namespace clauselint::cli {

// --since REV without paths: the policy files (by extension) changed between
// REV and the working tree, into `o.paths`, with a note for each policy
// deleted since. Returns the exit status to stop with (2 for a git error, 0
// when no policy changed, after saying so), or nullopt to go on.
std::optional<int> paths_since(Options& o);

// False, after printing why, when REV cannot be read (not a repository, an
// unknown revision). `already`: the findings taken out.
bool apply_since(const Options& o, const RunPlan& plan, const RunOptions& run, Report& report, std::size_t& already);

}  // namespace clauselint::cli
