#include "clauselint/prevalence.h"

#include <fstream>
#include <regex>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace clauselint {

std::optional<Grouping> parse_grouping(std::string_view text, std::string& error) {
  const auto colon = text.find(':');
  const std::string_view kind = text.substr(0, colon == std::string_view::npos ? text.size() : colon);
  const std::string key(colon == std::string_view::npos ? std::string_view() : text.substr(colon + 1));
  if ((kind != "front-matter" && kind != "path") || key.empty()) {
    error = fmt::format("--group-by '{}': expected front-matter:KEY or path:REGEX (e.g. path:'(\\d{{4}})/')", text);
    return std::nullopt;
  }
  if (kind == "path") {
    try {
      std::regex check(key);
    } catch (const std::regex_error& e) {
      error = fmt::format("--group-by '{}': invalid regex: {}", text, e.what());
      return std::nullopt;
    }
  }
  return Grouping{kind == "path" ? Grouping::Kind::path : Grouping::Kind::front_matter, key};
}

std::string group_of(const Grouping& grouping, const std::string& path, const Document* doc) {
  switch (grouping.kind) {
    case Grouping::Kind::none: return "all";
    case Grouping::Kind::front_matter: {
      if (!doc) return "(none)";
      const auto it = doc->front_matter.find(grouping.key);
      return it == doc->front_matter.end() || it->second.value.empty() ? "(none)" : it->second.value;
    }
    case Grouping::Kind::path: {
      std::smatch m;
      const std::regex re(grouping.key);
      if (!std::regex_search(path, m, re)) return "(none)";
      return m.size() > 1 && m[1].matched ? m[1].str() : m[0].str();
    }
  }
  return "(none)";
}

void Prevalence::add(const std::string& group, const std::set<std::string>& rules) {
  ++policies_[group];
  for (const auto& rule : rules) {
    ++with_[{group, rule}];
    rules_.insert(rule);
  }
}

std::vector<std::string> Prevalence::groups() const {
  std::vector<std::string> out;
  for (const auto& [group, n] : policies_) out.push_back(group);
  return out;
}

std::vector<std::string> Prevalence::rules() const { return {rules_.begin(), rules_.end()}; }

std::size_t Prevalence::policies(const std::string& group) const {
  const auto it = policies_.find(group);
  return it == policies_.end() ? 0 : it->second;
}

std::size_t Prevalence::with(const std::string& group, const std::string& rule) const {
  const auto it = with_.find({group, rule});
  return it == with_.end() ? 0 : it->second;
}

std::map<std::string, std::set<std::string>> read_jsonl_findings(const std::string& path,
                                                                 std::vector<Diagnostic>& diagnostics) {
  std::map<std::string, std::set<std::string>> out;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics.push_back({path, {}, Severity::error, "cannot read the findings: no such file or not readable"});
    return out;
  }
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty()) continue;
    const auto finding = nlohmann::json::parse(line, nullptr, false);
    if (finding.is_discarded() || !finding.is_object() || !finding.contains("rule") || !finding.contains("file") ||
        !finding["rule"].is_string() || !finding["file"].is_string()) {
      diagnostics.push_back({path,
                             {number, 1},
                             Severity::error,
                             "not a finding of 'clauselint --format jsonl' (an object with \"rule\" and \"file\")"});
      continue;
    }
    if (finding.value("suppressed", false)) continue;
    out[finding["file"].get<std::string>()].insert(finding["rule"].get<std::string>());
  }
  return out;
}

}  // namespace clauselint
