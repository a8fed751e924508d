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
      try {
        const YAML::Node root = YAML::Load(std::string(pack.yaml));
        pack.is_default = root["default"] && root["default"].as<bool>(false);
        pack.library = root["library"] && root["library"].as<bool>(false);
      } catch (const YAML::Exception&) {
        // reported when the pack is loaded
      }
      out.push_back(pack);
    }
    // core first: its rules lead every listing and shared rules read "core+...".
    std::stable_partition(out.begin(), out.end(), [](const BuiltinPack& p) { return p.name == "core"; });
    return out;
  }();
  return packs;
}

const BuiltinPack* find_builtin_pack(std::string_view name) {
  for (const auto& p : builtin_packs())
    if (p.name == name) return &p;
  return nullptr;
}

std::vector<std::string_view> selectable_builtin_packs() {
  std::vector<std::string_view> names;
  for (const auto& p : builtin_packs())
    if (!p.library) names.push_back(p.name);
  return names;
}

}  // namespace clauselint
