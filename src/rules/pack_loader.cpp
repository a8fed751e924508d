// Loads and validates one YAML rule pack into a RuleSet. Every problem is
// collected as a diagnostic with the pack's file, line and column; the pack
// is added only when there is none.
#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "clauselint/yaml_limits.h"

#include "clauselint/builtin_packs.h"
#include "yaml/checked_keys.h"
#include "clauselint/extractors.h"
#include "clauselint/rule_set.h"
#include "rules/pack_language.h"
#include "rules/yaml_preparse.h"
#include "rules/spelling.h"

namespace clauselint {
namespace {

constexpr int kPackVersion = 1;

}  // namespace

class PackLoader {
 public:
  PackLoader(RuleSet& set, const std::string& file, bool activate_library)
      : set_(set), file_(file), activate_library_(activate_library) {}

  std::vector<Diagnostic> load(std::string_view yaml) {
    // The built-in packs ship in the binary and are tested at build time.
    for (const auto& b : builtin_packs()) builtin_ = builtin_ || (b.file == file_ && b.yaml.data() == yaml.data());
    if (const auto limit = builtin_ ? std::nullopt : check_yaml_limits(yaml)) {  // depth, alias bombs: before yaml-cpp builds anything
      diagnostics_.push_back({file_, limit->position, Severity::error, limit->message});
      return diagnostics_;
    }
    yaml_ = yaml;
    if (!pack_flag(yaml, "vocabulary")) vocabulary_in_ = &shared_vocabulary();
    YAML::Node root;
    try {
      const auto preparsed = builtin_ ? take_preparsed_yaml(yaml) : std::nullopt;
      root = preparsed ? *preparsed : YAML::Load(std::string(yaml));
    } catch (const YAML::ParserException& e) {
      error(e.mark, fmt::format("invalid YAML: {} (check quotes, brackets and indentation up to here)", e.msg));
      return diagnostics_;
    } catch (const YAML::Exception& e) {
      error(e.mark, fmt::format("invalid YAML: {}", e.msg));
      return diagnostics_;
    }
    if (!root.IsMap()) {
      error(root.Mark(), "a rule pack must be a YAML mapping with keys clauselint-pack, name and rules");
      return diagnostics_;
    }
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
    if (const Pack* other = set_.find_pack(pack.name); other && !pack.name.empty())
      error(root["name"].Mark(), fmt::format("a pack named '{}' is already loaded (from {})", pack.name, other->file));
    pack.description = optional_string(root, "description");
    pack.is_default = boolean(root, "default");
    pack.library = boolean(root, "library");
    library_ = pack.library;
    if (pack.library && !activate_library_ && !has_errors(diagnostics_)) {
      // Keep its rules aside for `shared:` references.
      if (!set_.library_) set_.library_ = std::make_shared<RuleSet>();
      return set_.library_->load_pack(yaml, file_, true);
    }

    if (const YAML::Node define = root["define"]) {
      if (!define.IsMap()) {
        error(define.Mark(), "'define' must be a mapping of names to patterns");
      } else {
        for (const auto& kv : define) {
          const std::string name = kv.first.Scalar();
          if (defines_.count(name)) error(kv.first.Mark(), fmt::format("'{}' is defined twice", name));
          else if (!pack_language::is_fragment_name(name))
            error(kv.first.Mark(), fmt::format("define name '{}' must be kebab-case (a-z, 0-9 and '-'), starting with a letter", name));
          defines_[name] = parse_define(kv.second, name);
        }
      }
    }
    if (vocabulary_in_ == nullptr) {
      // A vocabulary: named fragments every pack can use; no rules.
      if (root["rules"]) error(root["rules"].Mark(), "a vocabulary pack ('vocabulary: true') holds only 'define'");
      for (const auto& [name, d] : defines_) vocabulary_out_[name] = d.regex;
      return diagnostics_;
    }

    const YAML::Node rules = root["rules"];
    std::vector<Rule> parsed;
    std::vector<SharedRef> shared;
    std::vector<bool> order;  // per entry, in pack order: true for a shared reference
    if (!rules) {
      error(root.Mark(), "missing 'rules': a pack needs a list of rules");
    } else if (!rules.IsSequence() || rules.size() == 0) {
      error(rules.Mark(), "'rules' must be a non-empty list of rules");
    } else {
      for (const auto& node : rules) {
        const bool is_shared = node.IsMap() && node["shared"];
        if (is_shared) {
          shared.push_back(parse_shared(node));
          order.push_back(true);
          // A shared rule's weak tier comes with it.
          const std::string id = shared.back().id;
          for (const Rule& r : library_for(id).rules())
            if (r.weak_of == id && !id.empty()) {
              SharedRef weak = shared.back();
              weak.id = r.id;
              shared.push_back(std::move(weak));
              order.push_back(true);
            }
          continue;
        }
        parsed.push_back(parse_rule(node, pack.name));
        order.push_back(false);
        if (pending_weak_) {
          parsed.push_back(std::move(*pending_weak_));
          pending_weak_.reset();
          order.push_back(false);
        }
      }
    }
    std::vector<std::pair<int, Rule>> resolved;  // (index of a rule already loaded, or -1 with a copy)
    for (const SharedRef& ref : shared) resolved.push_back(resolve(ref, pack.name));
    if (has_errors(diagnostics_)) return diagnostics_;

    std::size_t next_rule = 0, next_shared = 0;
    for (const bool is_shared : order) {
      if (!is_shared) {
        pack.rules.push_back(static_cast<int>(set_.rules_.size()));
        set_.rules_.push_back(std::move(parsed[next_rule++]));
        continue;
      }
      const SharedRef& ref = shared[next_shared];
      auto& [index, rule] = resolved[next_shared++];
      if (index < 0) {
        pack.rules.push_back(static_cast<int>(set_.rules_.size()));
        set_.rules_.push_back(std::move(rule));
        continue;
      }
      Rule& existing = set_.rules_[static_cast<std::size_t>(index)];
      existing.pack += "+" + pack.name;
      for (const auto& c : ref.citations)
        if (std::find(existing.citations.begin(), existing.citations.end(), c) == existing.citations.end())
          existing.citations.push_back(c);
      for (const auto& t : ref.tags)
        if (std::find(existing.tags.begin(), existing.tags.end(), t) == existing.tags.end()) existing.tags.push_back(t);
      pack.rules.push_back(index);
    }
    // Built-in rules carry the precision measured for them (rules/measured/precision.yaml).
    if (const BuiltinPack* builtin = find_builtin_pack(pack.name); builtin && builtin->file == file_)
      for (const int i : pack.rules) set_.rules_[static_cast<std::size_t>(i)].precision = builtin_precision_of(set_.rules_[static_cast<std::size_t>(i)].id);
    set_.packs_.push_back(std::move(pack));
    return diagnostics_;
  }

