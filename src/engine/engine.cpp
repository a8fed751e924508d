#include "clauselint/engine.h"
#include "clauselint/suppressions.h"
#include "engine/evaluator.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>

#include <fmt/format.h>

namespace clauselint {
namespace {

std::size_t utf8_length(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// The source range of a heading line: from its first non-blank character
// (the "#" of an ATX heading) to the end of its text.
SourceRange heading_range(const Document& doc, const Block& block) {
  SourceRange range = doc.source_range(block.range);
  const std::string_view line = doc.source->line_text(range.start.line);
  const auto lead = line.find_first_not_of(" \t");
  range.start.column = lead == std::string_view::npos ? 1 : static_cast<int>(lead) + 1;
  if (range.end.line != range.start.line || range.end.column < range.start.column) {
    // A paragraph standing in for a title: point at its first line.
    range.end = {range.start.line, static_cast<int>(utf8_length(line)) + 1};
  }
  return range;
}

// Where a missing clause belongs: the first heading matching the rule's
// belongs-under patterns, else the title.
int anchor_block(const Document& doc, const Rule& rule, Evaluator& ev) {
  for (const int matcher : rule.belongs_under)
    for (std::size_t b = 0; b < doc.blocks.size(); ++b)
      if (doc.blocks[b].kind == BlockKind::heading && !ev.qualifying(matcher, doc.blocks[b].range, {}).empty())
        return static_cast<int>(b);
  return doc.title_block();
}

// The names of a list rule's elements that hold nowhere in the document.
std::vector<std::string> missing_elements(const Rule& rule, Evaluator& ev, TextRange whole) {
  std::vector<std::string> out;
  for (const auto& [name, condition] : rule.elements)
    if (!ev.holds(condition, whole, {})) out.push_back(name);
  return out;
}

// "{missing}" -> "restriction", "restriction and portability", "a, b and c".
void replace_missing(std::string& message, const std::vector<std::string>& names) {
  std::string list;
  for (std::size_t i = 0; i < names.size(); ++i)
    list += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
  if (list.empty()) list = "some elements";
  for (std::size_t at = message.find("{missing}"); at != std::string::npos;
       at = message.find("{missing}", at + list.size()))
    message.replace(at, 9, list);
}

Finding make_finding(const Document& doc, const Rule& rule, Finding::Kind kind) {
  Finding f;
  f.file = doc.source->path();
  f.rule_id = rule.id;
  f.pack = rule.pack;
  f.severity = rule.severity;
  f.message = rule.message;
  f.kind = kind;
  return f;
}

// CLAUSELINT_TRACE: what satisfied a require rule.
void trace_satisfied(const Document& doc, const RuleSet& rules, const Rule& rule, const Evaluator& ev) {
  fmt::print(stderr, "{}: [{}] satisfied by '{}': {}\n", doc.source->path(), rule.id,
             ev.witness_matcher >= 0 ? rules.matchers()[static_cast<std::size_t>(ev.witness_matcher)].label() : "",
             doc.sentence_at(ev.witness.begin) >= 0
                 ? doc.slice(doc.sentences[static_cast<std::size_t>(doc.sentence_at(ev.witness.begin))].range)
                 : doc.slice({ev.witness.begin, ev.witness.end}));
}

// A require rule whose check does not hold: one finding, at the weak
// wording that addresses it, else under the heading where it belongs.
Finding missing_finding(const Document& doc, const Rule& rule, Evaluator& ev, const LintOptions& options) {
  const TextRange whole = ev.whole();
  Finding f = make_finding(doc, rule, Finding::Kind::missing);
  if (rule.topic && !ev.holds(*rule.topic, whole, {})) f.message = rule.topic_message;
  if (!rule.elements.empty()) replace_missing(f.message, missing_elements(rule, ev, whole));
  if (rule.locate && ev.holds(*rule.locate, whole, {})) {
    // Weak wording: point at the sentence that says it.
    const int s = doc.sentence_at(ev.witness.begin);
    const TextRange at =
        s >= 0 ? doc.sentences[static_cast<std::size_t>(s)].range : TextRange{ev.witness.begin, ev.witness.end};
    f.kind = Finding::Kind::match;
    f.range = doc.source_range({ev.witness.begin, ev.witness.end});
    f.evidence = std::string(doc.slice(at));
  } else if (const int b = anchor_block(doc, rule, ev); b >= 0) {
    const Block& block = doc.blocks[static_cast<std::size_t>(b)];
    f.range = heading_range(doc, block);
    f.evidence = std::string(doc.slice(block.range));
  } else {
    f.range = {{1, 1}, {1, 1}};
  }
  if (options.explain && f.kind == Finding::Kind::missing) f.explanation = explain_missing(doc, rule, ev);
  return f;
}

// forbid: one finding per match (overlapping matches of several patterns count once).
void forbid_findings(const Document& doc, const Rule& rule, Evaluator& ev, std::vector<Finding>& out) {
  const TextRange whole = ev.whole();
  const auto excluded = ev.exclude(rule.check.unless, {});
  std::vector<Match> hits;
  auto collect = [&](const Condition& term) {
    const auto found = ev.qualifying(term.matcher, whole, excluded);
    hits.insert(hits.end(), found.begin(), found.end());
  };
  if (rule.check.kind == Condition::Kind::term) collect(rule.check);
  for (const auto& child : rule.check.children) collect(child);
  std::sort(hits.begin(), hits.end(),
            [](const Match& a, const Match& b) { return a.begin < b.begin || (a.begin == b.begin && a.end > b.end); });
  std::uint32_t covered = 0;
  for (const Match& m : hits) {
    if (m.begin < covered) continue;
    covered = m.end;
    Finding f = make_finding(doc, rule, Finding::Kind::match);
    f.range = doc.source_range({m.begin, m.end});
    const int s = doc.sentence_at(m.begin);
    f.evidence =
        std::string(s >= 0 ? doc.slice(doc.sentences[static_cast<std::size_t>(s)].range) : doc.slice({m.begin, m.end}));
    out.push_back(std::move(f));
  }
}

}  // namespace

LintResult lint_document(const Document& doc, const RuleSet& rules, const Rule* only, const LintOptions& options) {
  LintResult result;
  Evaluator ev(doc, rules, result.diagnostics);
  if (options.jit_ahead && doc.text.size() >= kJitAheadBytes) ev.jit_ahead();
  const TextRange whole = ev.whole();
  for (const Rule& rule : rules.rules()) {
    if (only && &rule != only) continue;
    ev.failures.start_rule(&rule);
    if (rule.when && !ev.holds(*rule.when, whole, {})) continue;
    if (rule.kind != Rule::Kind::require) {
      forbid_findings(doc, rule, ev, result.findings);
    } else if (ev.holds(rule.check, whole, {})) {
      if (std::getenv("CLAUSELINT_TRACE")) trace_satisfied(doc, rules, rule, ev);
    } else {
      result.findings.push_back(missing_finding(doc, rule, ev, options));
    }
  }
  ev.failures.finish(doc, rules, result);
  if (!only) apply_suppressions(doc, rules, result.findings);
  sort_findings(result.findings);
  assign_fingerprints(result.findings);
  for (Finding& f : result.findings) f.snippet = std::string(doc.source->text_between(f.range.start, f.range.end));
  return result;
}

}  // namespace clauselint
