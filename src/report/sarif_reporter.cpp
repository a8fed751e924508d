// --format sarif: one SARIF 2.1.0 log with one run, shaped for GitHub code
// scanning (docs/github-code-scanning.md).
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "clauselint/paths.h"
#include "clauselint/report.h"
#include "clauselint/suppressions.h"

namespace clauselint {
namespace {

using json = nlohmann::ordered_json;
namespace fs = std::filesystem;

constexpr const char* kSchema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr const char* kInformationUri = "https://github.com/clauselint/clauselint";

std::string pascal_case(std::string_view id) {
  std::string out;
  bool upper = true;
  for (const char c : id) {
    if (c == '-') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

// SARIF messages are sentences: a capital first letter and a final period.
std::string sentence(std::string text) {
  if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  if (!text.empty() && text.back() != '.' && text.back() != '?' && text.back() != '!') text += '.';
  return text;
}

std::string truncate(std::string text, std::size_t limit) {
  if (text.size() <= limit) return text;
  text.resize(limit - 3);
  while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();
  if (!text.empty() && static_cast<unsigned char>(text.back()) >= 0xC0) text.pop_back();
  return text + "...";
}

// SARIF's levels are clauselint's severity names.
std::string_view level(Severity s) { return to_string(s); }

std::string_view problem_severity(Severity s) { return s == Severity::note ? "recommendation" : level(s); }

// The URI of `shown_path`: relative to `root` when it lies inside it (with
// uriBaseId %SRCROOT%), else an absolute file: URI.
json artifact_location(const std::string& shown_path, const fs::path& root) {
  if (const auto relative = relative_to_root(shown_path, root.string()))
    return {{"uri", percent_encode(*relative)}, {"uriBaseId", "%SRCROOT%"}};
  std::error_code ec;
  return {{"uri", "file://" + percent_encode(fs::weakly_canonical(fs::absolute(shown_path, ec), ec).generic_string())}};
}

json rule_json(const Rule& rule) {
  std::vector<std::string> tags;
  for (const char* t : {"privacy", "compliance"}) tags.emplace_back(t);
  for (const auto& t : rule.tags)
    if (std::find(tags.begin(), tags.end(), t) == tags.end() && tags.size() < 10) tags.push_back(t);
  std::string citations;
  for (const auto& c : rule.citations) citations += "\n- " + c;
  return {{"id", rule.id},
          {"name", pascal_case(rule.id)},
          {"shortDescription", {{"text", truncate(sentence(rule.title), 1024)}}},
          {"fullDescription", {{"text", truncate(sentence(rule.message), 1024)}}},
          {"help",
           {{"text", rule.help + "\nCitations:" + citations + "\n"},
            {"markdown", rule.help + "\n**Citations:**\n" + citations + "\n"}}},
          {"helpUri", fmt::format("{}/blob/main/docs/rules/{}.md", kInformationUri, rule.id)},
          {"defaultConfiguration", {{"level", level(rule.severity)}}},
          {"properties",
           {{"tags", tags},
            {"precision", to_string(rule.precision)},  // measured (rules/measured/precision.yaml)
            {"problem.severity", problem_severity(rule.severity)}}}};
}

// The results: one per finding (suppressed ones only with include_suppressed).
json results_json(const Report& report, const std::map<std::string, std::size_t>& rule_index, const fs::path& root) {
  json results = json::array();
  for (const Finding& f : report.findings) {
    if (f.suppressed && !report.include_suppressed) continue;
    json region = {{"startLine", f.range.start.line},
                   {"startColumn", f.range.start.column},
                   {"endLine", f.range.end.line},
                   {"endColumn", f.range.end.column}};
    if (!f.snippet.empty()) region["snippet"] = {{"text", f.snippet}};
    json result = {{"ruleId", f.rule_id}};
    if (const auto it = rule_index.find(f.rule_id); it != rule_index.end()) result["ruleIndex"] = it->second;
    result["level"] = level(f.severity);
    result["message"] = {{"text", sentence(f.message)}};
    result["locations"] = json::array(
        {{{"physicalLocation", {{"artifactLocation", artifact_location(f.file, root)}, {"region", region}}}}});
    result["partialFingerprints"] = {{"primaryLocationLineHash", f.fingerprint}};
    if (!report.baseline_state.empty()) result["baselineState"] = report.baseline_state;
    if (f.suppressed)
      result["suppressions"] = json::array({{{"kind", "inSource"}, {"justification", f.justification}}});
    results.push_back(result);
  }
  return results;
}

// The diagnostics, as tool execution notifications.
json notifications_json(const Report& report, const fs::path& root) {
  json notifications = json::array();
  for (const Diagnostic& d : report.diagnostics) {
    json n = {{"level", level(d.severity)}, {"message", {{"text", sentence(d.message)}}}};
    if (!d.file.empty()) {
      json physical = {{"artifactLocation", artifact_location(d.file, root)}};
      if (d.position.line > 0)
        physical["region"] = {{"startLine", d.position.line}, {"startColumn", d.position.column}};
      n["locations"] = json::array({{{"physicalLocation", physical}}});
    }
    notifications.push_back(n);
  }
  return notifications;
}

}  // namespace

void write_sarif(std::ostream& out, const Report& report) {
  const fs::path root = fs::path(report.root.empty() ? fs::current_path().string() : report.root);

  std::vector<const Rule*> rules = all_rules(report);
  std::sort(rules.begin(), rules.end(), [](const Rule* a, const Rule* b) { return a->id < b->id; });
  std::map<std::string, std::size_t> rule_index;
  json rules_json = json::array();
  for (const Rule* r : rules) {
    rule_index[r->id] = rules_json.size();
    rules_json.push_back(rule_json(*r));
  }

  const json results = results_json(report, rule_index, root);
  const json notifications = notifications_json(report, root);

  std::string root_uri = "file://" + percent_encode(root.generic_string());
  if (root_uri.back() != '/') root_uri += '/';
  json run = {
      {"tool",
       {{"driver",
         {{"name", "clauselint"},
          {"semanticVersion", CLAUSELINT_VERSION},
          {"informationUri", kInformationUri},
          {"rules", rules_json}}}}},
      {"invocations",
       json::array({{{"executionSuccessful", report.successful}, {"toolExecutionNotifications", notifications}}})},
      {"originalUriBaseIds", {{"%SRCROOT%", {{"uri", root_uri}}}}},
      {"columnKind", "unicodeCodePoints"},
      {"results", results}};
  // GitHub reads automationDetails.id as "category/run-id": end it with "/"
  // so the whole value is the category, as the upload action does.
  if (!report.category.empty())
    run["automationDetails"] = {{"id", report.category.ends_with('/') ? report.category : report.category + "/"}};
  const json log = {{"$schema", kSchema}, {"version", "2.1.0"}, {"runs", json::array({run})}};
  out << log.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

}  // namespace clauselint
