#include "clauselint/baseline.h"

#include <fstream>
#include <iterator>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "clauselint/report.h"

namespace clauselint {
namespace {

using json = nlohmann::ordered_json;
constexpr int kBaselineVersion = 1;

std::string key_path(const Finding& f, const std::string& root) { return relative_to_root(f.file, root).value_or(f.file); }

}  // namespace

std::string baseline_json(const std::vector<Finding>& findings, const std::string& root) {
  std::set<std::tuple<std::string, std::string, std::string>> entries;
  for (const Finding& f : findings)
    if (!f.suppressed) entries.emplace(key_path(f, root), f.rule_id, f.fingerprint);
  json list = json::array();
  for (const auto& [file, rule, fingerprint] : entries)
    list.push_back({{"file", file}, {"rule", rule}, {"fingerprint", fingerprint}});
  return json{{"clauselint-baseline", kBaselineVersion}, {"findings", list}}.dump(2) + "\n";
}

std::optional<Baseline> read_baseline(const std::string& path, std::vector<Diagnostic>& diagnostics) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics.push_back({path, {}, Severity::error, "cannot read the baseline file: write one with --write-baseline"});
    return std::nullopt;
  }
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || doc.value("clauselint-baseline", 0) != kBaselineVersion ||
      !doc.contains("findings") || !doc["findings"].is_array()) {
    diagnostics.push_back({path, {}, Severity::error,
                           fmt::format("not a clauselint baseline (version {}): regenerate it with --write-baseline", kBaselineVersion)});
    return std::nullopt;
  }
  Baseline baseline;
  for (const auto& e : doc["findings"]) {
    if (!e.is_object() || !e.contains("file") || !e.contains("rule") || !e.contains("fingerprint") ||
        !e["file"].is_string() || !e["rule"].is_string() || !e["fingerprint"].is_string()) {
      diagnostics.push_back({path, {}, Severity::error, "a baseline entry lacks file, rule or fingerprint: regenerate it"});
      return std::nullopt;
    }
    baseline.entries.emplace(e["file"].get<std::string>(), e["rule"].get<std::string>(), e["fingerprint"].get<std::string>());
  }
  return baseline;
}

std::size_t apply_baseline(const Baseline& baseline, std::vector<Finding>& findings, const std::string& root) {
  const std::size_t before = findings.size();
  std::erase_if(findings, [&](const Finding& f) {
    return baseline.entries.count({key_path(f, root), f.rule_id, f.fingerprint}) > 0;
  });
  return before - findings.size();
}

}  // namespace clauselint
