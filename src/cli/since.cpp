// apply_since (since.h).
#include "cli/since.h"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "clauselint/finding_diff.h"
#include "clauselint/git_source.h"
#include "clauselint/input.h"
#include "cli/lint_steps.h"

namespace clauselint::cli {
namespace {

// The job that lints `job`'s file as it was at `rev`, or nullopt (with a note
// in `notes`) when there is nothing to compare with.
std::optional<FileJob> job_at(const std::string& rev, const FileJob& job, const std::string& shown,
                              const std::map<std::string, std::string>& renames, std::vector<Diagnostic>& notes) {
  const std::string now = repository_path(shown);
  const auto renamed = renames.find(now);
  const std::string then = renamed == renames.end() ? now : renamed->second;
  GitFile file = read_git_file(rev, then);
  if (file.status == GitFile::Status::absent) {
    notes.push_back({shown, {}, Severity::note, fmt::format("not in {} (a new file): every finding is new", rev)});
    return std::nullopt;
  }
  if (file.status != GitFile::Status::ok) {
    notes.push_back({shown, {}, Severity::note, fmt::format("{}: every finding is counted as new", file.message)});
    return std::nullopt;
  }
  if (renamed != renames.end())
    notes.push_back({shown, {}, Severity::note, fmt::format("compared with {} at {} (renamed since)", then, rev)});
  FileJob old = job;
  old.path = rev + ":" + then;
  old.bytes = std::make_shared<const std::string>(std::move(file.bytes));
  return old;
}

}  // namespace

std::optional<int> paths_since(Options& o) {
  const GitFile revision = check_revision(o.since);
  if (revision.status != GitFile::Status::ok) {
    print_error(fmt::format("--since {}: {}{}", o.since, revision.message,
                            revision.status == GitFile::Status::unborn ? "; name the policy files to lint" : ""));
    return 2;
  }
  std::vector<std::string> deleted;
  for (auto& path : changed_since(o.since, deleted))
    if (is_policy_extension(path)) o.paths.push_back(std::move(path));
  for (const auto& path : deleted)
    if (is_policy_extension(path) && !o.quiet)
      fmt::print(stderr, "{}: note: deleted since {}: its clauses went with it\n", path, o.since);
  if (!o.paths.empty()) return std::nullopt;
  if (!o.quiet) fmt::print(stderr, "clauselint: no policy file changed since {}\n", o.since);
  return 0;
}

bool apply_since(const Options& o, const RunPlan& plan, const RunOptions& run, Report& report, std::size_t& already) {
  const GitFile revision = check_revision(o.since);
  if (revision.status == GitFile::Status::unborn) {
    report.diagnostics.push_back(
        {"",
         {},
         Severity::note,
         fmt::format("--since {}: the repository has no commits yet: every finding is new", o.since)});
    return true;
  }
  if (revision.status != GitFile::Status::ok) {
    print_error(fmt::format("--since {}: {}", o.since, revision.message));
    return false;
  }
  const auto renames = renames_since(o.since);
  std::vector<FileJob> old_jobs;
  std::vector<std::string> current;  // the shown name of each old job's file
  for (const FileJob& job : plan.jobs) {
    const std::string shown = job.path == "-" ? o.stdin_filename : job.path;
    if (shown.empty()) {
      report.diagnostics.push_back({"<stdin>",
                                    {},
                                    Severity::note,
                                    "--since: name standard input with --stdin-filename to "
                                    "compare it; every finding is new"});
      continue;
    }
    if (auto old = job_at(o.since, job, shown, renames, report.diagnostics)) {
      old_jobs.push_back(std::move(*old));
      current.push_back(job.path == "-" ? run.stdin_name : job.path);
    }
  }
  std::map<std::string, std::vector<Finding>> before;  // shown name now -> findings at REV
  std::size_t i = 0;
  lint_files(old_jobs, run, [&](FileResult&& r) { before[current[i++]] = std::move(r.findings); });
  const auto kept = std::remove_if(report.findings.begin(), report.findings.end(), [&](const Finding& f) {
    const auto it = before.find(f.file);
    return it != before.end() && present_before(f, it->second);
  });
  already = static_cast<std::size_t>(report.findings.end() - kept);
  report.findings.erase(kept, report.findings.end());
  report.baseline_state = "new";
  return true;
}

}  // namespace clauselint::cli
