// clauselint stats PATH... [--from RUN.jsonl] [--group-by ...] [--csv F] [--svg F]:
// how many policies of a corpus have each finding, overall or per group.
#include <iostream>
#include <set>
#include <sstream>
#include <thread>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "clauselint/input.h"
#include "clauselint/parse.h"
#include "clauselint/planner.h"
#include "clauselint/prevalence.h"
#include "clauselint/progress.h"
#include "clauselint/report.h"
#include "clauselint/runner.h"
#include "cli/commands.h"

namespace clauselint::cli {
namespace {

bool report_problems(const std::vector<Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics) std::cerr << format_diagnostic(d) << '\n';
  return has_errors(diagnostics);
}

// The policy's document, read again, when the grouping needs its front matter.
std::optional<Document> front_matter_of(const Grouping& grouping, const std::string& path,
                                        std::shared_ptr<const SourceFile> source) {
  if (grouping.kind != Grouping::Kind::front_matter) return std::nullopt;
  if (!source) source = read_source(path, path).source;
  if (!source) return std::nullopt;
  std::vector<Diagnostic> ignored;  // reported by the lint run
  return parse_document(source, input_format_for(path), ignored);
}

// Writes the table, --csv and --svg; false after an error.
bool write_outputs(const Options& o, Prevalence& prevalence) {
  // The table on standard output, unless --csv - or --svg - puts that there instead.
  if (o.stats_csv == "-" && o.stats_svg == "-") {
    fmt::print(std::cerr, "clauselint: error: only one of --csv and --svg can be '-' (standard output)\n");
    return false;
  }
  if (o.stats_csv != "-" && o.stats_svg != "-") prevalence.write_text(std::cout);
  for (const auto& [file, write] :
       {std::pair{o.stats_csv, &Prevalence::write_csv}, std::pair{o.stats_svg, &Prevalence::write_svg}}) {
    if (file.empty()) continue;
    if (file == "-") {
      (prevalence.*write)(std::cout);
      continue;
    }
    std::ostringstream content;
    (prevalence.*write)(content);
    if (const std::string error = write_file_atomically(file, content.str()); !error.empty()) {
      fmt::print(std::cerr, "clauselint: error: {}\n", error);
      return false;
    }
  }
  return true;
}

}  // namespace

int run_stats(const Options& o) {
  Grouping grouping;
  if (!o.group_by.empty()) {
    std::string error;
    const auto parsed = parse_grouping(o.group_by, error);
    if (!parsed) {
      fmt::print(std::cerr, "clauselint: error: {}\n", error);
      return 2;
    }
    grouping = *parsed;
  }
  const CollectedPaths inputs = collect_paths(o.stats_paths);
  if (report_problems(inputs.diagnostics)) return 2;
  Prevalence prevalence;

  if (!o.stats_from.empty()) {  // the findings of an earlier --format jsonl run
    std::vector<Diagnostic> problems;
    auto found = read_jsonl_findings(o.stats_from, problems);
    if (report_problems(problems)) return 2;
    for (const auto& file : inputs.files) {
      const auto doc = front_matter_of(grouping, file, nullptr);
      prevalence.add(group_of(grouping, file, doc ? &*doc : nullptr), found[file]);
      found.erase(file);
    }
    if (!found.empty())
      fmt::print(std::cerr,
                 "clauselint: warning: {} files in {} are not among the paths given (e.g. {}); they are not counted\n",
                 found.size(), o.stats_from, found.begin()->first);
  } else {  // lint the corpus now, keeping one record per policy
    RunPlan plan = plan_run(inputs.files, o.rules, o.config, "<stdin>");
    if (report_problems(plan.diagnostics) && plan.jobs.empty()) return 2;
    RunOptions run;
    run.jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
    Progress progress(plan.jobs.size(), o.progress == "always" || (o.progress == "auto" && Progress::wanted()));
    lint_files(plan.jobs, run, [&](FileResult&& r) {
      progress.advance(r.source ? r.source->text().size() : 0);
      if (!r.diagnostics.empty()) progress.clear();
      report_problems(r.diagnostics);
      if (!r.source) return;
      std::set<std::string> rules;
      for (const Finding& f : r.findings)
        if (!f.suppressed) rules.insert(f.rule_id);
      const auto doc = front_matter_of(grouping, r.shown, r.source);
      prevalence.add(group_of(grouping, r.shown, doc ? &*doc : nullptr), rules);
    });
  }

  return write_outputs(o, prevalence) ? 0 : 2;
}

}  // namespace clauselint::cli
