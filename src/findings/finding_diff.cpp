// diff_findings and present_before (finding_diff.h).
#include "clauselint/finding_diff.h"

#include <set>
#include <string>
#include <utility>

namespace clauselint {
namespace {

// What a finding is matched by: (rule, "") for a missing clause, else (rule, fingerprint).
std::pair<std::string, std::string> key_of(const Finding& f) {
  return {f.rule_id, f.kind == Finding::Kind::missing ? std::string() : f.fingerprint};
}

std::set<std::pair<std::string, std::string>> keys_of(const std::vector<Finding>& findings) {
  std::set<std::pair<std::string, std::string>> keys;
  for (const Finding& f : findings)
    if (!f.suppressed) keys.insert(key_of(f));
  return keys;
}

// The unsuppressed findings of `from` whose key `other` lacks, split by kind.
void only_in(const std::vector<Finding>& from, const std::set<std::pair<std::string, std::string>>& other,
             std::vector<Finding>& clauses, std::vector<Finding>& wording) {
  for (const Finding& f : from) {
    if (f.suppressed || other.count(key_of(f))) continue;
    (f.kind == Finding::Kind::missing ? clauses : wording).push_back(f);
  }
}

}  // namespace

FindingDiff diff_findings(const std::vector<Finding>& old_findings, const std::vector<Finding>& new_findings) {
  FindingDiff diff;
  only_in(new_findings, keys_of(old_findings), diff.lost, diff.introduced);
  only_in(old_findings, keys_of(new_findings), diff.gained, diff.resolved);
  return diff;
}

bool present_before(const Finding& f, const std::vector<Finding>& old_findings) {
  const auto key = key_of(f);
  for (const Finding& o : old_findings)
    if (!o.suppressed && key_of(o) == key) return true;
  return false;
}

}  // namespace clauselint