  void take_vocabulary(Vocabulary& out) {
    for (auto& [name, regex] : vocabulary_out_) out[name] = std::move(regex);
  }

 private:
  // `- shared: effective-date` with this pack's citations and tags.
  struct SharedRef {
    std::string id;
    std::vector<std::string> citations;
    std::vector<std::string> tags;
    YAML::Mark mark;
  };

  bool boolean(const YAML::Node& map, const char* key) {
    const YAML::Node node = map[key];
    if (!node) return false;
    bool value = false;
    if (!node.IsScalar() || !YAML::convert<bool>::decode(node, value))
      error(node.Mark(), fmt::format("'{}' must be true or false", key));
    return value;
  }

  SharedRef parse_shared(const YAML::Node& node) {
    SharedRef ref;
    ref.mark = node["shared"].Mark();
    ref.id = node["shared"].IsScalar() ? node["shared"].Scalar() : "";
    const std::string where = fmt::format("shared rule '{}'", ref.id);
    check_keys(node, {"shared", "citation", "tags"}, where);
    if (const YAML::Node c = node["citation"]) ref.citations = string_list(c, fmt::format("'citation' of {}", where), true);
    else error(node.Mark(), fmt::format("{} needs this pack's 'citation' (the law that requires it here)", where));
    if (const YAML::Node t = node["tags"]) ref.tags = string_list(t, fmt::format("'tags' of {}", where), false);
    return ref;
  }

  // A shared rule already loaded (index), or a copy of its library definition.
  // Where a shared rule is defined: a library pack file, else the built-in library.
  const RuleSet& library_for(const std::string& id) const {
    const RuleSet* from_files = set_.library();
    return from_files && from_files->find_rule(id) ? *from_files : shared_library();
  }

