#include "clauselint/builtin_packs.h"

#include <algorithm>

#include <yaml-cpp/yaml.h>

#include "rules/builtin_packs_data.h"

namespace clauselint {

const std::vector<BuiltinPack>& builtin_packs() {
  static const std::vector<BuiltinPack> packs = [] {
    std::vector<BuiltinPack> out;
    for (std::size_t i = 0; i < detail::embedded_pack_count; ++i) {
      BuiltinPack pack{detail::embedded_packs[i].name, detail::embedded_packs[i].file, detail::embedded_packs[i].yaml};
      pack.is_default = pack_flag(pack.yaml, "default");
      pack.library = pack_flag(pack.yaml, "library");
      out.push_back(pack);
    }
    // core first: its rules lead every listing and shared rules read "core+...".
    std::stable_partition(out.begin(), out.end(), [](const BuiltinPack& p) { return p.name == "core"; });
    return out;
  }();
  return packs;
}

bool pack_flag(std::string_view yaml, std::string_view key) {
  while (!yaml.empty()) {
    const std::size_t eol = yaml.find('\n');
    std::string_view line = yaml.substr(0, eol);
    yaml = eol == std::string_view::npos ? std::string_view() : yaml.substr(eol + 1);
    if (!line.starts_with(key) || line.substr(key.size()).find(':') != 0) continue;
    line.remove_prefix(key.size() + 1);
    line = line.substr(0, line.find('#'));
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos) return false;
    line = line.substr(first, line.find_last_not_of(" \t\r") - first + 1);
    bool value = false;  // the spellings the loader accepts (true, yes, on, ...)
    return YAML::convert<bool>::decode(YAML::Node(std::string(line)), value) && value;
  }
  return false;
}

const BuiltinPack* find_builtin_pack(std::string_view name) {
  for (const auto& p : builtin_packs())
    if (p.name == name) return &p;
  return nullptr;
}

std::vector<std::string_view> selectable_builtin_packs() {
  std::vector<std::string_view> names;
  for (const auto& p : builtin_packs())
    if (!p.library && !pack_flag(p.yaml, "vocabulary")) names.push_back(p.name);
  return names;
}

}  // namespace clauselint
