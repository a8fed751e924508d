#include <cctype>
#include <cstdint>
#include <map>

#include <fmt/format.h>

#include "clauselint/content_hash.h"
#include "clauselint/finding.h"

namespace clauselint {
namespace {

std::string normalised(std::string_view evidence) {
  std::string out;
  bool space = false;
  for (const char c : evidence) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace

void assign_fingerprints(std::vector<Finding>& findings) {
  std::map<std::pair<std::string, std::uint64_t>, int> seen;  // (file, hash) -> occurrences so far
  for (Finding& f : findings) {
    const std::uint64_t hash = fnv1a(normalised(f.evidence), fnv1a(std::string(1, '\0'), fnv1a(f.rule_id)));
    const int occurrence = ++seen[{f.file, hash}];
    f.fingerprint = fmt::format("{:016x}:{}", hash, occurrence);
  }
}

}  // namespace clauselint
