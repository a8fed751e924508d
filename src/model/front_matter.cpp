#include "model/front_matter.h"

#include <algorithm>
#include <array>
#include <cctype>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

namespace clauselint {
namespace {

// Length of the line starting at `i` (without its ending) and where the next starts.
std::size_t line_end(const std::string& text, std::size_t i) {
  const std::size_t nl = text.find_first_of("\r\n", i);
  return nl == std::string::npos ? text.size() : nl;
}
std::size_t next_line(const std::string& text, std::size_t end) {
  if (end < text.size() && text[end] == '\r') ++end;
  if (end < text.size() && text[end] == '\n') ++end;
  return end;
}
bool is_fence(std::string_view line, std::string_view fence) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == fence;
}

}  // namespace

bool is_policy_date_key(std::string_view key) {
  std::string k;
  for (char c : key)
    if (std::isalnum(static_cast<unsigned char>(c)))
      k += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static constexpr std::array<std::string_view, 15> keys = {
      "lastupdated", "updated",       "updatedat",    "lastmodified", "lastmod",
      "modified",    "effectivedate", "effective",    "effectiveon",  "effectivefrom",
      "lastrevised", "revised",       "revisiondate", "policydate",   "lastreviewed"};
  return std::find(keys.begin(), keys.end(), k) != keys.end();
}

std::size_t read_front_matter(Document& doc, std::vector<Diagnostic>& diagnostics) {
  const std::string& text = doc.source->text();
  const std::size_t first_end = line_end(text, 0);
  if (!is_fence(std::string_view(text).substr(0, first_end), "---")) return 0;
  const std::size_t body_start = next_line(text, first_end);
  std::size_t i = body_start;
  while (i < text.size()) {
    const std::size_t end = line_end(text, i);
    const std::string_view line = std::string_view(text).substr(i, end - i);
    if (is_fence(line, "---") || is_fence(line, "...")) {
      const std::string yaml = text.substr(body_start, i - body_start);
      const int first_line = doc.source->locate(body_start).line;
      try {
        const YAML::Node root = YAML::Load(yaml);
        if (root.IsMap()) {
          for (const auto& kv : root) {
            const auto mark = kv.second.Mark();
            FrontMatterField field;
            field.value = kv.second.IsScalar() ? kv.second.Scalar() : YAML::Dump(kv.second);
            field.position = {first_line + std::max(mark.line, 0), std::max(mark.column, 0) + 1};
            const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : YAML::Dump(kv.first);
            if (is_policy_date_key(key)) doc.policy_dates[key] = field;
            doc.front_matter[key] = std::move(field);
          }
        } else if (root.IsDefined() && !root.IsNull()) {
          diagnostics.push_back({doc.source->path(),
                                 {first_line, 1},
                                 Severity::warning,
                                 "front matter is not a YAML mapping (key: value lines); it was skipped"});
        }
      } catch (const YAML::Exception& e) {
        diagnostics.push_back({doc.source->path(),
                               {first_line + std::max(e.mark.line, 0), std::max(e.mark.column, 0) + 1},
                               Severity::warning,
                               fmt::format("malformed YAML front matter ({}); it was skipped", e.msg)});
      }
      return next_line(text, end);
    }
    i = next_line(text, end);
    if (i == end) break;
  }
  return 0;  // no closing fence: "---" is a thematic break, not front matter
}

}  // namespace clauselint
