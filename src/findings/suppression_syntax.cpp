#include "clauselint/suppression_syntax.h"

namespace clauselint {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n'; }

// A separator starts at `i`: white space, "--", then white space or the end.
bool separator_at(std::string_view s, std::size_t i) {
  std::size_t j = i;
  while (j < s.size() && is_space(s[j])) ++j;
  if (j == i || s.substr(j, 2) != "--") return false;
  j += 2;
  return j == s.size() || is_space(s[j]);
}

}  // namespace

std::optional<Directive> parse_directive(std::string_view s) {
  constexpr std::string_view prefix = "clauselint-";
  if (!s.starts_with(prefix)) return std::nullopt;
  std::size_t i = prefix.size();
  const std::size_t kind_begin = i;
  while (i < s.size() && ((s[i] >= 'a' && s[i] <= 'z') || s[i] == '-')) ++i;
  if (i == kind_begin) return std::nullopt;
  Directive d;
  d.kind = std::string(s.substr(kind_begin, i - kind_begin));
  if (i == s.size()) return d;
  if (!is_space(s[i])) return std::nullopt;
  // The rules group comes first (it is greedy): white space, then everything
  // up to the first separator.
  while (i < s.size() && is_space(s[i])) ++i;
  const std::size_t rules_begin = i;
  // A separator can only start at white space; the scan is linear because
  // separator_at() stops at the first non-space after the run.
  while (i < s.size()) {
    if (is_space(s[i]) && (i == rules_begin || !is_space(s[i - 1])) && separator_at(s, i)) break;
    ++i;
  }
  d.rules = std::string(s.substr(rules_begin, i - rules_begin));
  if (i == s.size()) return d;
  // The separator, then the reason after its white space.
  while (is_space(s[i])) ++i;
  i += 2;  // "--"
  while (i < s.size() && is_space(s[i])) ++i;
  d.reason = std::string(s.substr(i));
  return d;
}

}  // namespace clauselint
