// Code actions for a finding: insert the rule's sample clause under the
// heading where it belongs (missing clauses), or suppress the rule with a
// comment whose reason the writer fills in (docs/suppressions.md).
#include <regex>

#include <fmt/format.h>

#include "lsp/features.h"

namespace clauselint::lsp {
namespace {

constexpr std::string_view kReason = "reason: say why this rule does not apply";

bool blank(std::string_view line) { return line.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// "=====" or "-----" under a Setext heading.
bool underline(std::string_view line) {
  static const std::regex re(R"(^ {0,3}(=+|-+)[ \t]*(\r\n|\r|\n)?$)");  // the line keeps its break
  return std::regex_match(line.begin(), line.end(), re);
}

struct Lines {
  std::string_view text;
  std::vector<std::size_t> starts;
  std::string_view line(std::size_t i) const {  // 0-based, with its break
    if (i >= starts.size()) return {};
    const std::size_t end = i + 1 < starts.size() ? starts[i + 1] : text.size();
    return text.substr(starts[i], end - starts[i]);
  }
};

// The 0-based first and last line of the block the finding starts on.
std::pair<int, int> block_lines(const OpenDocument& doc, const Finding& f) {
  const int line = f.range.start.line;
  if (doc.lint.model)
    for (const Block& b : doc.lint.model->blocks) {
      const SourceRange r = doc.lint.model->source_range(b.range);
      if (r.start.line <= line && line <= r.end.line) return {r.start.line - 1, std::max(r.end.line, r.start.line) - 1};
    }
  return {line - 1, line - 1};
}

json position(LspPosition p) { return {{"line", p.line}, {"character", p.character}}; }
json edit(LspPosition at, const std::string& text) {
  return {{"range", {{"start", position(at)}, {"end", position(at)}}}, {"newText", text}};
}

// Where text goes "after" the block ending on 0-based `last`: the start of
// the next line (past a Setext underline), or the end of the text. `text`
// is framed by blank lines as Markdown needs.
json insert_after(const OpenDocument& doc, int last, const std::string& content, Encoding e) {
  Lines lines{doc.text, line_starts(doc.text)};
  std::size_t next = static_cast<std::size_t>(std::max(last, 0)) + 1;
  if (next < lines.starts.size() && underline(lines.line(next))) ++next;
  const bool at_end = next >= lines.starts.size() || (next + 1 == lines.starts.size() && lines.line(next).empty());
  if (at_end) {
    const LspPosition end = to_lsp(doc.text, lines.starts, doc.text.size(), e);
    const bool newline = !doc.text.empty() && (doc.text.back() == '\n' || doc.text.back() == '\r');
    return edit(end, (newline ? "\n" : "\n\n") + content + "\n");
  }
  const bool followed_by_blank = blank(lines.line(next));
  return edit({static_cast<int>(next), 0}, "\n" + content + (followed_by_blank ? "\n" : "\n\n"));
}

// "<!-- clauselint-enable RULE -->" on the line after 0-based `last` (at the
// end of the text, after a line break, when `last` is the last line).
json enable_after(const OpenDocument& doc, int last, const std::string& rule, Encoding e) {
  const auto starts = line_starts(doc.text);
  const std::string comment = fmt::format("<!-- clauselint-enable {} -->", rule);
  if (static_cast<std::size_t>(last) + 1 < starts.size()) return edit({last + 1, 0}, comment + "\n");
  return edit(to_lsp(doc.text, starts, doc.text.size(), e), "\n" + comment + "\n");
}

json action(const std::string& title, const OpenDocument& doc, json edits, const json& diagnostic, bool preferred) {
  json a = {{"title", title},
            {"kind", "quickfix"},
            {"diagnostics", json::array({diagnostic})},
            {"edit", {{"changes", {{doc.uri, std::move(edits)}}}}}};
  if (preferred) a["isPreferred"] = true;
  return a;
}

bool overlaps(LspRange a, LspRange b) { return !(a.end < b.start) && !(b.end < a.start); }

}  // namespace

json code_actions(const OpenDocument& doc, LspRange range, const RuleSet* rules, Encoding e) {
  json out = json::array();
  if (!doc.lint.source) return out;
  const bool html = doc.format == InputFormat::html;
  for (const Finding& f : doc.lint.findings) {
    const LspRange r = finding_range(doc, f, e);
    if (!overlaps(r, range)) continue;
    const json diagnostic = {{"range", {{"start", position(r.start)}, {"end", position(r.end)}}},
                             {"code", f.rule_id},
                             {"source", "clauselint"},
                             {"message", f.message}};
    const auto [first, last] = block_lines(doc, f);
    if (f.kind == Finding::Kind::missing) {
      const Rule* rule = rule_of(rules, f.rule_id);
      if (const std::string sample = rule ? sample_clause(*rule) : ""; !sample.empty())
        out.push_back(action(fmt::format("Insert a sample clause for {}", f.rule_id), doc,
                             json::array({insert_after(doc, last, html ? "<p>" + sample + "</p>" : sample, e)}),
                             diagnostic, true));
      // A missing clause that does not apply: for the whole file, stated
      // where the clause would go.
      out.push_back(
          action(fmt::format("Suppress {} in this file (give the reason)", f.rule_id), doc,
                 json::array({insert_after(
                     doc, last, fmt::format("<!-- clauselint-disable-file {} -- {} -->", f.rule_id, kReason), e)}),
                 diagnostic, false));
    } else if (f.range.start.line - 1 == first) {
      out.push_back(action(fmt::format("Suppress {} on this line (give the reason)", f.rule_id), doc,
                           json::array({edit({first, 0}, fmt::format("<!-- clauselint-disable-next-line {} -- {} -->\n",
                                                                     f.rule_id, kReason))}),
                           diagnostic, false));
    } else {  // inside a wrapped paragraph: around the whole block
      out.push_back(action(
          fmt::format("Suppress {} in this paragraph (give the reason)", f.rule_id), doc,
          json::array({edit({first, 0}, fmt::format("<!-- clauselint-disable {} -- {} -->\n", f.rule_id, kReason)),
                       enable_after(doc, last, f.rule_id, e)}),
          diagnostic, false));
    }
  }
  return out;
}

}  // namespace clauselint::lsp
