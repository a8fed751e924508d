// clauselint [options] PATH...: plan the run, lint the files, build the
// report, apply the baseline, write the report, print the summary. In
// corpus mode (--format jsonl without a baseline or --stats) findings are
// written file by file as they come and nothing of a file is kept.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <sstream>
#include <thread>

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <fmt/ranges.h>

#include <unistd.h>

#include "clauselint/baseline.h"
#include "clauselint/input.h"
#include "clauselint/output_target.h"
#include "clauselint/planner.h"
#include "clauselint/precision.h"
#include "clauselint/progress.h"
#include "clauselint/report.h"
#include "clauselint/runner.h"
#include "cli/commands.h"
#include "cli/lint_steps.h"
#include "cli/since.h"

namespace clauselint::cli {
namespace {

// --stats: findings per rule, files, time.
void print_stats(const Report& report, std::chrono::steady_clock::duration elapsed) {
  std::map<std::string, std::size_t> per_rule;
  for (const auto& f : report.findings) ++per_rule[f.rule_id];
  const auto rules = all_rules(report);
  std::size_t width = 4;
  for (const Rule* r : rules) width = std::max(width, r->id.size());
  fmt::print(std::cerr, "{:<{}}  FINDINGS\n", "RULE", width);
  for (const Rule* r : rules) fmt::print(std::cerr, "{:<{}}  {}\n", r->id, width, per_rule[r->id]);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count();
  fmt::print(std::cerr, "{} rules, {} of {} files linted, {} findings, {} ms\n", rules.size(), report.linted,
             report.files.size(), report.findings.size(), ms);
}

// Findings counted for the summary line and the exit status.
struct Tally {
  std::size_t counts[3] = {0, 0, 0};  // by severity: note, warning, error
  std::size_t suppressed = 0;
  std::size_t files = 0;
  bool failing = false;
  void add(const Finding& f, FailOn fail_on) {
    if (f.suppressed) {
      ++suppressed;
      return;
    }
    ++counts[static_cast<int>(f.severity)];
    failing = failing || fails(f.severity, fail_on);
  }
};

// `already`: the findings --since took out (`since` is its revision).
void print_summary(const Tally& t, std::size_t baselined, const Report& report, const std::string& since = "",
                   std::size_t already = 0) {
  std::vector<std::string> parts;
  if (t.counts[2]) parts.push_back(plural(t.counts[2], "error"));
  if (t.counts[1]) parts.push_back(plural(t.counts[1], "warning"));
  if (t.counts[0]) parts.push_back(plural(t.counts[0], "note"));
  if (t.suppressed) parts.push_back(fmt::format("{} suppressed", t.suppressed));
  if (baselined) parts.push_back(fmt::format("{} in the baseline", baselined));
  std::string summary = parts.empty() ? "no findings" : fmt::format("{}", fmt::join(parts, ", "));
  if (!since.empty())
    summary =
        fmt::format("{} new since {} ({} already there)", parts.empty() ? "no findings" : summary, since, already);
  fmt::print(std::cerr, "clauselint: {} in {}{}\n", summary, plural(report.linted, "file"),
             report.successful ? "" : " (with errors, shown above)");
}

// The end of a corpus-mode run (run_lint): the report file, the summary, the exit status.
void print_all_excluded(std::size_t excluded) {
  fmt::print(std::cerr, "clauselint: every input is excluded by the configuration ({})\n", plural(excluded, "file"));
}

// `excluded`: the inputs the configuration excluded when it excluded every one, else 0.
int finish_stream(const Options& o, const Report& report, const Tally& tally, const std::string& to_file,
                  std::size_t excluded) {
  if (excluded && !o.quiet) print_all_excluded(excluded);
  if (const std::string error = o.output.empty() ? flush_stdout() : write_file_atomically(o.output, to_file);
      !error.empty()) {
    fmt::print(std::cerr, "clauselint: error: {}\n", error);
    return 2;
  }
  if (!o.quiet) print_summary(tally, 0, report);
  if (!report.successful) return 2;
  return tally.failing ? 1 : 0;
}

// -o and --write-baseline must not overwrite an input; false after saying so.
bool output_targets_ok(const Options& o) {
  for (const auto& [file, option] : {std::pair{o.output, "-o"}, std::pair{o.write_baseline, "--write-baseline"}})
    if (const std::string error = check_output_target(file, o.paths, option); !error.empty()) {
      print_error(error);
      return false;
    }
  return true;
}

// The report before any file is linted: the rules, and the diagnostics of
// the inputs and the configuration.
Report start_report(const Options& o, const CollectedPaths& inputs, const RunPlan& plan) {
  Report report;
  for (const auto& set : plan.rule_sets) report.rule_sets.push_back(set.get());
  report.diagnostics = inputs.diagnostics;
  report.diagnostics.insert(report.diagnostics.end(), plan.diagnostics.begin(), plan.diagnostics.end());
  report.root = o.root.empty() ? repository_root() : std::filesystem::absolute(o.root).lexically_normal().string();
  report.category = o.sarif_category;
  report.include_suppressed = o.include_suppressed;
  return report;
}

bool show_progress(const Options& o) { return o.progress == "always" || (o.progress == "auto" && Progress::wanted()); }

// Corpus mode: JSON Lines stream out file by file, and nothing of a file is
// kept once it is written, so memory stays flat in the number of files.
bool is_streaming(const Options& o) {
  return parse_format(o.format) == Format::jsonl && o.baseline.empty() && o.write_baseline.empty() && !o.stats &&
         o.since.empty();
}

// Step 2, corpus mode: lint and write each file's findings as they come;
// returns the exit status. (Files go in name order: the order sort_findings
// gives a whole report.) `excluded` as for finish_stream.
int lint_streaming(const Options& o, const RunOptions& run, RunPlan& plan, Report& report, std::size_t excluded) {
  std::stable_sort(plan.jobs.begin(), plan.jobs.end(), [&](const FileJob& a, const FileJob& b) {
    return (a.path == "-" ? run.stdin_name : a.path) < (b.path == "-" ? run.stdin_name : b.path);
  });
  // As the buffered report prints them: inputs and configuration first, then each file's.
  print_shown(o, report.diagnostics);
  report.successful = !has_errors(report.diagnostics);
  std::ostringstream streamed_to_file;  // -o: written atomically at the end
  std::ostream& stream = o.output.empty() ? std::cout : streamed_to_file;
  Tally streamed;
  Progress progress(plan.jobs.size(), show_progress(o));
  lint_files(plan.jobs, run, [&](FileResult&& r) {
    progress.advance(r.source ? r.source->text().size() : 0);
    if (r.source) ++report.linted;
    progress.clear();
    print_shown(o, r.diagnostics);
    report.successful = report.successful && !has_errors(r.diagnostics);
    write_jsonl(stream, r.findings);
    for (const Finding& f : r.findings) streamed.add(f, o.fail_on);
    ++streamed.files;
  });
  progress.clear();
  return finish_stream(o, report, streamed, streamed_to_file.str(), excluded);
}

// Step 2: lint every file into the report, sorted.
void lint_buffered(const Options& o, const RunOptions& run, const RunPlan& plan, Report& report) {
  Progress progress(plan.jobs.size(), show_progress(o));
  lint_files(plan.jobs, run, [&](FileResult&& r) {
    progress.advance(r.source ? r.source->text().size() : 0);
    if (r.source) ++report.linted;
    report.files.push_back(r.shown);
    if (r.source) report.sources[r.shown] = r.source;
    report.findings.insert(report.findings.end(), r.findings.begin(), r.findings.end());
    report.diagnostics.insert(report.diagnostics.end(), r.diagnostics.begin(), r.diagnostics.end());
  });
  progress.clear();
  sort_findings(report.findings);
}

// Step 3: --write-baseline, then --baseline (`baselined`: the findings it
// took out). False when a baseline cannot be written or read.
bool apply_baseline_options(const Options& o, Report& report, std::size_t& baselined) {
  // Written from every finding before --baseline filters them, so that
  // --baseline B --write-baseline B updates B.
  if (!o.write_baseline.empty()) {
    if (const std::string error = write_file_atomically(o.write_baseline, baseline_json(report.findings, report.root));
        !error.empty()) {
      print_error(error);
      return false;
    }
  }
  if (!o.baseline.empty()) {
    std::vector<Diagnostic> problems;
    const auto baseline = read_baseline(o.baseline, problems);
    print(problems);
    if (!baseline) return false;
    baselined = apply_baseline(*baseline, report.findings, report.root);
  }
  return true;
}

// Step 4: the report, to stdout (styled for a terminal) or to -o. False when
// it could not be written.
bool emit_report(const Options& o, const Report& report) {
  const Format format = parse_format(o.format).value_or(Format::text);
  const bool terminal = isatty(fileno(stdout)) != 0 && o.output.empty();
  const char* no_color = std::getenv("NO_COLOR");
  TextStyle style;
  style.color = o.color == "always" || (o.color == "auto" && terminal && !(no_color && *no_color));
  style.excerpts = o.color == "always" || (o.color == "auto" && terminal);
  if (o.output.empty()) {
    write_report(std::cout, report, format, style);
    if (const std::string error = flush_stdout(); !error.empty()) {  // /dev/full, a closed stdout: the report is lost
      print_error(error);
      return false;
    }
    return true;
  }
  std::ostringstream buffer;
  write_report(buffer, report, format, {});
  if (const std::string error = write_file_atomically(o.output, buffer.str()); !error.empty()) {
    print_error(error);
    return false;
  }
  return true;
}

// What the summary says and the exit status it leads to.
struct LintSummary {
  Tally tally;
  std::size_t baselined = 0;  // findings the baseline took out
  std::size_t already = 0;    // findings --since took out
  int exit_status = 0;        // 0, 1 (failing findings) or 2 (errors)
};

// Step 5: --stats, the summary line, and the exit status.
LintSummary summarise(const Options& o, const Report& report, LintSummary s,
                      std::chrono::steady_clock::time_point started) {
  for (const auto& f : report.findings) s.tally.add(f, o.fail_on);
  if (o.stats) print_stats(report, std::chrono::steady_clock::now() - started);
  if (!o.quiet) print_summary(s.tally, s.baselined, report, o.since, s.already);
  if (!o.write_baseline.empty() && !o.quiet)
    fmt::print(std::cerr, "clauselint: wrote {} to the baseline {}\n",
               plural(report.findings.size() - s.tally.suppressed + s.baselined, "finding"), o.write_baseline);
  if (!report.successful)
    s.exit_status = 2;
  else if (!o.write_baseline.empty())
    s.exit_status = 0;  // the findings are now the baseline
  else
    s.exit_status = s.tally.failing ? 1 : 0;
  return s;
}

}  // namespace

int run_lint(const Options& options) {
  const auto started = std::chrono::steady_clock::now();
  Options o = options;
  if (!o.since.empty() && o.paths.empty())  // the policies changed since REV
    if (const auto stop = paths_since(o)) return *stop;
  if (!output_targets_ok(o)) return 2;
  const CollectedPaths inputs = collect_paths(o.paths);
  RunPlan plan = plan_lint(o, inputs);
  if (!plan.ok() && plan.jobs.empty()) {  // nothing can be linted: a pack or config is broken
    print(inputs.diagnostics);
    print(plan.diagnostics);
    return 2;
  }
  const RunOptions run = run_options(o);
  Report report = start_report(o, inputs, plan);
  // The inputs the configuration excluded when it excluded every one, else 0.
  const std::size_t all_excluded = !inputs.files.empty() && plan.jobs.empty() && plan.excluded > 0 ? plan.excluded : 0;
  if (is_streaming(o)) return lint_streaming(o, run, plan, report, all_excluded);
  lint_buffered(o, run, plan, report);
  LintSummary counts;
  if (!apply_baseline_options(o, report, counts.baselined)) return 2;
  if (!o.since.empty() && !apply_since(o, plan, run, report, counts.already)) return 2;
  report.successful = !has_errors(report.diagnostics);
  print_shown(o, report.diagnostics);
  if (all_excluded && !o.quiet) print_all_excluded(all_excluded);
  if (!emit_report(o, report)) return 2;
  return summarise(o, report, counts, started).exit_status;
}

}  // namespace clauselint::cli
