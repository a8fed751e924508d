#include "cli/commands.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <thread>
#include <iostream>
#include <sstream>

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <fmt/ranges.h>

#include "clauselint/baseline.h"
#include "clauselint/builtin_packs.h"
#include "clauselint/load_packs.h"
#include "clauselint/engine.h"
#include "clauselint/evaluation.h"
#include "clauselint/input.h"
#include "clauselint/output_target.h"
#include "clauselint/parse.h"
#include "clauselint/precision.h"
#include "clauselint/progress.h"
#include "clauselint/planner.h"
#include "clauselint/runner.h"
#include "clauselint/report.h"
#include "clauselint/rule_docs.h"

#include <unistd.h>

namespace clauselint::cli {
namespace {

void print(const std::vector<Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics) std::cerr << format_diagnostic(d) << '\n';
}

// Loads the selected packs; false (after printing why) when any failed.
bool load(const std::vector<std::string>& selection, RuleSet& rules, bool activate_libraries = false) {
  const auto diagnostics = load_packs(rules, selection, activate_libraries);
  print(diagnostics);
  return !has_errors(diagnostics);
}

std::vector<std::string> every_pack() {
  const auto names = selectable_builtin_packs();
  return {names.begin(), names.end()};
}

bool fails(Severity s, FailOn fail_on) {
  switch (fail_on) {
    case FailOn::never: return false;
    case FailOn::note: return true;
    case FailOn::warning: return s >= Severity::warning;
    case FailOn::error: return s == Severity::error;
  }
  return true;
}

// The enclosing git repository's top folder, else the current folder.
std::string repository_root() {
  std::error_code ec;
  for (auto dir = std::filesystem::current_path(ec); !ec && !dir.empty(); dir = dir.parent_path()) {
    if (std::filesystem::exists(dir / ".git", ec)) return dir.string();
    if (dir == dir.parent_path()) break;
  }
  return std::filesystem::current_path(ec).string();
}

std::string plural(std::size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

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
  fmt::print(std::cerr, "{} rules, {} of {} files linted, {} findings, {} ms\n", rules.size(),
             report.linted, report.files.size(), report.findings.size(), ms);
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

void print_summary(const Tally& t, std::size_t baselined, const Report& report) {
  std::vector<std::string> parts;
  if (t.counts[2]) parts.push_back(plural(t.counts[2], "error"));
  if (t.counts[1]) parts.push_back(plural(t.counts[1], "warning"));
  if (t.counts[0]) parts.push_back(plural(t.counts[0], "note"));
  if (t.suppressed) parts.push_back(fmt::format("{} suppressed", t.suppressed));
  if (baselined) parts.push_back(fmt::format("{} in the baseline", baselined));
  const std::string summary = parts.empty() ? "no findings" : fmt::format("{}", fmt::join(parts, ", "));
  fmt::print(std::cerr, "clauselint: {} in {}{}\n", summary, plural(report.linted, "file"),
             report.successful ? "" : " (with errors, shown above)");
}

// The end of a corpus-mode run (run_lint): the report file, the summary, the exit status.
void print_all_excluded(std::size_t excluded) {
  fmt::print(std::cerr, "clauselint: every input is excluded by the configuration ({})\n", plural(excluded, "file"));
}

// `excluded`: the inputs the configuration excluded when it excluded every one, else 0.
int finish_stream(const Options& o, const Report& report, const Tally& tally, const std::string& to_file, std::size_t excluded) {
  if (excluded && !o.quiet) print_all_excluded(excluded);
  if (const std::string error = o.output.empty() ? flush_stdout() : write_file_atomically(o.output, to_file); !error.empty()) {
    fmt::print(std::cerr, "clauselint: error: {}\n", error);
    return 2;
  }
  if (!o.quiet) print_summary(tally, 0, report);
  if (!report.successful) return 2;
  return tally.failing ? 1 : 0;
}

}  // namespace

int run_lint(const Options& o) {
  const auto started = std::chrono::steady_clock::now();
  for (const auto& [file, option] : {std::pair{o.output, "-o"}, std::pair{o.write_baseline, "--write-baseline"}})
    if (const std::string error = check_output_target(file, o.paths, option); !error.empty()) {
      fmt::print(std::cerr, "clauselint: error: {}\n", error);
      return 2;
    }
  const CollectedPaths inputs = collect_paths(o.paths);
  RunPlan plan = plan_run(inputs.files, o.rules, o.config, o.stdin_filename);
  if (const auto floor = parse_precision(o.min_precision))  // --min-precision: the others are off
    for (FileJob& job : plan.jobs)
      for (const Rule& r : job.rules->rules())
        if (r.precision < *floor) job.severities[r.id] = std::nullopt;
  if (!plan.ok() && plan.jobs.empty()) {  // nothing can be linted: a pack or config is broken
    print(inputs.diagnostics);
    print(plan.diagnostics);
    return 2;
  }

  RunOptions run;
  run.jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  run.input_format = parse_input_format(o.input_format);
  run.stdin_name = o.stdin_filename.empty() ? "<stdin>" : o.stdin_filename;
  run.explain = o.explain;

  Report report;
  for (const auto& set : plan.rule_sets) report.rule_sets.push_back(set.get());
  report.diagnostics = inputs.diagnostics;
  report.diagnostics.insert(report.diagnostics.end(), plan.diagnostics.begin(), plan.diagnostics.end());
  report.root = o.root.empty() ? repository_root() : std::filesystem::absolute(o.root).lexically_normal().string();
  report.category = o.sarif_category;
  report.include_suppressed = o.include_suppressed;

  // Corpus mode: JSON Lines stream out file by file, and nothing of a file is
  // kept once it is written, so memory stays flat in the number of files.
  // (Files go in name order: the order sort_findings gives a whole report.)
  const bool streaming = parse_format(o.format) == Format::jsonl && o.baseline.empty() && o.write_baseline.empty() && !o.stats;
  if (streaming)
    std::stable_sort(plan.jobs.begin(), plan.jobs.end(), [&](const FileJob& a, const FileJob& b) {
      return (a.path == "-" ? run.stdin_name : a.path) < (b.path == "-" ? run.stdin_name : b.path);
    });
  if (streaming) {  // as the buffered report prints them: inputs and configuration first, then each file's
    for (const auto& d : report.diagnostics)
      if (!o.quiet || d.severity != Severity::note) std::cerr << format_diagnostic(d) << '\n';
    report.successful = !has_errors(report.diagnostics);
  }
  std::ostringstream streamed_to_file;  // -o: written atomically at the end
  std::ostream& stream = o.output.empty() ? std::cout : streamed_to_file;
  Tally streamed;
  Progress progress(plan.jobs.size(), o.progress == "always" || (o.progress == "auto" && Progress::wanted()));
  lint_files(plan.jobs, run, [&](FileResult&& r) {
    progress.advance(r.source ? r.source->text().size() : 0);
    if (r.source) ++report.linted;
    if (!streaming) {
      report.files.push_back(r.shown);
      if (r.source) report.sources[r.shown] = r.source;
      report.findings.insert(report.findings.end(), r.findings.begin(), r.findings.end());
      report.diagnostics.insert(report.diagnostics.end(), r.diagnostics.begin(), r.diagnostics.end());
      return;
    }
    progress.clear();
    for (const auto& d : r.diagnostics)
      if (!o.quiet || d.severity != Severity::note) std::cerr << format_diagnostic(d) << '\n';
    report.successful = report.successful && !has_errors(r.diagnostics);
    write_jsonl(stream, r.findings);
    for (const Finding& f : r.findings) streamed.add(f, o.fail_on);
    ++streamed.files;
  });
  progress.clear();
  const bool all_excluded = !inputs.files.empty() && plan.jobs.empty() && plan.excluded > 0;
  if (streaming) return finish_stream(o, report, streamed, streamed_to_file.str(), all_excluded ? plan.excluded : 0);
  sort_findings(report.findings);
  std::size_t baselined = 0;
  // Written from every finding before --baseline filters them, so that
  // --baseline B --write-baseline B updates B.
  if (!o.write_baseline.empty()) {
    if (const std::string error = write_file_atomically(o.write_baseline, baseline_json(report.findings, report.root));
        !error.empty()) {
      fmt::print(std::cerr, "clauselint: error: {}\n", error);
      return 2;
    }
  }
  if (!o.baseline.empty()) {
    std::vector<Diagnostic> problems;
    const auto baseline = read_baseline(o.baseline, problems);
    print(problems);
    if (!baseline) return 2;
    baselined = apply_baseline(*baseline, report.findings, report.root);
  }
  report.successful = !has_errors(report.diagnostics);
  for (const auto& d : report.diagnostics)
    if (!o.quiet || d.severity != Severity::note) std::cerr << format_diagnostic(d) << '\n';
  if (all_excluded && !o.quiet) print_all_excluded(plan.excluded);

  const Format format = parse_format(o.format).value_or(Format::text);
  const bool terminal = isatty(fileno(stdout)) != 0 && o.output.empty();
  const char* no_color = std::getenv("NO_COLOR");
  TextStyle style;
  style.color = o.color == "always" || (o.color == "auto" && terminal && !(no_color && *no_color));
  style.excerpts = o.color == "always" || (o.color == "auto" && terminal);
  if (o.output.empty()) {
    write_report(std::cout, report, format, style);
    if (const std::string error = flush_stdout(); !error.empty()) {  // /dev/full, a closed stdout: the report is lost
      fmt::print(std::cerr, "clauselint: error: {}\n", error);
      return 2;
    }
  } else {
    std::ostringstream buffer;
    write_report(buffer, report, format, {});
    if (const std::string error = write_file_atomically(o.output, buffer.str()); !error.empty()) {
      fmt::print(std::cerr, "clauselint: error: {}\n", error);
      return 2;
    }
  }

  Tally tally;
  for (const auto& f : report.findings) tally.add(f, o.fail_on);
  if (o.stats) print_stats(report, std::chrono::steady_clock::now() - started);
  if (!o.quiet) print_summary(tally, baselined, report);
  if (!o.write_baseline.empty() && !o.quiet)
    fmt::print(std::cerr, "clauselint: wrote {} to the baseline {}\n",
               plural(report.findings.size() - tally.suppressed + baselined, "finding"), o.write_baseline);
  if (!report.successful) return 2;
  if (!o.write_baseline.empty()) return 0;  // the findings are now the baseline
  return tally.failing ? 1 : 0;
}

int run_print_config(const Options& o) {
  // Plan a run of the file, so that unknown rule ids and broken packs show too.
  std::vector<Diagnostic> diagnostics = plan_run({o.print_config}, o.rules, o.config, o.print_config).diagnostics;
  std::vector<Diagnostic> ignored;  // the same config errors again
  const EffectiveConfig config = config_for(o.print_config, o.rules, o.config, ignored);
  print(diagnostics);
  if (has_errors(diagnostics)) return 2;
  fmt::print("# effective configuration for {}\n{}", o.print_config, describe(config));
  return 0;
}

int run_rules(const Options& o) {
  if (o.list_vocabulary) {  // the shared fragments, as they compile
    for (const auto& [name, regex] : shared_vocabulary())
      fmt::print("{:<16} {}\n", name, regex.size() > 100 ? regex.substr(0, 97) + "..." : regex);
    return 0;
  }
  RuleSet rules;
  std::vector<std::string> selection = select_packs(o.rules, {});
  if (!o.list_pack.empty()) selection = {o.list_pack};
  if (o.list_all || selection.empty()) selection = every_pack();
  if (!load(selection, rules)) return 2;
  if (!o.markdown_dir.empty()) {
    const std::string error = write_rule_pages(rules, o.markdown_dir);
    if (!error.empty()) fmt::print(std::cerr, "clauselint: error: {}\n", error);
    return error.empty() ? 0 : 2;
  }
  std::size_t id_width = 2, pack_width = 4;
  for (const auto& r : rules.rules()) {
    id_width = std::max(id_width, r.id.size());
    pack_width = std::max(pack_width, r.pack.size());
  }
  const Precision floor = parse_precision(o.min_precision).value_or(Precision::low);
  fmt::print("{:<{}}  {:<8}  {:<9}  {:<{}}  {}\n", "ID", id_width, "SEVERITY", "PRECISION", "PACK", pack_width, "TITLE");
  for (const auto& r : rules.rules())
    if (r.precision >= floor)
      fmt::print("{:<{}}  {:<8}  {:<9}  {:<{}}  {}\n", r.id, id_width, to_string(r.severity), to_string(r.precision), r.pack,
                 pack_width, r.title);
  return 0;
}

int run_explain(const Options& o) {
  RuleSet rules;
  if (!load(o.rules.empty() ? every_pack() : select_packs(o.rules, {}), rules)) return 2;
  const Rule* r = rules.find_rule(o.rule_id);
  if (!r) {
    fmt::print(std::cerr, "clauselint: error: unknown rule '{}'{}: 'clauselint rules' lists the rules\n", o.rule_id,
               rules.suggest_rule(o.rule_id));
    return 2;
  }
  fmt::print("{} [{}]\n\nSeverity: {}\nPrecision: {}\nPack: {}\nCitation: {}\n\n{}\n", r->title, r->id,
             to_string(r->severity), to_string(r->precision), r->pack, fmt::join(r->citations, "; "), r->help);
  if (o.explain_file.empty()) return 0;
  // explain RULE FILE: what this rule reports on FILE, and why.
  LoadedSource loaded = read_source(o.explain_file, o.explain_file);
  print(loaded.diagnostics);
  if (!loaded.source) return 2;
  std::vector<Diagnostic> ignored;
  const Document doc = parse_document(loaded.source, parse_input_format(o.input_format).value_or(input_format_for(o.explain_file)), ignored);
  LintOptions lint;
  lint.explain = true;
  const LintResult result = lint_document(doc, rules, r, lint);
  fmt::print("\nOn {}:\n", o.explain_file);
  if (result.findings.empty()) fmt::print("  no finding: the clause is there\n");
  for (const Finding& f : result.findings) {
    fmt::print("  {}:{}:{}: {}: {}\n", f.file, f.range.start.line, f.range.start.column, to_string(f.severity), f.message);
    for (const auto& line : f.explanation) fmt::print("    closest: {}\n", line);
  }
  return 0;
}

int run_test(const Options& o) {
  // Arguments are packs (built-in names, .yaml files) or annotated policies
  // (files or folders). Default packs: every built-in pack, the library included.
  std::vector<std::string> packs, documents;
  for (const auto& item : o.test_packs) {
    std::error_code no_throw;
    const bool document = !find_builtin_pack(item) && (std::filesystem::is_directory(item, no_throw) || is_policy_extension(item));
    (document ? documents : packs).push_back(item);
  }
  if (packs.empty()) packs = select_packs(o.rules, {});
  if (packs.empty())
    for (const auto& p : builtin_packs()) packs.emplace_back(p.name);
  RuleSet rules;
  if (!load(packs, rules, true)) return 2;

  std::size_t failed = 0, passed = 0;
  bool input_errors = false;
  if (documents.empty()) {
    const auto outcomes = run_examples(rules);
    for (const Rule& rule : rules.rules()) {
      std::size_t tp = 0, tn = 0, fp = 0, fn = 0;
      std::vector<const ExampleOutcome*> misses;
      for (const auto& e : outcomes) {
        if (e.rule != &rule) continue;
        if (e.expected_finding) (e.got_finding ? tp : fn)++;
        else (e.got_finding ? fp : tn)++;
        if (!e.ok()) misses.push_back(&e);
      }
      fmt::print("{} {:<32} TP {}  TN {}  FP {}  FN {}\n", misses.empty() ? "ok  " : "FAIL", rule.id, tp, tn, fp, fn);
      for (const auto* m : misses)
        fmt::print("     {}: {}\n", m->expected_finding ? "missed (fail example got no finding)" : "false positive (pass example got a finding)",
                   m->snippet.substr(0, m->snippet.find('\n')));
      (misses.empty() ? passed : failed)++;
    }
  } else {
    const CollectedPaths inputs = collect_paths(documents);
    print(inputs.diagnostics);
    input_errors = has_errors(inputs.diagnostics);  // a path that cannot be read: exit 2, not a silent pass
    for (const auto& path : inputs.files) {
      LoadedSource loaded = read_source(path, path);
      print(loaded.diagnostics);
      if (!loaded.source) {
        ++failed;
        continue;
      }
      std::vector<Diagnostic> ignored;
      const Document doc = parse_document(loaded.source, input_format_for(path), ignored);
      int checked = 0;
      const auto failures = check_annotations(doc, lint_document(doc, rules).findings, rules, checked);
      fmt::print("{} {} ({} rules annotated)\n", failures.empty() ? "ok  " : "FAIL", path, checked);
      for (const auto& f : failures) fmt::print("     {}\n", f);
      (failures.empty() ? passed : failed)++;
    }
  }
  fmt::print("{} passed, {} failed\n", passed, failed);
  return input_errors ? 2 : failed ? 1 : 0;
}

// rules/measured/precision.yaml: each scored rule's measured precision and
// level, with the command that measured it. "" or an error message.
std::string write_precision_levels(const std::string& path, const Evaluation& e, const Options& o) {
  std::string out = "# Measured precision of each rule's findings on labelled policies (see docs/rule-packs.md).\n"
                    "# Generated by scripts/measure-precision.sh; do not edit by hand. Measured with:\n"
                    "#   clauselint accuracy" + std::string(o.partial_labels ? " --partial" : "");
  for (const auto& c : o.corrections) out += " --corrections " + std::filesystem::path(c).filename().string();
  for (const auto& d : o.test_packs) out += " " + d;
  out += "\nrules:\n";
  for (const auto& [id, s] : e.rules) {
    const int findings = s.tp + s.fp;
    out += findings == 0 ? fmt::format("  {}: {{level: low, findings: 0}}\n", id)
                         : fmt::format("  {}: {{level: {}, precision: {:.3f}, findings: {}}}\n", id,
                                       to_string(precision_level(s.precision(), findings)), s.precision(), findings);
  }
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return fmt::format("cannot write {}: {}", path, std::strerror(errno));
  const bool ok = std::fwrite(out.data(), 1, out.size(), f) == out.size();
  return std::fclose(f) == 0 && ok ? "" : fmt::format("cannot write {}: {}", path, std::strerror(errno));
}

int run_accuracy(const Options& o) {
  RuleSet rules;
  if (!load(o.rules.empty() ? every_pack() : select_packs(o.rules, {}), rules)) return 2;
  EvaluateOptions options;
  options.partial = o.partial_labels;
  std::vector<Diagnostic> problems;
  for (const auto& file : o.corrections) {
    auto more = read_corrections(file, problems);
    options.corrections.insert(options.corrections.end(), more.begin(), more.end());
  }
  print(problems);
  if (has_errors(problems)) return 2;
  const Evaluation e = evaluate(o.test_packs, rules, options);
  print(e.diagnostics);
  const double rule_precision = o.min_rule_precision >= 0 ? o.min_rule_precision : o.min_score;
  fmt::print("{:<32} {:>4} {:>4} {:>4} {:>4}  {:>9}  {:>6}\n", "RULE", "TP", "FP", "FN", "TN", "PRECISION", "RECALL");
  int below = 0;
  for (const Rule& r : rules.rules()) {
    const auto it = e.rules.find(r.id);
    if (it == e.rules.end()) continue;
    const RuleScore& s = it->second;
    const bool bad = s.precision() < rule_precision || s.recall() < o.min_score;
    below += bad;
    fmt::print("{:<32} {:>4} {:>4} {:>4} {:>4}  {:>9.3f}  {:>6.3f}{}\n", r.id, s.tp, s.fp, s.fn, s.tn, s.precision(),
               s.recall(), bad ? "  BELOW" : "");
    if (bad)
      for (const auto& m : s.misses) fmt::print("     {}\n", m);
  }
  const RuleScore micro = e.micro();
  const bool micro_bad = micro.precision() < o.min_micro || micro.recall() < o.min_micro;
  fmt::print("{:<32} {:>4} {:>4} {:>4} {:>4}  {:>9.3f}  {:>6.3f}{}\n", "(micro-average)", micro.tp, micro.fp, micro.fn,
             micro.tn, micro.precision(), micro.recall(), micro_bad ? "  BELOW" : "");
  fmt::print("{} documents, {} rules scored, {} below {:.2f}{}\n", e.documents, e.rules.size(), below, o.min_score,
             e.corrections_applied ? fmt::format(", {} labels corrected", e.corrections_applied) : "");
  if (!o.write_precision.empty()) {
    if (const std::string error = write_precision_levels(o.write_precision, e, o); !error.empty()) {
      fmt::print(std::cerr, "clauselint: {}\n", error);
      return 2;
    }
  }
  if (has_errors(e.diagnostics)) return 2;
  return below || micro_bad ? 1 : 0;
}

}  // namespace clauselint::cli
