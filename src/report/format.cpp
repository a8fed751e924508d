#include <set>

#include "clauselint/report.h"
#include "clauselint/suppressions.h"

namespace clauselint {

const Rule* rule_for(const Report& report, std::string_view id) {
  for (const RuleSet* set : report.rule_sets)
    if (const Rule* r = set->find_rule(id)) return r;
  return id == invalid_suppression_rule().id ? &invalid_suppression_rule() : nullptr;
}

std::vector<const Rule*> all_rules(const Report& report) {
  std::vector<const Rule*> out = {&invalid_suppression_rule()};
  std::set<std::string_view> seen = {invalid_suppression_rule().id};
  for (const RuleSet* set : report.rule_sets)
    for (const Rule& r : set->rules())
      if (seen.insert(r.id).second) out.push_back(&r);
  return out;
}

std::optional<Format> parse_format(std::string_view name) {
  if (name == "text") return Format::text;
  if (name == "json") return Format::json;
  if (name == "jsonl") return Format::jsonl;
  if (name == "sarif") return Format::sarif;
  if (name == "github") return Format::github;
  return std::nullopt;
}

void write_report(std::ostream& out, const Report& report, Format format, TextStyle style) {
  switch (format) {
    case Format::text: write_text(out, report, style); break;
    case Format::json: write_json(out, report); break;
    case Format::jsonl: write_jsonl(out, report); break;
    case Format::sarif: write_sarif(out, report); break;
    case Format::github: write_github(out, report); break;
  }
}

}  // namespace clauselint
