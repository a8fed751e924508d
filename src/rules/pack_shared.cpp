// `- shared: id` entries of a pack: references to rules of a library pack
// (a library pack file, else the built-in library), resolved to the rule
// another pack already brought or to a copy of its definition.
// See rules/pack_loader.h.
#include <algorithm>

#include <fmt/format.h>

#include "clauselint/load_packs.h"
#include "rules/pack_loader.h"

namespace clauselint {

PackLoader::SharedRef PackLoader::parse_shared(const YAML::Node& node) {
  SharedRef ref;
  ref.mark = node["shared"].Mark();
  ref.id = node["shared"].IsScalar() ? node["shared"].Scalar() : "";
  const std::string where = fmt::format("shared rule '{}'", ref.id);
  check_keys(node, {"shared", "citation", "tags"}, where);
  if (const YAML::Node c = node["citation"])
    ref.citations = string_list(c, fmt::format("'citation' of {}", where), true);
  else
    error(node.Mark(), fmt::format("{} needs this pack's 'citation' (the law that requires it here)", where));
  if (const YAML::Node t = node["tags"]) ref.tags = string_list(t, fmt::format("'tags' of {}", where), false);
  return ref;
}

// Where a shared rule is defined: a library pack file, else the built-in library.
const RuleSet& PackLoader::library_for(const std::string& id) const {
  const RuleSet* from_files = set_.library();
  return from_files && from_files->find_rule(id) ? *from_files : shared_library();
}

// A shared rule already loaded (index), or a copy of its library definition.
std::pair<int, Rule> PackLoader::resolve(const SharedRef& ref, const std::string& pack) {
  for (std::size_t i = 0; i < set_.rules_.size(); ++i) {
    if (set_.rules_[i].id != ref.id) continue;
    if (!set_.rules_[i].shared)
      error(ref.mark, fmt::format("'{}' is a rule of pack '{}', not a shared rule", ref.id, set_.rules_[i].pack));
    return {static_cast<int>(i), Rule{}};
  }
  const RuleSet& library = library_for(ref.id);
  const Rule* def = library.find_rule(ref.id);
  if (!def) {
    std::string names;
    for (const auto& r : library.rules()) names += (names.empty() ? "" : ", ") + r.id;
    error(ref.mark, fmt::format("unknown shared rule '{}'; the shared rules are: {}", ref.id, names));
    return {-1, Rule{}};
  }
  Rule rule = *def;
  rule.pack = pack;
  rule.shared = true;
  merge_citations_and_tags(rule, ref);
  reintern(rule, library.matchers());
  return {-1, std::move(rule)};
}

// Matcher indexes of a copied rule point into another table (the library's,
// or a compiled image's): re-intern them in this set's.
void PackLoader::reintern(Rule& rule, const std::vector<Matcher>& table) {
  auto remap = [&](auto& self, Condition& c) -> void {
    if (c.matcher >= 0) c.matcher = set_.add_matcher(table[static_cast<std::size_t>(c.matcher)]);
    for (int& u : c.unless) u = set_.add_matcher(table[static_cast<std::size_t>(u)]);
    for (auto& child : c.children) self(self, child);
  };
  remap(remap, rule.check);
  if (rule.when) remap(remap, *rule.when);
  if (rule.topic) remap(remap, *rule.topic);
  if (rule.locate) remap(remap, *rule.locate);
  for (auto& element : rule.elements) remap(remap, element.second);
  for (int& m : rule.belongs_under) m = set_.add_matcher(table[static_cast<std::size_t>(m)]);
}

// Adds the referencing pack's citations and tags that the rule lacks, in order.
void PackLoader::merge_citations_and_tags(Rule& rule, const SharedRef& ref) {
  const auto merge = [](std::vector<std::string>& into, const std::vector<std::string>& from) {
    for (const auto& item : from)
      if (std::find(into.begin(), into.end(), item) == into.end()) into.push_back(item);
  };
  merge(rule.citations, ref.citations);
  merge(rule.tags, ref.tags);
}

}  // namespace clauselint
