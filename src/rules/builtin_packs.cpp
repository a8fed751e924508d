#include "clauselint/builtin_packs.h"

#include "rules/builtin_packs_data.h"

namespace clauselint {

const std::vector<BuiltinPack>& builtin_packs() {
  static const std::vector<BuiltinPack> packs = [] {
    std::vector<BuiltinPack> out;
    for (std::size_t i = 0; i < detail::embedded_pack_count; ++i)
      out.push_back({detail::embedded_packs[i].name, detail::embedded_packs[i].file, detail::embedded_packs[i].yaml});
    return out;
  }();
  return packs;
}

const BuiltinPack* find_builtin_pack(std::string_view name) {
  for (const auto& p : builtin_packs())
    if (p.name == name) return &p;
  return nullptr;
}

}  // namespace clauselint
