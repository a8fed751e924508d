// Hover: the rule's `explain` text for the findings under the cursor, and
// for a missing clause the sample clause to add.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "clauselint/precision.h"
#include "lsp/features.h"

namespace clauselint::lsp {
namespace {

bool contains(LspRange r, LspPosition p) {
  if (r.start == r.end) return p.line == r.start.line;
  return r.start <= p && p <= r.end;
}

std::string strip(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

std::string sample_clause(const Rule& rule) {
  const std::string_view help = rule.help;
  if (const std::size_t at = help.find("Sample clause:"); at != std::string_view::npos) {
    std::string clause;
    std::size_t pos = help.find('\n', at);
    bool started = false;
    while (pos != std::string_view::npos && pos + 1 < help.size()) {
      const std::size_t begin = pos + 1;
      const std::size_t end = std::min(help.find('\n', begin), help.size());
      const std::string line = strip(help.substr(begin, end - begin));
      pos = end < help.size() ? end : std::string_view::npos;
      if (line.empty() && !started) continue;
      if (!line.starts_with('>')) break;
      started = true;
      const std::string text = strip(std::string_view(line).substr(1));
      if (text.empty()) break;  // one paragraph of the quote
      clause += (clause.empty() ? "" : " ") + text;
    }
    if (!clause.empty()) return clause;
  }
  return rule.pass_examples.empty() ? "" : strip(rule.pass_examples.front());
}

json hover(const OpenDocument& doc, LspPosition at, const RuleSet* rules, Encoding e) {
  std::vector<std::string> parts;
  std::vector<std::string> shown;
  std::optional<LspRange> range;
  for (const Finding& f : doc.lint.findings) {
    const LspRange r = finding_range(doc, f, e);
    if (!contains(r, at)) continue;
    const Rule* rule = rule_of(rules, f.rule_id);
    if (!rule || std::find(shown.begin(), shown.end(), f.rule_id) != shown.end()) continue;
    shown.push_back(f.rule_id);
    if (!range) range = r;
    // As `clauselint explain RULE` prints it.
    std::string text =
        fmt::format("**{}** `[{}]`\n\n{}\n\nSeverity: {} · Precision: {} · Pack: {}\n\nCitation: {}\n\n{}", rule->title,
                    rule->id, f.message, to_string(f.severity), to_string(rule->precision), rule->pack,
                    fmt::join(rule->citations, "; "), strip(rule->help));
    if (f.kind == Finding::Kind::missing) {
      if (const std::string sample = sample_clause(*rule);
          !sample.empty() && rule->help.find("Sample clause:") == std::string::npos)
        text += fmt::format("\n\nSample clause:\n\n> {}", sample);
    }
    text += fmt::format("\n\n[{} documentation]({})", rule->id, rule_docs_url(rule->id));
    parts.push_back(std::move(text));
  }
  if (parts.empty()) return nullptr;
  json result = {{"contents", {{"kind", "markdown"}, {"value", fmt::format("{}", fmt::join(parts, "\n\n---\n\n"))}}}};
  result["range"] = {{"start", {{"line", range->start.line}, {"character", range->start.character}}},
                     {"end", {{"line", range->end.line}, {"character", range->end.character}}}};
  return result;
}

}  // namespace clauselint::lsp