  std::pair<int, Rule> resolve(const SharedRef& ref, const std::string& pack) {
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
    for (const auto& c : ref.citations)
      if (std::find(rule.citations.begin(), rule.citations.end(), c) == rule.citations.end()) rule.citations.push_back(c);
    for (const auto& t : ref.tags)
      if (std::find(rule.tags.begin(), rule.tags.end(), t) == rule.tags.end()) rule.tags.push_back(t);
    // Matcher indexes point into the library's table: re-intern them here.
    auto remap = [&](auto& self, Condition& c) -> void {
      if (c.matcher >= 0) c.matcher = set_.add_matcher(library.matchers()[static_cast<std::size_t>(c.matcher)]);
      for (int& u : c.unless) u = set_.add_matcher(library.matchers()[static_cast<std::size_t>(u)]);
      for (auto& child : c.children) self(self, child);
    };
    remap(remap, rule.check);
    if (rule.when) remap(remap, *rule.when);
    if (rule.topic) remap(remap, *rule.topic);
    if (rule.locate) remap(remap, *rule.locate);
    for (auto& element : rule.elements) remap(remap, element.second);
    for (int& m : rule.belongs_under) m = set_.add_matcher(library.matchers()[static_cast<std::size_t>(m)]);
    return {-1, std::move(rule)};
  }

  void error(const YAML::Mark& mark, std::string message) {
    Position pos;
    if (mark.line >= 0) pos = {mark.line + 1, mark.column + 1};
    diagnostics_.push_back({file_, pos, Severity::error, std::move(message)});
  }

  // The position of byte `offset` of `regex` when the scalar at `mark` holds
  // it verbatim on one line (quoted or not); else the scalar's own position.
  YAML::Mark regex_mark(YAML::Mark mark, const std::string& regex, std::size_t offset) const {
    if (mark.line < 0) return mark;
    std::size_t line_start = 0;
    for (int l = 0; l < mark.line && line_start != std::string_view::npos; ++l) {
      line_start = yaml_.find('\n', line_start);
      if (line_start != std::string_view::npos) ++line_start;
    }
    if (line_start == std::string_view::npos) return mark;
    std::size_t at = line_start + static_cast<std::size_t>(mark.column);
    if (at < yaml_.size() && (yaml_[at] == '\'' || yaml_[at] == '"')) ++at;
    if (yaml_.substr(at, regex.size()) != regex) return mark;
    int column = static_cast<int>(at - line_start);  // 0-based, in code points for ASCII indentation
    for (std::size_t i = 0; i < offset && i < regex.size(); ++i)
      if ((static_cast<unsigned char>(regex[i]) & 0xC0) != 0x80) ++column;
    mark.column = column;
    return mark;
  }

  static bool is_kebab(const std::string& s) {
    return is_kebab_case(s);  // not std::regex: it recursed per character
  }

  void check_keys(const YAML::Node& map, std::initializer_list<std::string_view> allowed, const std::string& where) {
    for (auto& problem : clauselint::check_keys(map, allowed, where)) {
      if (!problem.suggested.empty()) suggested_.insert(problem.suggested);
      error(problem.mark, std::move(problem.message));
    }
  }

