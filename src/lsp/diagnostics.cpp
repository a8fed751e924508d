// Linting a document and building LSP diagnostics from its findings.
#include <fstream>
#include <iterator>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "clauselint/block_memo.h"
#include "clauselint/engine.h"
#include "clauselint/input.h"
#include "clauselint/pattern.h"
#include "clauselint/suppressions.h"
#include "lsp/features.h"

namespace clauselint::lsp {
namespace {

int lsp_severity(Severity s) {
  switch (s) {
    case Severity::error: return 1;
    case Severity::warning: return 2;
    case Severity::note: return 3;
  }
  return 1;
}

json to_json(LspPosition p) { return {{"line", p.line}, {"character", p.character}}; }
json to_json(LspRange r) { return {{"start", to_json(r.start)}, {"end", to_json(r.end)}}; }

// A problem with no range of its own: its whole line (line 1 when it has none).
json problem_json(const Diagnostic& d, LspPosition at) {
  return {{"range", to_json(LspRange{at, {at.line, at.character + 1}})},
          {"severity", lsp_severity(d.severity)},
          {"source", "clauselint"},
          {"message", d.message}};
}

}  // namespace

std::string rule_docs_url(const std::string& rule_id) {
  return fmt::format("https://github.com/clauselint/clauselint/blob/main/docs/rules/{}.md", rule_id);
}

const Rule* rule_of(const RuleSet* rules, const std::string& id) {
  if (id == invalid_suppression_rule().id) return &invalid_suppression_rule();
  return rules ? rules->find_rule(id) : nullptr;
}

std::vector<Diagnostic> lint(OpenDocument& doc, const LintSetup& setup) {
  doc.lint = {};
  std::vector<Diagnostic> problems;
  const std::string shown = doc.path.empty() ? doc.uri : doc.path;
  LoadedSource loaded = decode_source(shown, doc.text);
  problems = std::move(loaded.diagnostics);
  if (!loaded.source) return problems;
  doc.lint.source = loaded.source;
  doc.lint.bom = loaded.source->text().size() + 3 == doc.text.size() && doc.text.starts_with("\xEF\xBB\xBF");
  doc.lint.model.emplace(parse_document(loaded.source, doc.format, problems));
  if (!setup.rules || setup.excluded) return problems;
  const MatchBudget budget(MatchBudget::from_environment());
  const MemoScope memo;  // the paragraphs an edit did not touch are not searched again
  LintResult result = lint_document(*doc.lint.model, *setup.rules);
  problems.insert(problems.end(), result.diagnostics.begin(), result.diagnostics.end());
  for (Finding& f : result.findings) {
    if (f.suppressed) continue;
    const auto it = setup.severities.find(f.rule_id);
    if (it != setup.severities.end()) {
      if (!it->second) continue;  // off for this file
      f.severity = *it->second;
    }
    doc.lint.findings.push_back(std::move(f));
  }
  return problems;
}

LspRange finding_range(const OpenDocument& doc, const Finding& f, Encoding e) {
  if (!doc.lint.source) return {};
  LspRange r{from_clauselint(*doc.lint.source, f.range.start, e), from_clauselint(*doc.lint.source, f.range.end, e)};
  if (doc.lint.bom) {  // the BOM the client still has is one unit (UTF-16) or three bytes before line 1
    const int shift = e == Encoding::utf8 ? 3 : 1;
    if (r.start.line == 0) r.start.character += shift;
    if (r.end.line == 0) r.end.character += shift;
  }
  if (r.end < r.start) r.end = r.start;
  return r;
}

json document_diagnostics(const OpenDocument& doc, const std::vector<Diagnostic>& problems, const LintSetup& setup,
                          Encoding e) {
  json out = json::array();
  for (const Diagnostic& d : problems) {
    LspPosition at{std::max(d.position.line - 1, 0), 0};
    if (doc.lint.source && d.position.line > 0) at = from_clauselint(*doc.lint.source, d.position, e);
    out.push_back(problem_json(d, at));
  }
  if (!setup.rules && !setup.config_file.empty())
    out.push_back(problem_json({"",
                                {},
                                Severity::error,
                                fmt::format("clauselint cannot lint this file: its configuration {} or a pack it names "
                                            "does not load (see the problems reported there)",
                                            setup.config_file)},
                               {0, 0}));
  for (const Finding& f : doc.lint.findings) {
    json d = {{"range", to_json(finding_range(doc, f, e))},
              {"severity", lsp_severity(f.severity)},
              {"code", f.rule_id},
              {"codeDescription", {{"href", rule_docs_url(f.rule_id)}}},
              {"source", "clauselint"},
              {"message", f.message},
              {"data", {{"rule", f.rule_id}, {"kind", f.kind == Finding::Kind::missing ? "missing" : "match"}}}};
    if (const Rule* rule = rule_of(setup.rules, f.rule_id); rule && !rule->citations.empty()) {
      const std::string citation = fmt::format("{}", fmt::join(rule->citations, "; "));
      d["message"] = fmt::format("{} ({})", f.message, citation);
      d["data"]["citation"] = citation;
    }
    out.push_back(std::move(d));
  }
  return out;
}

json file_diagnostics(const std::string& path, const std::vector<Diagnostic>& problems, Encoding e) {
  // Columns are code points: convert them on the file's text, when it can be read.
  std::string text;
  if (std::ifstream in(path, std::ios::binary); in) {
    text.assign(std::istreambuf_iterator<char>(in), {});
    if (text.size() > kMaxInputBytes) text.clear();
  }
  const SourceFile source(path, text);
  json out = json::array();
  for (const Diagnostic& d : problems)
    out.push_back(problem_json(d, d.position.line > 0 ? from_clauselint(source, d.position, e) : LspPosition{}));
  return out;
}

}  // namespace clauselint::lsp
