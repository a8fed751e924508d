#include "yaml/checked_keys.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "rules/spelling.h"

namespace clauselint {

std::vector<KeyProblem> check_keys(const YAML::Node& map, std::initializer_list<std::string_view> allowed,
                                   std::string_view where) {
  std::vector<KeyProblem> problems;
  std::set<std::string> seen;
  for (const auto& kv : map) {
    const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "?";
    if (!seen.insert(key).second)
      problems.push_back({kv.first.Mark(), fmt::format("duplicate key '{}' in {}", key, where), ""});
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    std::string suggested;
    for (const auto a : allowed)
      if (edit_distance(key, a) <= 2) suggested = std::string(a);  // the last close one, as the pack loader always said
    const std::string hint = suggested.empty() ? "" : fmt::format(" (did you mean '{}'?)", suggested);
    problems.push_back(
        {kv.first.Mark(),
         fmt::format("unknown key '{}' in {}{}; expected one of: {}", key, where, hint, fmt::join(allowed, ", ")),
         suggested});
  }
  return problems;
}

}  // namespace clauselint