  std::string required_string(const YAML::Node& map, const char* key, const std::string& where) {
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

  std::string optional_string(const YAML::Node& map, const char* key) {
    const YAML::Node node = map[key];
    if (!node) return {};
    if (!node.IsScalar()) error(node.Mark(), fmt::format("'{}' must be a string", key));
    return node.IsScalar() ? node.Scalar() : std::string();
  }

  std::vector<std::string> string_list(const YAML::Node& node, const std::string& what, bool allow_scalar) {
    std::vector<std::string> out;
    if (allow_scalar && node.IsScalar()) {
      out.push_back(node.Scalar());
    } else if (node.IsSequence()) {
      for (const auto& item : node) {
        if (item.IsScalar()) out.push_back(item.Scalar());
        else error(item.Mark(), fmt::format("every item of {} must be a string", what));
      }
    } else {
      error(node.Mark(), fmt::format("{} must be {}a list of strings", what, allow_scalar ? "a string or " : ""));
    }
    return out;
  }

  // A named define: its regex (fragments expanded) for `{name}` references,
  // and its matcher for `use: name`.
  struct Define {
    std::string regex;
    int matcher = -1;        // -1: not compiled yet (built-in packs compile on first use)
    bool extractor = false;  // an extractor cannot be spliced into a pattern
    std::string source;      // the matcher's source (the regex, or "phrase: ...")
  };

  // The regex of a fragment: this pack's define, else the shared vocabulary.
  const std::string* fragment(std::string_view name, std::string& problem) const {
    if (const auto it = defines_.find(std::string(name)); it != defines_.end()) {
      if (!it->second.extractor) return &it->second.regex;
      problem = fmt::format("'{{{}}}' is an extractor: use it as a term ({{use: {}}}), not inside a pattern", name, name);
      return nullptr;
    }
    if (vocabulary_in_)
      if (const auto it = vocabulary_in_->find(name); it != vocabulary_in_->end()) return &it->second;
    return nullptr;
  }

  std::optional<std::string> expand(const YAML::Node& node, std::string_view text, bool phrase, const std::string& where) {
    std::string problem;
    const pack_language::Lookup lookup = [this](std::string_view name, std::string& p) { return fragment(name, p); };
    auto out = phrase ? pack_language::phrase_regex(text, lookup, problem)
                      : pack_language::expand_fragments(text, lookup, problem);
    if (!out) error(node.Mark(), fmt::format("{}: {}", where, problem));
    return out;
  }

  int regex_matcher(const YAML::Node& node, const std::string& regex, const std::string& written, const std::string& source,
                    const std::string& name, const std::string& where) {
    std::string message;
    std::size_t offset = 0;
    // Built-in packs compile on first use (tests/unit/prefilter_test.cpp compiles them all).
    auto pattern = builtin_ ? Pattern::deferred(regex) : Pattern::compile(regex, message, offset);
    if (!pattern) {
      const bool as_written = regex == written;
      error(as_written ? regex_mark(node.Mark(), regex, offset) : node.Mark(),
            fmt::format("{}: invalid regex: {} at offset {} in '{}'", where, message, offset,
                        as_written ? regex : regex + "' (expanded from '" + written + "')"));
      return -1;
    }
    return set_.add_matcher({source, std::move(pattern), nullptr, name});
  }

  // A term's regex: "regex", {pattern: regex}, {phrase: words}, {words: [...],
  // inflect: ...}, {extract: name} or {use: name}. `name` names a define.
  std::optional<Define> parse_term_regex(const YAML::Node& node, const std::string& where, const std::string& name) {
    auto from_regex = [&](const YAML::Node& value, const std::string& written, bool phrase) -> std::optional<Define> {
      const auto regex = expand(value, written, phrase, where);
      if (!regex) return std::nullopt;
      Define d{*regex, -1, false, {}};
      d.source = phrase ? "phrase: " + written : *regex;
      // A built-in pack's defines compile when a rule uses them (start-up
      // time); the tests compile every one. Other packs' defines compile
      // here, so that an error points at the define itself.
      if (!name.empty() && builtin_) return d;
      d.matcher = regex_matcher(value, *regex, written, d.source, name, where);
      if (d.matcher < 0) return std::nullopt;
      return d;
    };
    if (node.IsScalar()) return from_regex(node, node.Scalar(), false);
    if (node.IsMap() && node["words"]) {
      check_keys(node, {"words", "inflect"}, where);
      const auto words = string_list(node["words"], fmt::format("'words' of {}", where), false);
      auto inflect = pack_language::Inflect::none;
      if (const YAML::Node i = node["inflect"]) {
        const auto parsed = i.IsScalar() ? pack_language::parse_inflect(i.Scalar()) : std::nullopt;
        if (!parsed) error(i.Mark(), fmt::format("{}: 'inflect' must be verb, noun or none", where));
        else inflect = *parsed;
      }
      if (words.empty()) {
        error(node["words"].Mark(), fmt::format("{}: 'words' takes a non-empty list", where));
        return std::nullopt;
      }
      const std::string regex = pack_language::words_regex(words, inflect);
      Define d{regex, -1, false, regex};
      if (!name.empty() && builtin_) return d;  // compiled on first use, as above
      d.matcher = regex_matcher(node, regex, regex, regex, name, where);
      if (d.matcher < 0) return std::nullopt;
      return d;
    }
    if (!node.IsMap() || node.size() != 1) {
      error(node.Mark(), fmt::format("{}: expected a regex string or one of pattern:, phrase:, words:, extract:, use:", where));
      return std::nullopt;
    }
    const auto kv = *node.begin();
    const std::string key = kv.first.Scalar();
    const YAML::Node value = kv.second;
    if (!value.IsScalar()) {
      error(value.Mark(), fmt::format("{}: '{}' takes a string", where, key));
      return std::nullopt;
    }
    const std::string text = value.Scalar();
    if (key == "pattern") return from_regex(value, text, false);
    if (key == "phrase") return from_regex(value, text, true);
    if (key == "extract") {
      const Extractor* ex = find_extractor(text);
      if (!ex) {
        std::string names;
        for (const auto& e : extractors()) names += (names.empty() ? "" : ", ") + std::string(e.name);
        error(value.Mark(), fmt::format("{}: unknown extractor '{}'; built-in extractors are: {}", where, text, names));
        return std::nullopt;
      }
      std::string message;
      std::size_t offset = 0;
      auto pattern = Pattern::compile(ex->regex, message, offset);
      return Define{std::string(ex->regex), set_.add_matcher({"extract: " + text, std::move(pattern), ex->accept, "extract: " + text}),
                    true, {}};
    }
    if (key == "use") {
      if (const auto it = defines_.find(text); it != defines_.end()) {
        Define& d = it->second;
        if (d.matcher < 0 && !d.extractor) d.matcher = regex_matcher(value, d.regex, d.regex, d.source, text, where);
        if (d.matcher < 0) return std::nullopt;
        return d;
      }
      std::string ignored;
      if (const std::string* regex = fragment(text, ignored)) {  // the shared vocabulary
        Define d{*regex, -1, false, {}};
        d.matcher = regex_matcher(value, *regex, *regex, *regex, text, where);
        if (d.matcher < 0) return std::nullopt;
        return d;
      }
      error(value.Mark(), fmt::format("{}: '{}' is not defined in this pack's 'define' section nor in the shared vocabulary",
                                      where, text));
      return std::nullopt;
    }
    error(kv.first.Mark(), fmt::format("{}: unknown term '{}'; expected pattern, phrase, words, extract or use", where, key));
    return std::nullopt;
  }

  Define parse_define(const YAML::Node& node, const std::string& name) {
    const auto d = parse_term_regex(node, fmt::format("define '{}'", name), name);
    return d ? *d : Define{};
  }

  int parse_term(const YAML::Node& node, const std::string& where) {
    const auto d = parse_term_regex(node, where, "");
    return d ? d->matcher : -1;
  }

  Condition parse_condition(const YAML::Node& node, const std::string& where) {
    Condition cond;
    if (node.IsMap() && node.size() == 1 && node["front-matter"]) {
      cond.kind = Condition::Kind::front_matter;
      if (!node["front-matter"].IsScalar() || node["front-matter"].Scalar().empty())
        error(node["front-matter"].Mark(), fmt::format("{}: 'front-matter' takes 'policy-date' or a key name", where));
      else
        cond.front_matter = node["front-matter"].Scalar();
      return cond;
    }
    if (node.IsScalar() || (node.IsMap() && node.size() == 1 &&
                            (node["pattern"] || node["phrase"] || node["extract"] || node["use"] || node["words"])) ||
        (node.IsMap() && node.size() == 2 && node["words"] && node["inflect"])) {
      cond.matcher = parse_term(node, where);
      return cond;
    }
    if (node.IsSequence()) {
      error(node.Mark(), fmt::format("{}: a list needs a key: write 'any: [...]' or 'all: [...]'", where));
      return cond;
    }
    if (!node.IsMap()) {
      error(node.Mark(), fmt::format("{}: expected a pattern or a mapping with any:, all: or not:", where));
      return cond;
    }
    check_keys(node, {"any", "all", "not", "pattern", "phrase", "words", "inflect", "extract", "use", "within", "near",
                      "at-least", "unless"},
               where);
    const int heads = !!node["any"] + !!node["all"] + !!node["not"] + !!node["pattern"] + !!node["phrase"] +
                      !!node["words"] + !!node["extract"] + !!node["use"];
    if (heads != 1) {
      error(node.Mark(), fmt::format("{}: give exactly one of any:, all:, not:, pattern:, phrase:, words:, extract:, use:", where));
      return cond;
    }
    if (node["any"] || node["all"]) {
      const bool all = static_cast<bool>(node["all"]);
      cond.kind = all ? Condition::Kind::all : Condition::Kind::any;
      const YAML::Node list = node[all ? "all" : "any"];
      if (!list.IsSequence() || list.size() == 0) {
        error(list.Mark(), fmt::format("{}: '{}' takes a non-empty list", where, all ? "all" : "any"));
        return cond;
      }
      for (const auto& child : list) cond.children.push_back(parse_condition(child, where));
    } else if (node["not"]) {
      cond.kind = Condition::Kind::negate;
      cond.children.push_back(parse_condition(node["not"], where));
    } else {
      for (const char* key : {"pattern", "phrase", "words", "extract", "use"})
        if (node[key]) {
          YAML::Node term;
          term[key] = node[key];
          if (node["inflect"]) term["inflect"] = node["inflect"];
          cond.matcher = parse_term(term, where);
          if (cond.matcher < 0) return cond;
        }
    }
    if (const YAML::Node within = node["within"]; within && cond.kind != Condition::Kind::any &&
                                                   cond.kind != Condition::Kind::all) {
      error(within.Mark(), fmt::format("{}: 'within' applies to 'any' or 'all' (the parts that must hold together)", where));
    } else if (within) {
      static const std::map<std::string, Scope> scopes = {{"sentence", Scope::sentence},
                                                          {"paragraph", Scope::paragraph},
                                                          {"section", Scope::section},
                                                          {"document", Scope::document}};
      const auto it = within.IsScalar() ? scopes.find(within.Scalar()) : scopes.end();
      if (it == scopes.end()) error(within.Mark(), fmt::format("{}: 'within' must be sentence, paragraph, section or document", where));
      else cond.within = it->second;
    }
    if (const YAML::Node near = node["near"]) {
      int words = 0;
      if (cond.kind != Condition::Kind::all) {
        error(near.Mark(), fmt::format("{}: 'near' applies to 'all' (the words that must be near each other)", where));
      } else if (!near.IsScalar() || !YAML::convert<int>::decode(near, words) || words < 1 || words > 1000) {
        error(near.Mark(), fmt::format("{}: 'near' must be a number of words from 1 to 1000", where));
      } else {
        cond.near = words;
      }
    }
    if (const YAML::Node at_least = node["at-least"]) {
      int n = 0;
      if (cond.kind != Condition::Kind::any) {
        error(at_least.Mark(), fmt::format("{}: 'at-least' applies to 'any' (how many of its children must hold)", where));
      } else if (!at_least.IsScalar() || !YAML::convert<int>::decode(at_least, n) || n < 1 ||
                 n > static_cast<int>(cond.children.size())) {
        error(at_least.Mark(), fmt::format("{}: 'at-least' must be a number from 1 to the {} children of 'any'", where,
                                           cond.children.size()));
      } else {
        cond.at_least = n;
      }
    }
    if (const YAML::Node unless = node["unless"]) {
      if (unless.IsSequence()) {
        for (const auto& term : unless) cond.unless.push_back(parse_term(term, where + " (unless)"));
      } else {
        cond.unless.push_back(parse_term(unless, where + " (unless)"));
      }
    }
    return cond;
  }

  Rule parse_rule(const YAML::Node& node, const std::string& pack) {
    Rule rule;
    suggested_.clear();
    rule.pack = pack;
    rule.shared = library_;
    if (!node.IsMap()) {
      error(node.Mark(), "each rule must be a mapping (id:, title:, severity:, ...)");
      return rule;
    }
    rule.id = required_string(node, "id", "a rule");
    const std::string where = rule.id.empty() ? std::string("rule") : fmt::format("rule '{}'", rule.id);
    check_keys(node, {"id", "title", "severity", "message", "citation", "help", "tags", "belongs-under", "when",
                      "require", "forbid", "topic", "weak", "examples"},
               where);
    if (!rule.id.empty()) {
      if (!is_kebab(rule.id))
        error(node["id"].Mark(), fmt::format("rule id '{}' must be kebab-case (a-z, 0-9 and '-')", rule.id));
      const YAML::Mark mark = node["id"].Mark();
      if (const auto it = ids_.find(rule.id); it != ids_.end()) {
        error(mark, fmt::format("duplicate rule id '{}' (first defined at line {})", rule.id, it->second));
      } else if (const Rule* other = set_.find_rule(rule.id)) {
        error(mark, fmt::format("duplicate rule id '{}': pack '{}' already defines it", rule.id, other->pack));
      }
      ids_.emplace(rule.id, mark.line + 1);
    }
    rule.title = required_string(node, "title", where);
    rule.message = required_string(node, "message", where);
    rule.help = required_string(node, "help", where);
    const std::string severity = required_string(node, "severity", where);
    if (!severity.empty()) {
      if (const auto s = parse_severity(severity)) rule.severity = *s;
      else error(node["severity"].Mark(), fmt::format("{}: severity '{}' must be error, warning or note", where, severity));
    }
    if (const YAML::Node citation = node["citation"]) {
      rule.citations = string_list(citation, fmt::format("'citation' of {}", where), true);
    } else if (!suggested_.count("citation") && !library_) {
      error(node.Mark(), fmt::format("{} is missing required key 'citation' (the law or guidance it comes from)", where));
    }
    if (const YAML::Node tags = node["tags"]) rule.tags = string_list(tags, fmt::format("'tags' of {}", where), false);
    if (const YAML::Node under = node["belongs-under"]) {
      const auto list = under.IsSequence() ? under : YAML::Node();
      if (!under.IsSequence()) error(under.Mark(), fmt::format("'belongs-under' of {} must be a list of heading patterns", where));
      for (const auto& item : list) rule.belongs_under.push_back(parse_term(item, where + " (belongs-under)"));
    }

    const YAML::Node require = node["require"];
    const YAML::Node forbid = node["forbid"];
    if (!require && !forbid && (suggested_.count("require") || suggested_.count("forbid"))) {
      // already reported as a misspelt key
    } else if (!!require == !!forbid) {
      error(node.Mark(), fmt::format("{} needs exactly one check: 'require' or 'forbid'", where));
    } else if (require) {
      rule.kind = Rule::Kind::require;
      rule.check = parse_condition(require, where + " (require)");
    } else {
      rule.kind = Rule::Kind::forbid;
      rule.check = parse_condition(forbid, where + " (forbid)");
      if (!forbid_shape_ok(rule.check))
        error(forbid.Mark(), fmt::format("{}: 'forbid' takes patterns (or 'any' of them) with optional 'unless'; "
                                         "use 'when' for context", where));
    }
    if (const YAML::Node when = node["when"]) rule.when = parse_condition(when, where + " (when)");
    if (const YAML::Node topic = node["topic"]) {
      if (rule.kind != Rule::Kind::require) error(topic.Mark(), fmt::format("{}: 'topic' applies to 'require' rules", where));
      if (!topic.IsMap() || !topic["message"]) {
        error(topic.Mark(), fmt::format("{}: 'topic' needs a condition and a 'message' for when the topic is absent", where));
      } else {
        rule.topic_message = topic["message"].Scalar();
        YAML::Node condition = YAML::Clone(topic);
        condition.remove("message");
        rule.topic = parse_condition(condition, where + " (topic)");
      }
    }
    if (const YAML::Node weak = node["weak"]) {
      if (rule.kind != Rule::Kind::require) error(weak.Mark(), fmt::format("{}: 'weak' applies to 'require' rules", where));
      else pending_weak_ = parse_weak(weak, rule, where);
    }
    parse_examples(node, rule, where);
    return rule;
  }

  // `weak:` on a require rule: a second rule, with its own id, for wording
  // that addresses the point too weakly (`accept`) or an incomplete list
  // (`elements`). The main rule's error then needs neither.
  //   main:  require: any[require, accept]
  //   weak:  when: all[main's when, any[require, accept]]; require: all[require, elements...]
  std::optional<Rule> parse_weak(const YAML::Node& node, Rule& main, const std::string& main_where) {
    if (!node.IsMap()) {
      error(node.Mark(), fmt::format("{}: 'weak' must be a mapping (id:, title:, message:, help:, accept: or elements:, examples:)", main_where));
      return std::nullopt;
    }
    Rule weak;
    weak.pack = main.pack;
    weak.shared = main.shared;
    weak.weak_of = main.id;
    weak.kind = Rule::Kind::require;
    weak.severity = Severity::warning;
    weak.id = required_string(node, "id", fmt::format("the 'weak' rule of {}", main_where));
    const std::string where = fmt::format("rule '{}' (the weak tier of '{}')", weak.id, main.id);
    check_keys(node, {"id", "title", "severity", "message", "citation", "help", "tags", "accept", "elements", "examples"}, where);
    if (!weak.id.empty()) {
      if (!is_kebab(weak.id))
        error(node["id"].Mark(), fmt::format("rule id '{}' must be kebab-case (a-z, 0-9 and '-')", weak.id));
      else if (weak.id == main.id || ids_.count(weak.id) || set_.find_rule(weak.id))
        error(node["id"].Mark(), fmt::format("duplicate rule id '{}'", weak.id));
      ids_.emplace(weak.id, node["id"].Mark().line + 1);
    }
    weak.title = required_string(node, "title", where);
    weak.message = required_string(node, "message", where);
    weak.help = required_string(node, "help", where);
    if (const YAML::Node s = node["severity"]) {
      const auto parsed = s.IsScalar() ? parse_severity(s.Scalar()) : std::nullopt;
      if (!parsed) error(s.Mark(), fmt::format("{}: severity must be error, warning or note", where));
      else weak.severity = *parsed;
    }
    weak.citations = node["citation"] ? string_list(node["citation"], fmt::format("'citation' of {}", where), true) : main.citations;
    weak.tags = node["tags"] ? string_list(node["tags"], fmt::format("'tags' of {}", where), false) : main.tags;
    weak.belongs_under = main.belongs_under;
    const YAML::Node accept = node["accept"];
    const YAML::Node elements = node["elements"];
    if (!accept && !elements)
      error(node.Mark(), fmt::format("{} needs 'accept' (weak wording) or 'elements' (the parts of a list), or both", where));
    const Condition strict = main.check;
    Condition addressed = strict;
    if (accept) {
      weak.locate = parse_condition(accept, where + " (accept)");
      Condition either;
      either.kind = Condition::Kind::any;
      either.children = {strict, *weak.locate};
      main.check = either;
      addressed = either;
    }
    Condition full;
    full.kind = Condition::Kind::all;
    full.children = {strict};
    if (elements) {
      if (!elements.IsMap() || elements.size() == 0) {
        error(elements.Mark(), fmt::format("{}: 'elements' must be a mapping of element names to conditions", where));
      } else {
        for (const auto& kv : elements) {
          weak.elements.emplace_back(kv.first.Scalar(), parse_condition(kv.second, fmt::format("{} (element '{}')", where, kv.first.Scalar())));
          full.children.push_back(weak.elements.back().second);
        }
        if (weak.message.find("{missing}") == std::string::npos)
          error(node["message"].Mark(), fmt::format("{}: with 'elements', the message must say what is missing with {{missing}}", where));
      }
    }
    weak.check = full;
    if (main.when) {
      Condition both;
      both.kind = Condition::Kind::all;
      both.children = {*main.when, addressed};
      weak.when = both;
    } else {
      weak.when = addressed;
    }
    parse_examples(node, weak, where);
    return weak;
  }

  void parse_examples(const YAML::Node& node, Rule& rule, const std::string& where) {
    if (const YAML::Node examples = node["examples"]; !examples) {
      if (!suggested_.count("examples")) error(node.Mark(), fmt::format("{} is missing 'examples' (pass: and fail: snippets the tests run)", where));
    } else if (!examples.IsMap()) {
      error(examples.Mark(), fmt::format("'examples' of {} must be a mapping with pass: and fail: lists", where));
    } else {
      check_keys(examples, {"pass", "fail"}, fmt::format("the examples of {}", where));
      for (const char* key : {"pass", "fail"}) {
        auto& list = std::string_view(key) == "pass" ? rule.pass_examples : rule.fail_examples;
        if (!examples[key]) {
          error(examples.Mark(), fmt::format("the examples of {} need at least one '{}' snippet", where, key));
          continue;
        }
        list = string_list(examples[key], fmt::format("'examples.{}' of {}", key, where), false);
        if (list.empty()) error(examples[key].Mark(), fmt::format("the examples of {} need at least one '{}' snippet", where, key));
      }
    }
  }

  static bool forbid_shape_ok(const Condition& c) {
    if (c.kind == Condition::Kind::term) return true;
    if (c.kind != Condition::Kind::any || c.at_least != 1) return false;
    return std::all_of(c.children.begin(), c.children.end(),
                       [](const Condition& k) { return k.kind == Condition::Kind::term && k.unless.empty(); });
  }

  RuleSet& set_;
  std::string file_;
  bool activate_library_ = false;
  std::string_view yaml_;
  bool library_ = false;  // loading a library pack: rules may leave citations to the packs that use them
  std::set<std::string> suggested_;  // keys a misspelt key was taken for (no second error for them)
  std::vector<Diagnostic> diagnostics_;
  std::map<std::string, Define> defines_;
  bool builtin_ = false;  // a built-in pack (tested at build time)
  const Vocabulary* vocabulary_in_ = nullptr;  // fragments every pack may use
  Vocabulary vocabulary_out_;                                        // loading a vocabulary: its fragments
  std::map<std::string, int> ids_;
  std::optional<Rule> pending_weak_;  // the weak tier of the rule just parsed
};

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
