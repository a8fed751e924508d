// Prevalence over a corpus (`clauselint stats`): for each rule, how many
// policies have a finding of it and what share of the policies that is,
// overall or per group (a front-matter field, or a part of the path such as
// the year in "2009/...").
//
// Cost: linear in the policies and their findings; one record per policy
// (its file, group and the rules it has) is all that is kept.
#pragma once

#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "clauselint/diagnostic.h"
#include "clauselint/document.h"

namespace clauselint {

// How policies are grouped: "front-matter:KEY" or "path:REGEX" (the regex's
// first group, or its whole match, in the path; ECMAScript syntax).
struct Grouping {
  enum class Kind { none, front_matter, path } kind = Kind::none;
  std::string key;  // the front-matter key, or the regex
};
// Parses a --group-by value; nullopt (and `error`) when it is malformed.
std::optional<Grouping> parse_grouping(std::string_view text, std::string& error);
// The group of one policy; "(none)" when it has no such field or the path does not match.
std::string group_of(const Grouping& grouping, const std::string& path, const Document* doc);

class Prevalence {
 public:
  // One policy: its group and the rules it has an unsuppressed finding of.
  void add(const std::string& group, const std::set<std::string>& rules);

  std::vector<std::string> groups() const;  // sorted; "all" when there is no grouping
  std::vector<std::string> rules() const;   // every rule met, sorted
  std::size_t policies(const std::string& group) const;
  std::size_t with(const std::string& group, const std::string& rule) const;

  void write_text(std::ostream& out) const;  // a table: rules down, groups across
  void write_csv(std::ostream& out) const;   // group,rule,policies,with_finding,share
  void write_svg(std::ostream& out) const;   // a self-contained line chart of share over the groups

 private:
  std::map<std::string, std::size_t> policies_;
  std::map<std::pair<std::string, std::string>, std::size_t> with_;
  std::set<std::string> rules_;
};

// Reads the findings of a `--format jsonl` run: file -> rules with an
// unsuppressed finding. Problems (unreadable file, a line that is not a
// finding) go to `diagnostics` with the line number.
std::map<std::string, std::set<std::string>> read_jsonl_findings(const std::string& path,
                                                                 std::vector<Diagnostic>& diagnostics);

}  // namespace clauselint
