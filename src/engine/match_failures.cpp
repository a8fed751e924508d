#include "engine/match_failures.h"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "clauselint/builtin_packs.h"
#include "clauselint/safe_text.h"

namespace clauselint {
namespace {

bool is_builtin(const RuleSet& rules, const Rule& rule) {
  const BuiltinPack* builtin = find_builtin_pack(rule.pack);
  const Pack* pack = rules.find_pack(rule.pack);
  return builtin && (!pack || pack->file == builtin->file);
}

}  // namespace

void MatchFailures::record(int matcher, const std::string& pattern, Pattern::Problem problem) {
  failed_[matcher] = {pattern, std::move(problem)};
}

void MatchFailures::touch(int matcher) {
  if (!rule_ || !failed_.count(matcher) || skipped_.count(rule_)) return;
  skipped_[rule_] = matcher;
  order_.push_back(rule_);
}

void MatchFailures::finish(const Document& doc, const RuleSet& rules, LintResult& result) const {
  if (order_.empty()) return;
  std::set<std::string> ids;
  for (const Rule* r : order_) ids.insert(r->id);
  std::erase_if(result.findings, [&](const Finding& f) { return ids.count(f.rule_id) > 0; });

  // The file's matching time used up: one diagnostic for every rule it stopped.
  std::vector<std::string> out_of_time;
  for (const Rule* rule : order_) {
    const Failure& failure = failed_.at(skipped_.at(rule));
    if (failure.problem.kind == Pattern::Problem::Kind::budget) {
      out_of_time.push_back(rule->id);
      continue;
    }
    const Position at = doc.position_of(failure.problem.offset);
    std::string message;
    if (is_builtin(rules, *rule)) {
      message = fmt::format(
          "rule '{}' could not finish on this file and was skipped for it: its built-in pattern "
          "stopped near here ({}; a very long word or token?)",
          rule->id, failure.problem.what);
    } else {
      message = fmt::format(
          "rule '{}' was skipped for this file: pattern '{}' stopped near here ({}); simplify the "
          "pattern (docs/limits.md)",
          rule->id, shorten(failure.pattern), failure.problem.what);
    }
    result.diagnostics.push_back(
        {doc.source->path(), at, is_builtin(rules, *rule) ? Severity::warning : Severity::error, std::move(message)});
  }
  if (!out_of_time.empty()) {
    const std::size_t shown = std::min<std::size_t>(out_of_time.size(), 5);
    result.diagnostics.push_back(
        {doc.source->path(),
         {},
         Severity::error,
         fmt::format(
             "matching took longer than {} ms on this file: {} rule{} skipped for it ({}{}); split the file, or "
             "raise CLAUSELINT_MATCH_BUDGET_MS (docs/limits.md)",
             MatchBudget::milliseconds() ? MatchBudget::milliseconds() : MatchBudget::from_environment(),
             out_of_time.size(), out_of_time.size() == 1 ? " was" : "s were",
             fmt::join(out_of_time.begin(), out_of_time.begin() + static_cast<std::ptrdiff_t>(shown), ", "),
             out_of_time.size() > shown ? ", ..." : "")});
  }
}

}  // namespace clauselint
