#include <algorithm>
#include <fstream>
#include <iterator>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "clauselint/builtin_packs.h"
#include "rules/spelling.h"

namespace clauselint {

const RuleSet& shared_library() {
  static const RuleSet library = [] {
    RuleSet set;
    for (const auto& pack : builtin_packs())
      if (pack.library) set.load_pack(pack.yaml, std::string(pack.file), true);
    return set;
  }();
  return library;
}

const Vocabulary& shared_vocabulary() {
  static const Vocabulary vocabulary = [] {
    Vocabulary out;
    for (const auto& pack : builtin_packs())
      if (pack_flag(pack.yaml, "vocabulary")) load_vocabulary(pack.yaml, std::string(pack.file), out);
    return out;
  }();
  return vocabulary;
}

std::vector<Diagnostic> load_packs(RuleSet& rules, const std::vector<std::string>& selection, bool activate_libraries) {
  std::vector<Diagnostic> diagnostics;
  auto append = [&](std::vector<Diagnostic> more) { diagnostics.insert(diagnostics.end(), more.begin(), more.end()); };
  if (selection.empty()) {
    for (const auto& pack : builtin_packs())
      if (pack.is_default) append(rules.load_pack(pack.yaml, std::string(pack.file)));
    return diagnostics;
  }
  // Active library packs go first, so the packs that use their rules find them.
  auto is_library_file = [](const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return pack_flag(std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()), "library");
  };
  std::vector<std::string> ordered;
  for (const auto& item : selection) {
    const BuiltinPack* p = find_builtin_pack(item);
    if (activate_libraries && (p ? p->library : is_library_file(item))) ordered.push_back(item);
  }
  for (const auto& item : selection)
    if (std::find(ordered.begin(), ordered.end(), item) == ordered.end()) ordered.push_back(item);
  for (const auto& item : ordered) {
    if (const BuiltinPack* pack = find_builtin_pack(item)) {
      if (!rules.find_pack(item)) append(rules.load_pack(pack->yaml, std::string(pack->file), activate_libraries));
      continue;
    }
    std::ifstream in(item, std::ios::binary);
    if (!in) {
      const auto names = selectable_builtin_packs();
      diagnostics.push_back({item, {}, Severity::error,
                             fmt::format("cannot load rule pack{}: not a built-in pack ({}) and not a readable file",
                                         did_you_mean(item, names), fmt::join(names, ", "))});
      continue;
    }
    const std::string yaml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    append(rules.load_pack(yaml, item, activate_libraries));
  }
  return diagnostics;
}

}  // namespace clauselint
