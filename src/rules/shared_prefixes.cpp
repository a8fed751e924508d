#include "rules/shared_prefixes.h"

#include <algorithm>
#include <cctype>

namespace clauselint {
namespace {

bool plain(char c) { return static_cast<unsigned char>(c) < 0x80 && std::isalnum(static_cast<unsigned char>(c)); }

bool quantifier(char c) { return c == '?' || c == '*' || c == '+' || c == '{'; }

std::string joined(const std::vector<std::string_view>& alternatives) {
  std::string out;
  for (std::size_t i = 0; i < alternatives.size(); ++i) (out += i ? "|" : "") += alternatives[i];
  return out;
}

// How many leading characters every member shares: plain ones, none of
// them followed by a quantifier (which belongs to it).
std::size_t shared_length(const std::vector<std::string_view>& members) {
  const std::string_view first = members.front();
  std::size_t n = 0;
  for (; n < first.size() && plain(first[n]); ++n) {
    const bool all = std::all_of(members.begin(), members.end(), [&](std::string_view m) {
      return m.size() > n && m[n] == first[n] && !(m.size() > n + 1 && quantifier(m[n + 1]));
    });
    if (!all) break;
  }
  return n;
}

}  // namespace

std::string with_shared_prefixes(const std::vector<std::string_view>& alternatives) {
  // Each must start with a letter it needs (not "a?"), or it could match where another group's does.
  const auto letter_first = [](std::string_view a) {
    return !a.empty() && plain(a[0]) && !(a.size() > 1 && quantifier(a[1]));
  };
  if (alternatives.size() < 2 || !std::all_of(alternatives.begin(), alternatives.end(), letter_first))
    return joined(alternatives);
  // Groups by first letter in any case, in order of first appearance; each
  // keeps its members' order.
  std::vector<std::pair<char, std::vector<std::string_view>>> groups;
  for (const auto a : alternatives) {
    const char key = static_cast<char>(std::tolower(static_cast<unsigned char>(a[0])));
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == key; });
    if (it == groups.end()) it = groups.insert(groups.end(), {key, {}});
    it->second.push_back(a);
  }
  std::string out;
  for (const auto& [key, members] : groups) {
    if (!out.empty()) out += '|';
    const std::size_t n = members.size() > 1 ? shared_length(members) : 0;
    if (n == 0) {
      out += joined(members);
      continue;
    }
    std::vector<std::string_view> rests;
    for (const auto m : members) rests.push_back(m.substr(n));
    out += std::string(members.front().substr(0, n)) + "(?:" + with_shared_prefixes(rests) + ")";
  }
  return out;
}

}  // namespace clauselint
