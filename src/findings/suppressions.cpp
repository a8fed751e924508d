#include "clauselint/suppressions.h"

#include <algorithm>
#include <climits>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "clauselint/safe_text.h"
#include "clauselint/suppression_syntax.h"

namespace clauselint {
namespace {

struct Suppression {
  std::string kind;  // disable | enable | disable-next-line | disable-file
  std::vector<std::string> rules;
  std::string reason;
  SourceRange at;      // the comment
  int first_line = 0;  // lines it covers: [first_line, last_line]
  int last_line = INT_MAX;
  std::set<std::string> used;  // rules it silenced at least once
};

Finding misuse(const Document& doc, const SourceRange& at, std::string message) {
  const Rule& rule = invalid_suppression_rule();
  Finding f;
  f.file = doc.source->path();
  f.rule_id = rule.id;
  f.pack = rule.pack;
  f.severity = rule.severity;
  f.message = std::move(message);
  f.range = at;
  f.kind = Finding::Kind::match;
  return f;
}

}  // namespace

const Rule& invalid_suppression_rule() {
  static const Rule rule = [] {
    Rule r;
    r.id = "invalid-suppression";
    r.pack = "clauselint";
    r.title = "Suppression comments are well formed and needed";
    r.severity = Severity::warning;
    r.message =
        "a clauselint suppression comment is malformed, gives no reason, names an unknown rule or suppresses nothing";
    r.citations = {"clauselint documentation: docs/suppressions.md"};
    r.help =
        "A suppression must name known rules and give a reason after ` -- `, e.g.\n"
        "`<!-- clauselint-disable-file children-under-13 -- the service is not for children -->`,\n"
        "and must silence at least one finding. Remove suppressions that no longer apply.\n";
    r.tags = {"clauselint"};
    return r;
  }();
  return rule;
}

namespace {

// One clauselint-* comment as a suppression; nullopt (after adding the
// problem) when it is malformed, of an unknown kind, or names no rule.
std::optional<Suppression> parse_suppression(const Document& doc, const RuleSet& rules, const Comment& c,
                                             const SourceRange& at, std::vector<Finding>& problems) {
  const std::optional<Directive> m = parse_directive(c.text);
  if (!m) {
    problems.push_back(misuse(doc, at, fmt::format("malformed clauselint comment '{}'", shorten(c.text))));
    return std::nullopt;
  }
  Suppression s;
  s.kind = shorten(m->kind);
  s.rules = split_rule_ids(m->rules);
  {  // each rule once: a comment naming a rule 4,000 times is one suppression of it
    std::set<std::string> seen;
    std::erase_if(s.rules, [&](const std::string& id) { return !seen.insert(id).second; });
  }
  s.reason = m->reason;
  if (!s.rules.empty() && s.rules.front() == "--") {  // "clauselint-disable-file -- reason": no rule named
    std::string rest;
    for (std::size_t i = 1; i < s.rules.size(); ++i) rest += (rest.empty() ? "" : " ") + s.rules[i];
    s.reason = rest.empty() ? s.reason : rest;
    s.rules.clear();
  }
  while (!s.reason.empty() && std::isspace(static_cast<unsigned char>(s.reason.back()))) s.reason.pop_back();
  s.at = at;
  if (s.kind != "disable" && s.kind != "enable" && s.kind != "disable-next-line" && s.kind != "disable-file") {
    problems.push_back(misuse(doc, at,
                              fmt::format("unknown clauselint comment 'clauselint-{}': expected clauselint-disable, "
                                          "-enable, -disable-next-line or -disable-file",
                                          s.kind)));
    return std::nullopt;
  }
  if (s.rules.empty()) {
    problems.push_back(
        misuse(doc, at, fmt::format("clauselint-{} names no rule: list the rule ids it applies to", s.kind)));
    return std::nullopt;
  }
  for (const auto& id : s.rules)
    if (!rules.find_rule(id) && id != invalid_suppression_rule().id)
      problems.push_back(
          misuse(doc, at,
                 fmt::format("clauselint-{} names unknown rule '{}'{}: 'clauselint rules' lists the rules", s.kind,
                             shorten(id), rules.suggest_rule(id))));
  return s;
}

// The suppressions of the document's comments, each with the lines it
// covers; a clauselint-enable closes the open disables of its rules.
std::vector<Suppression> read_suppressions(const Document& doc, const RuleSet& rules, std::vector<Finding>& problems) {
  std::vector<Suppression> list;
  std::map<std::string, std::size_t> open;  // rule -> index of its open clauselint-disable
  for (const Comment& c : doc.comments) {
    if (!c.text.starts_with("clauselint-")) continue;
    const SourceRange at{doc.source->locate(c.begin), doc.source->locate(c.end)};
    std::optional<Suppression> parsed = parse_suppression(doc, rules, c, at, problems);
    if (!parsed) continue;
    Suppression& s = *parsed;
    if (s.kind == "enable") {
      for (const auto& id : s.rules) {
        const auto it = open.find(id);
        if (it == open.end()) {
          problems.push_back(
              misuse(doc, at, fmt::format("clauselint-enable of '{}' has no clauselint-disable before it", id)));
          continue;
        }
        list[it->second].last_line = std::min(list[it->second].last_line, at.start.line);
        open.erase(it);
      }
      continue;
    }
    if (s.reason.empty())
      problems.push_back(misuse(doc, at,
                                fmt::format("clauselint-{} of '{}' gives no reason: add ' -- <why it does not apply>'",
                                            s.kind, fmt::join(s.rules, ","))));
    if (s.kind == "disable-file") {
      s.first_line = 1;
    } else if (s.kind == "disable-next-line") {
      s.first_line = s.last_line = doc.source->next_non_blank_line(at.end.line);
    } else {
      s.first_line = at.start.line;
      for (const auto& id : s.rules) open[id] = list.size();
    }
    list.push_back(std::move(s));
  }
  return list;
}

// A directive on a line with other text: Markdown reads "<!-- ... -- ... -->"
// as text, not a comment (a comment may not contain "--"), so it is prose.
void report_inline_directives(const Document& doc, std::vector<Finding>& problems) {
  for (std::size_t at = doc.text.find("<!-- clauselint-"); at != std::string::npos;
       at = doc.text.find("<!-- clauselint-", at + 1)) {
    const auto at32 = static_cast<std::uint32_t>(at);
    const std::uint32_t src = doc.origin[at];
    const std::string_view before =
        doc.source->text_between({doc.source->locate(src).line, 1}, doc.source->locate(src));
    if (std::count(before.begin(), before.end(), '`') % 2 == 1) continue;  // quoted in a code span
    problems.push_back(misuse(doc, doc.source_range({at32, at32 + 4}),
                              "this clauselint comment shares its line with text, so it is read as text, not a "
                              "comment: put it on a line of its own"));
  }
}

}  // namespace

void apply_suppressions(const Document& doc, const RuleSet& rules, std::vector<Finding>& findings) {
  std::vector<Finding> problems;
  std::vector<Suppression> list = read_suppressions(doc, rules, problems);
  for (Finding& f : findings) {
    for (Suppression& s : list) {
      const bool names_rule = std::find(s.rules.begin(), s.rules.end(), f.rule_id) != s.rules.end();
      if (!names_rule || f.range.start.line < s.first_line || f.range.start.line > s.last_line) continue;
      f.suppressed = true;
      f.justification = s.reason;
      s.used.insert(f.rule_id);
    }
  }
  for (const Suppression& s : list)
    for (const auto& id : s.rules)
      if (rules.find_rule(id) && !s.used.count(id))
        problems.push_back(
            misuse(doc, s.at, fmt::format("clauselint-{} of '{}' suppresses nothing: remove it", s.kind, id)));
  report_inline_directives(doc, problems);
  findings.insert(findings.end(), problems.begin(), problems.end());
}

}  // namespace clauselint
