// The syntax of one clauselint comment, e.g. the text of
// <!-- clauselint-disable rule-a, rule-b -- the reason -->:
//
//   clauselint-KIND [RULES] [-- [REASON]]
//
// KIND is [a-z-]+; RULES runs up to the first " -- " (white space, "--",
// then white space or the end); white space is space, tab or newline.
// A hand-written scanner, linear in the comment's length with no recursion
// (a 50 KB comment overflowed the stack of the std::regex it replaces), with
// exactly that regex's results.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace clauselint {

struct Directive {
  std::string kind;    // "disable", "enable", ...
  std::string rules;   // as written (split_rule_ids splits it); may be empty
  std::string reason;  // after " -- "; may be empty
};

// nullopt when `comment` is not of that form (a malformed directive).
std::optional<Directive> parse_directive(std::string_view comment);

}  // namespace clauselint
