// Terms of a pack (a regex, {pattern:}, {phrase:}, {words:}, {extract:},
// {use:}) and the condition trees built from them (any, all, not, within,
// near, at-least, unless). See rules/pack_loader.h.
#include <fmt/format.h>

#include "clauselint/extractors.h"
#include "rules/pack_loader.h"

namespace clauselint {

// The position of byte `offset` of `regex` when the scalar at `mark` holds
// it verbatim on one line (quoted or not); else the scalar's own position.
YAML::Mark PackLoader::regex_mark(YAML::Mark mark, const std::string& regex, std::size_t offset) const {
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

// The regex of a fragment: this pack's define, else the shared vocabulary.
const std::string* PackLoader::fragment(std::string_view name, std::string& problem) const {
  if (const auto it = defines_.find(std::string(name)); it != defines_.end()) {
    if (!it->second.extractor) return &it->second.regex;
    problem = fmt::format("'{{{}}}' is an extractor: use it as a term ({{use: {}}}), not inside a pattern", name, name);
    return nullptr;
  }
  if (vocabulary_in_)
    if (const auto it = vocabulary_in_->find(name); it != vocabulary_in_->end()) return &it->second;
  return nullptr;
}

std::optional<std::string> PackLoader::expand(const YAML::Node& node, std::string_view text, bool phrase,
                                              const std::string& where) {
  std::string problem;
  const pack_language::Lookup lookup = [this](std::string_view name, std::string& p) { return fragment(name, p); };
  auto out = phrase ? pack_language::phrase_regex(text, lookup, problem)
                    : pack_language::expand_fragments(text, lookup, problem);
  if (!out) error(node.Mark(), fmt::format("{}: {}", where, problem));
  return out;
}

int PackLoader::regex_matcher(const YAML::Node& node, const std::string& regex, const std::string& written,
                              const std::string& source, const std::string& name, const std::string& where) {
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
std::optional<PackLoader::Define> PackLoader::parse_term_regex(const YAML::Node& node, const std::string& where,
                                                               const std::string& name) {
  if (node.IsScalar()) return term_from_regex(node, node.Scalar(), false, where, name);
  if (node.IsMap() && node["words"]) return term_from_words(node, where, name);
  if (!node.IsMap() || node.size() != 1) {
    error(node.Mark(),
          fmt::format("{}: expected a regex string or one of pattern:, phrase:, words:, extract:, use:", where));
    return std::nullopt;
  }
  const auto kv = *node.begin();
  const std::string key = kv.first.Scalar();
  const YAML::Node value = kv.second;
  if (!value.IsScalar()) {
    error(value.Mark(), fmt::format("{}: '{}' takes a string", where, key));
    return std::nullopt;
  }
  const std::string& text = value.Scalar();
  if (key == "pattern") return term_from_regex(value, text, false, where, name);
  if (key == "phrase") return term_from_regex(value, text, true, where, name);
  if (key == "extract") return term_from_extractor(value, text, where);
  if (key == "use") return term_from_use(value, text, where);
  error(kv.first.Mark(),
        fmt::format("{}: unknown term '{}'; expected pattern, phrase, words, extract or use", where, key));
  return std::nullopt;
}

// A regex, or a phrase (`phrase`), as written, with its fragments expanded.
std::optional<PackLoader::Define> PackLoader::term_from_regex(const YAML::Node& value, const std::string& written,
                                                              bool phrase, const std::string& where,
                                                              const std::string& name) {
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
}

// {words: [...], inflect: verb|noun|none}
std::optional<PackLoader::Define> PackLoader::term_from_words(const YAML::Node& node, const std::string& where,
                                                              const std::string& name) {
  check_keys(node, {"words", "inflect"}, where);
  const auto words = string_list(node["words"], fmt::format("'words' of {}", where), false);
  auto inflect = pack_language::Inflect::none;
  if (const YAML::Node i = node["inflect"]) {
    const auto parsed = i.IsScalar() ? pack_language::parse_inflect(i.Scalar()) : std::nullopt;
    if (!parsed)
      error(i.Mark(), fmt::format("{}: 'inflect' must be verb, noun or none", where));
    else
      inflect = *parsed;
  }
  if (words.empty()) {
    error(node["words"].Mark(), fmt::format("{}: 'words' takes a non-empty list", where));
    return std::nullopt;
  }
  const std::string regex = pack_language::words_regex(words, inflect);
  Define d{regex, -1, false, regex};
  if (!name.empty() && builtin_) return d;  // compiled on first use, as in term_from_regex
  d.matcher = regex_matcher(node, regex, regex, regex, name, where);
  if (d.matcher < 0) return std::nullopt;
  return d;
}

// {extract: name}: a built-in extractor.
std::optional<PackLoader::Define> PackLoader::term_from_extractor(const YAML::Node& value, const std::string& text,
                                                                  const std::string& where) {
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
  return Define{std::string(ex->regex),
                set_.add_matcher({"extract: " + text, std::move(pattern), ex->accept, "extract: " + text}),
                true,
                {}};
}

// {use: name}: this pack's define, else the shared vocabulary.
std::optional<PackLoader::Define> PackLoader::term_from_use(const YAML::Node& value, const std::string& text,
                                                            const std::string& where) {
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
  error(
      value.Mark(),
      fmt::format("{}: '{}' is not defined in this pack's 'define' section nor in the shared vocabulary", where, text));
  return std::nullopt;
}

PackLoader::Define PackLoader::parse_define(const YAML::Node& node, const std::string& name) {
  const auto d = parse_term_regex(node, fmt::format("define '{}'", name), name);
  return d ? *d : Define{};
}

int PackLoader::parse_term(const YAML::Node& node, const std::string& where) {
  const auto d = parse_term_regex(node, where, "");
  return d ? d->matcher : -1;
}

Condition PackLoader::parse_condition(const YAML::Node& node, const std::string& where) {
  Condition cond;
  if (node.IsMap() && node.size() == 1 && node["front-matter"]) {
    cond.kind = Condition::Kind::front_matter;
    if (!node["front-matter"].IsScalar() || node["front-matter"].Scalar().empty())
      error(node["front-matter"].Mark(), fmt::format("{}: 'front-matter' takes 'policy-date' or a key name", where));
    else
      cond.front_matter = node["front-matter"].Scalar();
    return cond;
  }
  if (node.IsScalar() ||
      (node.IsMap() && node.size() == 1 &&
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
  if (parse_condition_head(node, where, cond)) parse_condition_options(node, where, cond);
  return cond;
}

// The one head of a condition mapping: any:, all:, not:, or a term. False
// when the condition cannot be read further.
bool PackLoader::parse_condition_head(const YAML::Node& node, const std::string& where, Condition& cond) {
  check_keys(node,
             {"any", "all", "not", "pattern", "phrase", "words", "inflect", "extract", "use", "within", "near",
              "at-least", "unless"},
             where);
  const int heads = !!node["any"] + !!node["all"] + !!node["not"] + !!node["pattern"] + !!node["phrase"] +
                    !!node["words"] + !!node["extract"] + !!node["use"];
  if (heads != 1) {
    error(node.Mark(),
          fmt::format("{}: give exactly one of any:, all:, not:, pattern:, phrase:, words:, extract:, use:", where));
    return false;
  }
  if (node["any"] || node["all"]) {
    const bool all = static_cast<bool>(node["all"]);
    cond.kind = all ? Condition::Kind::all : Condition::Kind::any;
    const YAML::Node list = node[all ? "all" : "any"];
    if (!list.IsSequence() || list.size() == 0) {
      error(list.Mark(), fmt::format("{}: '{}' takes a non-empty list", where, all ? "all" : "any"));
      return false;
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
        if (cond.matcher < 0) return false;
      }
  }
  return true;
}

// within:, near:, at-least: and unless: beside the head.
void PackLoader::parse_condition_options(const YAML::Node& node, const std::string& where, Condition& cond) {
  if (const YAML::Node within = node["within"];
      within && cond.kind != Condition::Kind::any && cond.kind != Condition::Kind::all) {
    error(within.Mark(),
          fmt::format("{}: 'within' applies to 'any' or 'all' (the parts that must hold together)", where));
  } else if (within) {
    static const std::map<std::string, Scope> scopes = {{"sentence", Scope::sentence},
                                                        {"paragraph", Scope::paragraph},
                                                        {"section", Scope::section},
                                                        {"document", Scope::document}};
    const auto it = within.IsScalar() ? scopes.find(within.Scalar()) : scopes.end();
    if (it == scopes.end())
      error(within.Mark(), fmt::format("{}: 'within' must be sentence, paragraph, section or document", where));
    else
      cond.within = it->second;
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
      error(at_least.Mark(),
            fmt::format("{}: 'at-least' applies to 'any' (how many of its children must hold)", where));
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
}

}  // namespace clauselint
