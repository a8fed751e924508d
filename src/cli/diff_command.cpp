// clauselint diff OLD NEW: lint both versions with the same rules (those that
// apply to NEW today), compare the findings (finding_diff.h), report what the
// change lost and brought (diff_report.h). Each side is a file or REV:path.
#include <filesystem>
#include <iostream>
#include <sstream>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "clauselint/diff_report.h"
#include "clauselint/git_source.h"
#include "clauselint/output_target.h"
#include "cli/commands.h"
#include "cli/lint_steps.h"

namespace clauselint::cli {
namespace {

// One side of the comparison.
struct Side {
  std::string shown;                         // as given: "policy.md", "HEAD~1:policy.md"
  std::string path;                          // the file in the working tree: its config, SARIF locations
  std::shared_ptr<const std::string> bytes;  // a revision's content; null: read `path`
};

std::optional<Side> load_side(const std::string& arg) {
  const auto spec = parse_git_spec(arg);
  if (!spec) return Side{arg, arg, nullptr};
  GitFile file = read_git_file(spec->rev, spec->path);
  if (file.status != GitFile::Status::ok) {
    print_error(fmt::format("{}: {}", arg, file.message));
    return std::nullopt;
  }
  const bool from_here = spec->path.starts_with("./") || spec->path.starts_with("../");
  const std::string path = from_here ? spec->path : (std::filesystem::path(git_toplevel()) / spec->path).string();
  return Side{arg, path, std::make_shared<const std::string>(std::move(file.bytes))};
}

FileJob job_for(const FileJob& planned, const Side& side) {
  FileJob job = planned;
  job.path = side.bytes ? side.shown : side.path;
  job.bytes = side.bytes;
  return job;
}

// The exit status: 1 when a clause is lost or a failing finding introduced.
int status_of(const Options& o, const FindingDiff& d) {
  if (o.fail_on == FailOn::never) return 0;
  if (!d.lost.empty()) return 1;
  for (const Finding& f : d.introduced)
    if (fails(f.severity, o.fail_on)) return 1;
  return 0;
}

std::string rendered(const Options& o, const DiffReport& r) {
  std::ostringstream out;
  if (o.format == "json")
    write_diff_json(out, r);
  else if (o.format == "sarif")
    write_diff_sarif(out, r);
  else
    write_diff_text(out, r, !o.quiet);
  return out.str();
}

void print_counts(const FindingDiff& d) {
  fmt::print(std::cerr, "clauselint: {} lost, {} gained, {} introduced, {} resolved\n", plural(d.lost.size(), "clause"),
             d.gained.size(), plural(d.introduced.size(), "finding"), d.resolved.size());
}

}  // namespace

int run_diff(const Options& o) {
  if (o.format != "text" && o.format != "json" && o.format != "sarif") {
    print_error(fmt::format("diff writes --format text, json or sarif, not {}", o.format));
    return 2;
  }
  if (const std::string error = check_output_target(o.output, {o.diff_old, o.diff_new}, "-o"); !error.empty()) {
    print_error(error);
    return 2;
  }
  const auto old_side = load_side(o.diff_old);
  const auto new_side = load_side(o.diff_new);
  if (!old_side || !new_side) return 2;
  CollectedPaths inputs;
  inputs.files = {new_side->path};
  const RunPlan plan = plan_lint(o, inputs);
  if (!plan.ok() || plan.jobs.empty()) {
    print(plan.diagnostics);
    if (plan.ok()) print_error(fmt::format("{} is excluded by the configuration: nothing to compare", new_side->shown));
    return 2;
  }
  const auto results = lint_files({job_for(plan.jobs[0], *old_side), job_for(plan.jobs[0], *new_side)}, run_options(o));
  DiffReport report;
  for (const auto& set : plan.rule_sets) report.base.rule_sets.push_back(set.get());
  report.base.diagnostics = plan.diagnostics;
  for (const auto& r : results)
    report.base.diagnostics.insert(report.base.diagnostics.end(), r.diagnostics.begin(), r.diagnostics.end());
  print_shown(o, report.base.diagnostics);
  if (has_errors(report.base.diagnostics)) return 2;
  report.base.root = o.root.empty() ? repository_root() : std::filesystem::absolute(o.root).lexically_normal().string();
  report.base.category = o.sarif_category;
  report.old_name = old_side->shown;
  report.new_name = new_side->shown;
  report.new_path = new_side->path == "-" ? results[1].shown : new_side->path;
  report.diff = diff_findings(results[0].findings, results[1].findings);
  if (!write_output(o, rendered(o, report))) return 2;
  if (!o.quiet) print_counts(report.diff);
  return status_of(o, report.diff);
}

}  // namespace clauselint::cli
