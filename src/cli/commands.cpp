#include "cli/commands.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <sstream>
#include <thread>

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <fmt/ranges.h>

#include "clauselint/baseline.h"
#include "clauselint/builtin_packs.h"
#include "clauselint/engine.h"
#include "clauselint/evaluation.h"
#include "clauselint/input.h"
#include "clauselint/load_packs.h"
#include "clauselint/output_target.h"
#include "clauselint/parse.h"
#include "clauselint/planner.h"
#include "clauselint/precision.h"
#include "clauselint/progress.h"
#include "clauselint/report.h"
#include "clauselint/rule_docs.h"
#include "clauselint/runner.h"

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

}  // namespace

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
  fmt::print("{:<{}}  {:<8}  {:<9}  {:<{}}  {}\n", "ID", id_width, "SEVERITY", "PRECISION", "PACK", pack_width,
             "TITLE");
  for (const auto& r : rules.rules())
    if (r.precision >= floor)
      fmt::print("{:<{}}  {:<8}  {:<9}  {:<{}}  {}\n", r.id, id_width, to_string(r.severity), to_string(r.precision),
                 r.pack, pack_width, r.title);
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
  const Document doc = parse_document(
      loaded.source, parse_input_format(o.input_format).value_or(input_format_for(o.explain_file)), ignored);
  LintOptions lint;
  lint.explain = true;
  const LintResult result = lint_document(doc, rules, r, lint);
  fmt::print("\nOn {}:\n", o.explain_file);
  if (result.findings.empty()) fmt::print("  no finding: the clause is there\n");
  for (const Finding& f : result.findings) {
    fmt::print("  {}:{}:{}: {}: {}\n", f.file, f.range.start.line, f.range.start.column, to_string(f.severity),
               f.message);
    for (const auto& line : f.explanation) fmt::print("    closest: {}\n", line);
  }
  return 0;
}

// `clauselint test` on packs: each rule's examples, one line per rule.
static void print_example_outcomes(const RuleSet& rules, std::size_t& passed, std::size_t& failed) {
  const auto outcomes = run_examples(rules);
  for (const Rule& rule : rules.rules()) {
    std::size_t tp = 0, tn = 0, fp = 0, fn = 0;
    std::vector<const ExampleOutcome*> misses;
    for (const auto& e : outcomes) {
      if (e.rule != &rule) continue;
      if (e.expected_finding)
        (e.got_finding ? tp : fn)++;
      else
        (e.got_finding ? fp : tn)++;
      if (!e.ok()) misses.push_back(&e);
    }
    fmt::print("{} {:<32} TP {}  TN {}  FP {}  FN {}\n", misses.empty() ? "ok  " : "FAIL", rule.id, tp, tn, fp, fn);
    for (const auto* m : misses)
      fmt::print(
          "     {}: {}\n",
          m->expected_finding ? "missed (fail example got no finding)" : "false positive (pass example got a finding)",
          m->snippet.substr(0, m->snippet.find('\n')));
    (misses.empty() ? passed : failed)++;
  }
}

int run_test(const Options& o) {
  // Arguments are packs (built-in names, .yaml files) or annotated policies
  // (files or folders). Default packs: every built-in pack, the library included.
  std::vector<std::string> packs, documents;
  for (const auto& item : o.test_packs) {
    std::error_code no_throw;
    const bool document =
        !find_builtin_pack(item) && (std::filesystem::is_directory(item, no_throw) || is_policy_extension(item));
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
    print_example_outcomes(rules, passed, failed);
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
  std::string out =
      "# Measured precision of each rule's findings on labelled policies (see docs/rule-packs.md).\n"
      "# Generated by scripts/measure-precision.sh; do not edit by hand. Measured with:\n"
      "#   clauselint accuracy" +
      std::string(o.partial_labels ? " --partial" : "");
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
