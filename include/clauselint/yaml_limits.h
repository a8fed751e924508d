// Limits checked on YAML text (rule packs, config files) before it is loaded:
// nesting depth (kMaxYamlDepth), the number of nodes after expanding aliases
// (kMaxYamlNodes: an "alias bomb" of a few lines stands for billions), and no
// alias inside the collection it refers to (a cycle, which yaml-cpp accepts).
// Streams the text through yaml-cpp's event parser, so the check itself uses
// memory proportional to the anchors, not to the expansion.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "clauselint/source.h"

namespace clauselint {

struct YamlLimitError {
  Position position;    // where the limit was crossed (1-based)
  std::string message;  // what is wrong and what to do
};

// nullopt when the text is within the limits (or is not valid YAML: the
// loader reports syntax errors itself).
std::optional<YamlLimitError> check_yaml_limits(std::string_view yaml);

// ^[a-z0-9]+(-[a-z0-9]+)*$, without std::regex (which recursed per
// character and overflowed the stack on a 50 KB id).
bool is_kebab_case(std::string_view s);

}  // namespace clauselint
