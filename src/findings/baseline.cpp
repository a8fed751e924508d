#include "clauselint/baseline.h"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "clauselint/bounded_read.h"
#include "clauselint/json_depth.h"
#include "clauselint/limits.h"
#include "clauselint/paths.h"
#include "clauselint/safe_text.h"

namespace clauselint {
namespace {

using json = nlohmann::ordered_json;
constexpr int kBaselineVersion = 1;

// Valid UTF-8 (as the JSON file stores it), so that a file name with a bad
// byte matches its own entry.
std::string key_path(const Finding& f, const std::string& root) {
  return valid_utf8(relative_to_root(f.file, root).value_or(f.file));
}

// A baseline has 3 levels; more means a hostile or foreign file.
constexpr int kMaxBaselineDepth = 16;

}  // namespace

std::string baseline_json(const std::vector<Finding>& findings, const std::string& root) {
  std::set<std::tuple<std::string, std::string, std::string>> entries;
  for (const Finding& f : findings)
    if (!f.suppressed) entries.emplace(key_path(f, root), f.rule_id, f.fingerprint);
  json list = json::array();
  for (const auto& [file, rule, fingerprint] : entries)
    list.push_back({{"file", file}, {"rule", rule}, {"fingerprint", fingerprint}});
  return json{{"clauselint-baseline", kBaselineVersion}, {"findings", list}}.dump(2, ' ', false,
                                                                                  json::error_handler_t::replace) +
         "\n";
}

std::optional<Baseline> read_baseline(const std::string& path, std::vector<Diagnostic>& diagnostics) {
  const BoundedRead read = read_bounded(path, kMaxBaselineBytes);
  if (!read.ok) {
    diagnostics.push_back({path,
                           {},
                           Severity::error,
                           read.too_large || read.error != "No such file or directory"
                               ? describe_read_failure(read, "the baseline file", kMaxBaselineBytes)
                               : "cannot read the baseline file: write one with --write-baseline"});
    return std::nullopt;
  }
  return parse_baseline(read.bytes, path, diagnostics);
}

std::optional<Baseline> parse_baseline(const std::string& text, const std::string& path,
                                       std::vector<Diagnostic>& diagnostics) {
  if (json_nested_deeper_than(text, kMaxBaselineDepth)) {
    diagnostics.push_back({path,
                           {},
                           Severity::error,
                           fmt::format("not a clauselint baseline: its JSON is nested more than {} levels deep; "
                                       "regenerate it with --write-baseline",
                                       kMaxBaselineDepth)});
    return std::nullopt;
  }
  const json doc = json::parse(text, nullptr, false);
  const auto version = doc.is_object() && doc.contains("clauselint-baseline") ? doc["clauselint-baseline"] : json();
  if (doc.is_discarded() || !doc.is_object() || !version.is_number_integer() ||
      version.get<long long>() != kBaselineVersion || !doc.contains("findings") || !doc["findings"].is_array()) {
    diagnostics.push_back(
        {path,
         {},
         Severity::error,
         fmt::format("not a clauselint baseline (version {}): regenerate it with --write-baseline", kBaselineVersion)});
    return std::nullopt;
  }
  Baseline baseline;
  for (const auto& e : doc["findings"]) {
    if (!e.is_object() || !e.contains("file") || !e.contains("rule") || !e.contains("fingerprint") ||
        !e["file"].is_string() || !e["rule"].is_string() || !e["fingerprint"].is_string()) {
      diagnostics.push_back(
          {path, {}, Severity::error, "a baseline entry lacks file, rule or fingerprint: regenerate it"});
      return std::nullopt;
    }
    baseline.entries.emplace(e["file"].get<std::string>(), e["rule"].get<std::string>(),
                             e["fingerprint"].get<std::string>());
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
