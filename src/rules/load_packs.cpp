#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "clauselint/bounded_read.h"
#include "clauselint/builtin_packs.h"
#include "clauselint/limits.h"
#include "clauselint/load_packs.h"
#include "clauselint/pack_cache.h"
#include "clauselint/pack_image.h"
#include "clauselint/safe_text.h"
#include "rules/spelling.h"
#include "rules/yaml_preparse.h"

namespace clauselint {

// From its compiled image when the binary has one (pack_image.h).
static std::vector<Diagnostic> load_builtin(RuleSet& rules, const BuiltinPack& pack, bool activate_library) {
  const std::string_view image = builtin_pack_image(pack.name);
  return image.empty() ? rules.load_pack(pack.yaml, std::string(pack.file), activate_library)
                       : rules.load_image(image, std::string(pack.file), activate_library);
}

// A pack file: from its cached image (pack_cache.h), else compiled and
// cached; a pack with errors is loaded from its YAML, for the diagnostics.
static std::vector<Diagnostic> load_user_pack(RuleSet& rules, const std::string& yaml, const std::string& file,
                                              bool activate_library) {
  const std::string entry = pack_cache_entry(yaml);
  std::optional<std::string> image = read_pack_cache(entry);
  if (!image) {
    std::vector<Diagnostic> problems;
    image = compile_pack(yaml, file, problems);
    if (!image) return rules.load_pack(yaml, file, activate_library);
    write_pack_cache(entry, *image);
  }
  return rules.load_image(*image, file, activate_library);
}

const RuleSet& shared_library() {
  static const RuleSet library = [] {
    RuleSet set;
    for (const auto& pack : builtin_packs())
      if (pack.library) load_builtin(set, pack, true);
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

static std::vector<Diagnostic> load_selected(RuleSet& rules, const std::vector<std::string>& selection,
                                             bool activate_libraries) {
  {  // Parse the built-in packs this run needs on other threads while the first one loads.
    std::vector<std::string_view> texts;
    for (const auto& pack : builtin_packs()) {
      const bool selected = selection.empty()
                                ? pack.is_default
                                : std::find(selection.begin(), selection.end(), pack.name) != selection.end();
      const bool needed = selected || pack.library || pack_flag(pack.yaml, "vocabulary");
      if (needed && builtin_pack_image(pack.name).empty()) texts.push_back(pack.yaml);
    }
    std::sort(texts.begin(), texts.end(), [](std::string_view a, std::string_view b) { return a.size() > b.size(); });
    preparse_yaml(texts);
  }
  std::vector<Diagnostic> diagnostics;
  auto append = [&](std::vector<Diagnostic> more) {
    for (Diagnostic& d : more) d.message = shorten_quoted(d.message);  // a 1.7 MB regex is not echoed whole
    diagnostics.insert(diagnostics.end(), more.begin(), more.end());
  };
  if (selection.empty()) {
    for (const auto& pack : builtin_packs())
      if (pack.is_default) append(load_builtin(rules, pack, false));
    return diagnostics;
  }
  // Active library packs go first, so the packs that use their rules find them.
  auto is_library_file = [](const std::string& path) {
    const BoundedRead read = read_bounded(path, kMaxPackBytes);
    return read.ok && pack_flag(read.bytes, "library");
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
      if (!rules.find_pack(item)) append(load_builtin(rules, *pack, activate_libraries));
      continue;
    }
    const BoundedRead read = read_bounded(item, kMaxPackBytes);
    if (!read.ok) {
      const auto names = selectable_builtin_packs();
      if (read.too_large || read.error != "No such file or directory")
        diagnostics.push_back({item, {}, Severity::error, describe_read_failure(read, "rule pack", kMaxPackBytes)});
      else
        diagnostics.push_back({item,
                               {},
                               Severity::error,
                               fmt::format("cannot load rule pack{}: not a built-in pack ({}) and not a readable file",
                                           did_you_mean(item, names), fmt::join(names, ", "))});
      continue;
    }
    append(load_user_pack(rules, read.bytes, item, activate_libraries));
  }
  return diagnostics;
}

std::vector<Diagnostic> load_packs(RuleSet& rules, const std::vector<std::string>& selection, bool activate_libraries) {
  auto diagnostics = load_selected(rules, selection, activate_libraries);
  wait_preparsed_yaml();  // no parse left running behind the caller
  return diagnostics;
}

}  // namespace clauselint
