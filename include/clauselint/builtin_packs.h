// The rule packs compiled into the binary from rules/*.yaml.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace clauselint {

struct BuiltinPack {
  std::string_view name;  // "core"
  std::string_view file;  // "rules/core.yaml", as named in diagnostics
  std::string_view yaml;
  bool is_default = false;  // `default: true` in the pack
  bool library = false;     // `library: true` in the pack
};

const std::vector<BuiltinPack>& builtin_packs();
const BuiltinPack* find_builtin_pack(std::string_view name);
// Whether a pack's text sets the top-level `key: true` (`default`, `library`).
// Reads lines without parsing the YAML, so listing packs stays cheap; the
// loader validates the pack properly when it is used.
bool pack_flag(std::string_view yaml, std::string_view key);
// Names of the packs a user can select (every built-in pack but libraries).
std::vector<std::string_view> selectable_builtin_packs();

}  // namespace clauselint
