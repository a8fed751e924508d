// PackLoader: reads one YAML rule pack into a RuleSet (behind
// RuleSet::load_pack and load_vocabulary). Private to src/rules/. One loader
// reads one pack, once. Its member definitions are split by job:
//   pack_loader.cpp  the pack's top level (version, name, define, the list of
//                    rules) and the helpers every part uses (errors, keys,
//                    strings);
//   pack_terms.cpp   terms (regex, phrase, words, extract, use) and
//                    condition trees;
//   pack_rules.cpp   rules, their `weak:` tier and their examples;
//   pack_shared.cpp  `- shared: id` references to library rules;
//   pack_image.cpp   the pack as a compiled image, and back (pack_image.h).
// Errors: every problem becomes an error Diagnostic at its YAML position;
// nothing throws. The pack is added only when there is no error.
#pragma once

#include <initializer_list>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "clauselint/diagnostic.h"
#include "clauselint/rule_set.h"
#include "rules/pack_language.h"

namespace clauselint {

class PackLoader {
 public:
  PackLoader(RuleSet& set, const std::string& file, bool activate_library)
      : set_(set), file_(file), activate_library_(activate_library) {}

  std::vector<Diagnostic> load(std::string_view yaml);
  void take_vocabulary(Vocabulary& out);
  // pack_image.cpp: the pack compiled to an image (pack_image.h), into a set
  // that must be empty; and an image loaded as load() loads YAML.
  std::optional<std::string> compile(std::string_view yaml, std::vector<Diagnostic>& diagnostics, bool with_code);
  std::vector<Diagnostic> load_image(std::string_view image);

 private:
  // `- shared: effective-date` with this pack's citations and tags.
  struct SharedRef {
    std::string id;
    std::vector<std::string> citations;
    std::vector<std::string> tags;
    YAML::Mark mark;
  };

  // A named define: its regex (fragments expanded) for `{name}` references,
  // and its matcher for `use: name`.
  struct Define {
    std::string regex;
    int matcher = -1;        // -1: not compiled yet (built-in packs compile on first use)
    bool extractor = false;  // an extractor cannot be spliced into a pattern
    std::string source;      // the matcher's source (the regex, or "phrase: ...")
  };

  // The entries of `rules:` in pack order: own rules and shared references.
  struct Entries {
    std::vector<Rule> parsed;
    std::vector<SharedRef> shared;
    std::vector<bool> order;  // per entry, in pack order: true for a shared reference
  };

  std::optional<std::string> compile(std::string_view yaml, bool with_code);

  // pack_loader.cpp: the pack's top level.
  bool parse_root(std::string_view yaml, YAML::Node& root);
  Pack parse_header(const YAML::Node& root);
  void parse_defines(const YAML::Node& root);
  Entries parse_body(const YAML::Node& root, const std::string& pack);
  Entries parse_rule_list(const YAML::Node& root, const std::string& pack);
  void finish(Pack pack, Entries& entries);
  void check_name_free(const std::string& name, const YAML::Mark& mark);
  void add_rules(Pack& pack, Entries& entries, std::vector<std::pair<int, Rule>>& resolved);
  bool is_builtin_pack(const std::string& name) const;

  // pack_loader.cpp: helpers.
  void error(const YAML::Mark& mark, std::string message);
  void check_keys(const YAML::Node& map, std::initializer_list<std::string_view> allowed, const std::string& where);
  bool boolean(const YAML::Node& map, const char* key);
  std::string required_string(const YAML::Node& map, const char* key, const std::string& where);
  std::string optional_string(const YAML::Node& map, const char* key);
  std::vector<std::string> string_list(const YAML::Node& node, const std::string& what, bool allow_scalar);
  static bool is_kebab(const std::string& s);

  // pack_terms.cpp: terms and conditions.
  YAML::Mark regex_mark(YAML::Mark mark, const std::string& regex, std::size_t offset) const;
  const std::string* fragment(std::string_view name, std::string& problem) const;
  std::optional<std::string> expand(const YAML::Node& node, std::string_view text, bool phrase,
                                    const std::string& where);
  int regex_matcher(const YAML::Node& node, const std::string& regex, const std::string& written,
                    const std::string& source, const std::string& name, const std::string& where);
  std::optional<Define> parse_term_regex(const YAML::Node& node, const std::string& where, const std::string& name);
  std::optional<Define> term_from_regex(const YAML::Node& value, const std::string& written, bool phrase,
                                        const std::string& where, const std::string& name);
  std::optional<Define> term_from_words(const YAML::Node& node, const std::string& where, const std::string& name);
  std::optional<Define> term_from_extractor(const YAML::Node& value, const std::string& text, const std::string& where);
  std::optional<Define> term_from_use(const YAML::Node& value, const std::string& text, const std::string& where);
  Define parse_define(const YAML::Node& node, const std::string& name);
  int parse_term(const YAML::Node& node, const std::string& where);
  Condition parse_condition(const YAML::Node& node, const std::string& where);
  bool parse_condition_head(const YAML::Node& node, const std::string& where, Condition& cond);
  void parse_condition_options(const YAML::Node& node, const std::string& where, Condition& cond);

  // pack_rules.cpp: rules, the weak tier, examples.
  Rule parse_rule(const YAML::Node& node, const std::string& pack);
  void parse_rule_id(const YAML::Node& node, const std::string& id);
  void parse_rule_fields(const YAML::Node& node, Rule& rule, const std::string& where);
  void parse_rule_check(const YAML::Node& node, Rule& rule, const std::string& where);
  void parse_topic(const YAML::Node& topic, Rule& rule, const std::string& where);
  std::optional<Rule> parse_weak(const YAML::Node& node, Rule& main, const std::string& main_where);
  void parse_weak_fields(const YAML::Node& node, const Rule& main, Rule& weak, const std::string& where);
  void parse_weak_checks(const YAML::Node& node, Rule& main, Rule& weak, const std::string& where);
  void parse_examples(const YAML::Node& node, Rule& rule, const std::string& where);
  static bool forbid_shape_ok(const Condition& c);

  // pack_shared.cpp: shared references.
  SharedRef parse_shared(const YAML::Node& node);
  const RuleSet& library_for(const std::string& id) const;
  std::pair<int, Rule> resolve(const SharedRef& ref, const std::string& pack);
  void reintern(Rule& rule, const std::vector<Matcher>& table);
  static void merge_citations_and_tags(Rule& rule, const SharedRef& ref);

  RuleSet& set_;
  std::string file_;
  bool activate_library_ = false;
  std::string_view yaml_;
  bool library_ = false;             // loading a library pack: rules may leave citations to the packs that use them
  std::set<std::string> suggested_;  // keys a misspelt key was taken for (no second error for them)
  std::vector<Diagnostic> diagnostics_;
  std::map<std::string, Define> defines_;
  bool builtin_ = false;                       // a built-in pack (tested at build time)
  bool from_image_ = false;                    // loading a compiled image: precision already set
  const Vocabulary* vocabulary_in_ = nullptr;  // fragments every pack may use
  Vocabulary vocabulary_out_;                  // loading a vocabulary: its fragments
  std::map<std::string, int> ids_;
  std::optional<Rule> pending_weak_;  // the weak tier of the rule just parsed
};

}  // namespace clauselint
