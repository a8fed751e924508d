// clauselint history PATH: every revision of PATH in git (renames followed),
// linted with the rules that apply to PATH today; for each rule, when its
// clause appeared and disappeared (timeline.h), as text, JSON and an SVG.
#include <algorithm>
#include <sstream>

#include <fmt/format.h>

#include "clauselint/diff_report.h"
#include "clauselint/git_source.h"
#include "clauselint/output_target.h"
#include "cli/commands.h"
#include "cli/lint_steps.h"

namespace clauselint::cli {
namespace {

// The clauses a history follows: the require rules that are on (weak
// tiers left out: they are about wording, not a clause), by id.
std::vector<std::pair<std::string, std::string>> clause_rules(const FileJob& job) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const Rule& r : job.rules->rules()) {
    const auto it = job.severities.find(r.id);
    if (r.kind != Rule::Kind::require || !r.weak_of.empty() || (it != job.severities.end() && !it->second)) continue;
    out.emplace_back(r.id, r.title);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Reads each revision's content into a job; marks the ones with nothing to lint.
std::vector<FileJob> revision_jobs(const FileJob& planned, Timeline& t, std::vector<std::size_t>& linted) {
  std::vector<FileJob> jobs;
  for (std::size_t i = 0; i < t.revisions.size(); ++i) {
    TimelineRevision& r = t.revisions[i];
    if (r.git.change == 'D') {
      r.state = TimelineRevision::State::deleted;
      continue;
    }
    GitFile file = read_git_file(r.git.commit, r.git.path);
    if (file.status != GitFile::Status::ok) {
      r.state = TimelineRevision::State::unreadable;
      r.note = file.status == GitFile::Status::binary ? "a binary file" : file.message;
      continue;
    }
    FileJob job = planned;
    job.path = r.git.short_commit + ":" + r.git.path;
    job.bytes = std::make_shared<const std::string>(std::move(file.bytes));
    jobs.push_back(std::move(job));
    linted.push_back(i);
  }
  return jobs;
}

void record(const FileResult& result, const std::vector<std::pair<std::string, std::string>>& rules,
            TimelineRevision& r) {
  for (const Diagnostic& d : result.diagnostics)
    if (d.severity == Severity::error) {
      r.state = TimelineRevision::State::unreadable;
      r.note = d.message;
      return;
    }
  for (const Finding& f : result.findings)
    if (f.kind == Finding::Kind::missing && !f.suppressed &&
        std::find_if(rules.begin(), rules.end(), [&](const auto& p) { return p.first == f.rule_id; }) != rules.end())
      r.missing.insert(f.rule_id);
}

bool write_reports(const Options& o, const Timeline& t) {
  std::ostringstream svg;
  if (!o.history_svg.empty()) write_timeline_svg(svg, t);
  if (o.history_svg == "-") return write_output(o, svg.str());
  if (!o.history_svg.empty())
    if (const std::string error = write_file_atomically(o.history_svg, svg.str()); !error.empty()) {
      print_error(error);
      return false;
    }
  std::ostringstream out;
  if (o.format == "json")
    write_history_json(out, t);
  else
    write_history_text(out, t);
  return write_output(o, out.str());
}

}  // namespace

int run_history(const Options& o) {
  if (o.format != "text" && o.format != "json") {
    print_error(fmt::format("history writes --format text or json (and --svg), not {}", o.format));
    return 2;
  }
  for (const auto& [file, option] : {std::pair{o.output, "-o"}, std::pair{o.history_svg, "--svg"}})
    if (const std::string error = file == "-" ? "" : check_output_target(file, {o.history_path}, option);
        !error.empty()) {
      print_error(error);
      return 2;
    }
  GitHistory history = log_follow(o.history_path);
  if (history.status != GitFile::Status::ok) {
    print_error(fmt::format("{}: {}", o.history_path, history.message));
    return 2;
  }
  CollectedPaths inputs;
  inputs.files = {o.history_path};
  const RunPlan plan = plan_lint(o, inputs);
  if (!plan.ok() || plan.jobs.empty()) {
    print(plan.diagnostics);
    if (plan.ok()) print_error(fmt::format("{} is excluded by the configuration", o.history_path));
    return 2;
  }
  Timeline timeline;
  timeline.path = o.history_path;
  for (auto& g : history.revisions)
    timeline.revisions.push_back({std::move(g), TimelineRevision::State::linted, {}, {}});
  const auto rules = clause_rules(plan.jobs[0]);
  std::vector<std::size_t> linted;
  const auto jobs = revision_jobs(plan.jobs[0], timeline, linted);
  std::size_t next = 0;
  lint_files(jobs, run_options(o), [&](FileResult&& r) { record(r, rules, timeline.revisions[linted[next++]]); });
  compute_spans(timeline, rules);
  print_shown(o, plan.diagnostics);
  return write_reports(o, timeline) ? 0 : 2;
}

}  // namespace clauselint::cli
