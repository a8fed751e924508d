// Checking a YAML mapping's keys, for every file people write (rule packs,
// .clauselint.yaml): a duplicate key is an error (yaml-cpp keeps both, and
// one would silently win), and an unknown key names the keys expected there,
// with a did-you-mean hint when it is within two edits of one.
//
// Cost: linear in the keys times the allowed keys.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

namespace clauselint {

struct KeyProblem {
  YAML::Mark mark;        // where the key is
  std::string message;    // "duplicate key 'x' in the config", "unknown key 'rulez' in ... (did you mean 'rules'?) ..."
  std::string suggested;  // the allowed key an unknown key was taken for, or ""
};

// `where` names the mapping for messages ("the config", "rule 'x'").
std::vector<KeyProblem> check_keys(const YAML::Node& map, std::initializer_list<std::string_view> allowed,
                                   std::string_view where);

}  // namespace clauselint
