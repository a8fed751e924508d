// The top level of a rule pack (version, name, define, the list of rules)
// and the helpers every part of the loader uses. See rules/pack_loader.h.
#include "rules/pack_loader.h"

#include <fmt/format.h>

#include "clauselint/builtin_packs.h"
#include "clauselint/load_packs.h"
#include "clauselint/yaml_limits.h"
#include "rules/spelling.h"
#include "rules/yaml_preparse.h"
#include "yaml/checked_keys.h"

namespace clauselint {
namespace {

constexpr int kPackVersion = 1;

}  // namespace

std::vector<Diagnostic> PackLoader::load(std::string_view yaml) {
  YAML::Node root;
  if (!parse_root(yaml, root)) return diagnostics_;
  Pack pack = parse_header(root);
  if (pack.library && !activate_library_ && !has_errors(diagnostics_)) {
    // Keep its rules aside for `shared:` references.
    if (!set_.library_) set_.library_ = std::make_shared<RuleSet>();
    return set_.library_->load_pack(yaml, file_, true);
  }
  Entries entries = parse_body(root, pack.name);
  if (vocabulary_in_ != nullptr) finish(std::move(pack), entries);
  return diagnostics_;
}

// The defines, then the rules (none for a vocabulary: its defines are kept
// as named fragments every pack can use).
PackLoader::Entries PackLoader::parse_body(const YAML::Node& root, const std::string& pack) {
  parse_defines(root);
  if (vocabulary_in_ != nullptr) return parse_rule_list(root, pack);
  if (root["rules"]) error(root["rules"].Mark(), "a vocabulary pack ('vocabulary: true') holds only 'define'");
  for (const auto& [name, d] : defines_) vocabulary_out_[name] = d.regex;
  return {};
}

// Resolves the shared references (each brings its weak tier) and adds the
// pack, unless an error was found. Shared by YAML and compiled images.
void PackLoader::finish(Pack pack, Entries& entries) {
  Entries expanded;
  std::size_t next_rule = 0, next_shared = 0;
  for (const bool is_shared : entries.order) {
    expanded.order.push_back(is_shared);
    if (!is_shared) {
      expanded.parsed.push_back(std::move(entries.parsed[next_rule++]));
      continue;
    }
    const SharedRef& ref = entries.shared[next_shared++];
    expanded.shared.push_back(ref);
    for (const Rule& r : library_for(ref.id).rules())
      if (r.weak_of == ref.id && !ref.id.empty()) {
        expanded.shared.push_back(ref);
        expanded.shared.back().id = r.id;
        expanded.order.push_back(true);
      }
  }
  std::vector<std::pair<int, Rule>> resolved;  // (index of a rule already loaded, or -1 with a copy)
  for (const SharedRef& ref : expanded.shared) resolved.push_back(resolve(ref, pack.name));
  if (has_errors(diagnostics_)) return;
  add_rules(pack, expanded, resolved);
  set_.packs_.push_back(std::move(pack));
}

void PackLoader::check_name_free(const std::string& name, const YAML::Mark& mark) {
  if (const Pack* other = set_.find_pack(name); other && !name.empty())
    error(mark, fmt::format("a pack named '{}' is already loaded (from {})", name, other->file));
}

void PackLoader::take_vocabulary(Vocabulary& out) {
  for (auto& [name, regex] : vocabulary_out_) out[name] = std::move(regex);
}

// Checks the limits, then parses the YAML into `root`, which must be a
// mapping. False when the pack cannot be read any further.
bool PackLoader::parse_root(std::string_view yaml, YAML::Node& root) {
  // The built-in packs ship in the binary and are tested at build time.
  for (const auto& b : builtin_packs()) builtin_ = builtin_ || (b.file == file_ && b.yaml.data() == yaml.data());
  if (const auto limit =
          builtin_ ? std::nullopt : check_yaml_limits(yaml)) {  // depth, alias bombs: before yaml-cpp builds anything
    diagnostics_.push_back({file_, limit->position, Severity::error, limit->message});
    return false;
  }
  yaml_ = yaml;
  if (!pack_flag(yaml, "vocabulary")) vocabulary_in_ = &shared_vocabulary();
  try {
    const auto preparsed = builtin_ ? take_preparsed_yaml(yaml) : std::nullopt;
    root = preparsed ? *preparsed : YAML::Load(std::string(yaml));
  } catch (const YAML::ParserException& e) {
    error(e.mark, fmt::format("invalid YAML: {} (check quotes, brackets and indentation up to here)", e.msg));
    return false;
  } catch (const YAML::Exception& e) {
    error(e.mark, fmt::format("invalid YAML: {}", e.msg));
    return false;
  }
  if (!root.IsMap()) {
    error(root.Mark(), "a rule pack must be a YAML mapping with keys clauselint-pack, name and rules");
    return false;
  }
  return true;
}

// The keys, the format version, and the pack's own fields.
Pack PackLoader::parse_header(const YAML::Node& root) {
  check_keys(root, {"clauselint-pack", "name", "description", "default", "library", "vocabulary", "define", "rules"},
             "the pack");
  const YAML::Node version = root["clauselint-pack"];
  if (!version) {
    error(root.Mark(), "missing 'clauselint-pack: 1' (the pack format version) at the top of the pack");
  } else if (!version.IsScalar() || version.Scalar() != std::to_string(kPackVersion)) {
    error(version.Mark(), fmt::format("unsupported pack format '{}': this clauselint reads 'clauselint-pack: {}'",
                                      version.IsScalar() ? version.Scalar() : "?", kPackVersion));
  }
  Pack pack;
  pack.file = file_;
  pack.name = required_string(root, "name", "the pack");
  if (!pack.name.empty() && !is_kebab(pack.name))
    error(root["name"].Mark(), fmt::format("pack name '{}' must be kebab-case (a-z, 0-9 and '-')", pack.name));
  const YAML::Node name = root["name"];  // (Mark() of a missing key throws)
  check_name_free(pack.name, name ? name.Mark() : root.Mark());
  pack.description = optional_string(root, "description");
  pack.is_default = boolean(root, "default");
  pack.library = boolean(root, "library");
  library_ = pack.library;
  return pack;
}

void PackLoader::parse_defines(const YAML::Node& root) {
  const YAML::Node define = root["define"];
  if (!define) return;
  if (!define.IsMap()) {
    error(define.Mark(), "'define' must be a mapping of names to patterns");
    return;
  }
  for (const auto& kv : define) {
    const std::string name = kv.first.Scalar();
    if (defines_.count(name))
      error(kv.first.Mark(), fmt::format("'{}' is defined twice", name));
    else if (!pack_language::is_fragment_name(name))
      error(kv.first.Mark(),
            fmt::format("define name '{}' must be kebab-case (a-z, 0-9 and '-'), starting with a letter", name));
    defines_[name] = parse_define(kv.second, name);
  }
}

PackLoader::Entries PackLoader::parse_rule_list(const YAML::Node& root, const std::string& pack) {
  Entries entries;
  const YAML::Node rules = root["rules"];
  if (!rules) {
    error(root.Mark(), "missing 'rules': a pack needs a list of rules");
    return entries;
  }
  if (!rules.IsSequence() || rules.size() == 0) {
    error(rules.Mark(), "'rules' must be a non-empty list of rules");
    return entries;
  }
  for (const auto& node : rules) {
    if (node.IsMap() && node["shared"]) {
      entries.shared.push_back(parse_shared(node));
      entries.order.push_back(true);
      continue;
    }
    entries.parsed.push_back(parse_rule(node, pack));
    entries.order.push_back(false);
    if (pending_weak_) {
      entries.parsed.push_back(std::move(*pending_weak_));
      pending_weak_.reset();
      entries.order.push_back(false);
    }
  }
  return entries;
}

// Adds the pack's rules to the set in pack order: its own rules, copies of
// shared rules, and this pack's citations and tags on shared rules another
// pack already brought.
void PackLoader::add_rules(Pack& pack, Entries& entries, std::vector<std::pair<int, Rule>>& resolved) {
  std::size_t next_rule = 0, next_shared = 0;
  for (const bool is_shared : entries.order) {
    if (!is_shared) {
      pack.rules.push_back(static_cast<int>(set_.rules_.size()));
      set_.rules_.push_back(std::move(entries.parsed[next_rule++]));
      continue;
    }
    const SharedRef& ref = entries.shared[next_shared];
    auto& [index, rule] = resolved[next_shared++];
    if (index < 0) {
      pack.rules.push_back(static_cast<int>(set_.rules_.size()));
      set_.rules_.push_back(std::move(rule));
      continue;
    }
    Rule& existing = set_.rules_[static_cast<std::size_t>(index)];
    existing.pack += "+" + pack.name;
    merge_citations_and_tags(existing, ref);
    pack.rules.push_back(index);
  }
  // Built-in rules carry the precision measured for them (rules/measured/precision.yaml;
  // an image has it already, and shared copies bring the library's).
  if (is_builtin_pack(pack.name) && !from_image_)
    for (const int i : pack.rules)
      set_.rules_[static_cast<std::size_t>(i)].precision =
          builtin_precision_of(set_.rules_[static_cast<std::size_t>(i)].id);
}

bool PackLoader::is_builtin_pack(const std::string& name) const {
  const BuiltinPack* builtin = find_builtin_pack(name);
  return builtin && builtin->file == file_;
}

void PackLoader::error(const YAML::Mark& mark, std::string message) {
  Position pos;
  if (mark.line >= 0) pos = {mark.line + 1, mark.column + 1};
  diagnostics_.push_back({file_, pos, Severity::error, std::move(message)});
}

void PackLoader::check_keys(const YAML::Node& map, std::initializer_list<std::string_view> allowed,
                            const std::string& where) {
  for (auto& problem : clauselint::check_keys(map, allowed, where)) {
    if (!problem.suggested.empty()) suggested_.insert(problem.suggested);
    error(problem.mark, std::move(problem.message));
  }
}

bool PackLoader::boolean(const YAML::Node& map, const char* key) {
  const YAML::Node node = map[key];
  if (!node) return false;
  bool value = false;
  if (!node.IsScalar() || !YAML::convert<bool>::decode(node, value))
    error(node.Mark(), fmt::format("'{}' must be true or false", key));
  return value;
}

bool PackLoader::is_kebab(const std::string& s) {
  return is_kebab_case(s);  // not std::regex: it recursed per character
}

std::string PackLoader::required_string(const YAML::Node& map, const char* key, const std::string& where) {
  const YAML::Node node = map[key];
  if (!node) {
    if (!suggested_.count(key)) error(map.Mark(), fmt::format("{} is missing required key '{}'", where, key));
    return {};
  }
  if (!node.IsScalar() || node.Scalar().empty()) {
    error(node.Mark(), fmt::format("'{}' in {} must be a non-empty string", key, where));
    return {};
  }
  return node.Scalar();
}

std::string PackLoader::optional_string(const YAML::Node& map, const char* key) {
  const YAML::Node node = map[key];
  if (!node) return {};
  if (!node.IsScalar()) error(node.Mark(), fmt::format("'{}' must be a string", key));
  return node.IsScalar() ? node.Scalar() : std::string();
}

std::vector<std::string> PackLoader::string_list(const YAML::Node& node, const std::string& what, bool allow_scalar) {
  std::vector<std::string> out;
  if (allow_scalar && node.IsScalar()) {
    out.push_back(node.Scalar());
  } else if (node.IsSequence()) {
    for (const auto& item : node) {
      if (item.IsScalar())
        out.push_back(item.Scalar());
      else
        error(item.Mark(), fmt::format("every item of {} must be a string", what));
    }
  } else {
    error(node.Mark(), fmt::format("{} must be {}a list of strings", what, allow_scalar ? "a string or " : ""));
  }
  return out;
}

std::vector<Diagnostic> RuleSet::load_pack(std::string_view yaml, const std::string& file, bool activate_library) {
  PackLoader loader(*this, file, activate_library);
  return loader.load(yaml);
}

std::vector<Diagnostic> load_vocabulary(std::string_view yaml, const std::string& file, Vocabulary& out) {
  RuleSet scratch;
  PackLoader loader(scratch, file, false);
  auto diagnostics = loader.load(yaml);
  loader.take_vocabulary(out);
  return diagnostics;
}

}  // namespace clauselint
