// Rules of a pack: their fields, their check (require or forbid, when,
// topic), the `weak:` tier, desugared into a second rule, and the examples
// `clauselint test` runs. See rules/pack_loader.h.
#include <algorithm>

#include <fmt/format.h>

#include "rules/pack_loader.h"

namespace clauselint {

Rule PackLoader::parse_rule(const YAML::Node& node, const std::string& pack) {
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
  check_keys(node,
             {"id", "title", "severity", "message", "citation", "help", "tags", "belongs-under", "when", "require",
              "forbid", "topic", "weak", "examples"},
             where);
  if (!rule.id.empty()) parse_rule_id(node, rule.id);
  parse_rule_fields(node, rule, where);
  parse_rule_check(node, rule, where);
  if (const YAML::Node weak = node["weak"]) {
    if (rule.kind != Rule::Kind::require)
      error(weak.Mark(), fmt::format("{}: 'weak' applies to 'require' rules", where));
    else
      pending_weak_ = parse_weak(weak, rule, where);
  }
  parse_examples(node, rule, where);
  return rule;
}

// A rule id: kebab-case, and new in this pack and in the set.
void PackLoader::parse_rule_id(const YAML::Node& node, const std::string& id) {
  if (!is_kebab(id)) error(node["id"].Mark(), fmt::format("rule id '{}' must be kebab-case (a-z, 0-9 and '-')", id));
  const YAML::Mark mark = node["id"].Mark();
  if (const auto it = ids_.find(id); it != ids_.end()) {
    error(mark, fmt::format("duplicate rule id '{}' (first defined at line {})", id, it->second));
  } else if (const Rule* other = set_.find_rule(id)) {
    error(mark, fmt::format("duplicate rule id '{}': pack '{}' already defines it", id, other->pack));
  }
  ids_.emplace(id, mark.line + 1);
}

// title, message, help, severity, citation, tags and belongs-under.
void PackLoader::parse_rule_fields(const YAML::Node& node, Rule& rule, const std::string& where) {
  rule.title = required_string(node, "title", where);
  rule.message = required_string(node, "message", where);
  rule.help = required_string(node, "help", where);
  const std::string severity = required_string(node, "severity", where);
  if (!severity.empty()) {
    if (const auto s = parse_severity(severity))
      rule.severity = *s;
    else
      error(node["severity"].Mark(), fmt::format("{}: severity '{}' must be error, warning or note", where, severity));
  }
  if (const YAML::Node citation = node["citation"]) {
    rule.citations = string_list(citation, fmt::format("'citation' of {}", where), true);
  } else if (!suggested_.count("citation") && !library_) {
    error(node.Mark(), fmt::format("{} is missing required key 'citation' (the law or guidance it comes from)", where));
  }
  if (const YAML::Node tags = node["tags"]) rule.tags = string_list(tags, fmt::format("'tags' of {}", where), false);
  if (const YAML::Node under = node["belongs-under"]) {
    const auto list = under.IsSequence() ? under : YAML::Node();
    if (!under.IsSequence())
      error(under.Mark(), fmt::format("'belongs-under' of {} must be a list of heading patterns", where));
    for (const auto& item : list) rule.belongs_under.push_back(parse_term(item, where + " (belongs-under)"));
  }
}

// require: or forbid:, then when: and topic:.
void PackLoader::parse_rule_check(const YAML::Node& node, Rule& rule, const std::string& where) {
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
                                       "use 'when' for context",
                                       where));
  }
  if (const YAML::Node when = node["when"]) rule.when = parse_condition(when, where + " (when)");
  if (const YAML::Node topic = node["topic"]) parse_topic(topic, rule, where);
}

void PackLoader::parse_topic(const YAML::Node& topic, Rule& rule, const std::string& where) {
  if (rule.kind != Rule::Kind::require)
    error(topic.Mark(), fmt::format("{}: 'topic' applies to 'require' rules", where));
  if (!topic.IsMap() || !topic["message"]) {
    error(topic.Mark(),
          fmt::format("{}: 'topic' needs a condition and a 'message' for when the topic is absent", where));
    return;
  }
  rule.topic_message = topic["message"].Scalar();
  YAML::Node condition = YAML::Clone(topic);
  condition.remove("message");
  rule.topic = parse_condition(condition, where + " (topic)");
}

// `weak:` on a require rule: a second rule, with its own id, for wording
// that addresses the point too weakly (`accept`) or an incomplete list
// (`elements`). The main rule's error then needs neither.
//   main:  require: any[require, accept]
//   weak:  when: all[main's when, any[require, accept]]; require: all[require, elements...]
std::optional<Rule> PackLoader::parse_weak(const YAML::Node& node, Rule& main, const std::string& main_where) {
  if (!node.IsMap()) {
    error(node.Mark(),
          fmt::format("{}: 'weak' must be a mapping (id:, title:, message:, help:, accept: or elements:, examples:)",
                      main_where));
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
  check_keys(node, {"id", "title", "severity", "message", "citation", "help", "tags", "accept", "elements", "examples"},
             where);
  parse_weak_fields(node, main, weak, where);
  parse_weak_checks(node, main, weak, where);
  parse_examples(node, weak, where);
  return weak;
}

// The weak rule's id, texts and severity; citations, tags and belongs-under
// default to the main rule's.
void PackLoader::parse_weak_fields(const YAML::Node& node, const Rule& main, Rule& weak, const std::string& where) {
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
    if (!parsed)
      error(s.Mark(), fmt::format("{}: severity must be error, warning or note", where));
    else
      weak.severity = *parsed;
  }
  weak.citations =
      node["citation"] ? string_list(node["citation"], fmt::format("'citation' of {}", where), true) : main.citations;
  weak.tags = node["tags"] ? string_list(node["tags"], fmt::format("'tags' of {}", where), false) : main.tags;
  weak.belongs_under = main.belongs_under;
}

// accept: widens the main rule's check; elements: the weak rule's check.
void PackLoader::parse_weak_checks(const YAML::Node& node, Rule& main, Rule& weak, const std::string& where) {
  const YAML::Node accept = node["accept"];
  const YAML::Node elements = node["elements"];
  if (!accept && !elements)
    error(node.Mark(),
          fmt::format("{} needs 'accept' (weak wording) or 'elements' (the parts of a list), or both", where));
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
        weak.elements.emplace_back(
            kv.first.Scalar(), parse_condition(kv.second, fmt::format("{} (element '{}')", where, kv.first.Scalar())));
        full.children.push_back(weak.elements.back().second);
      }
      if (weak.message.find("{missing}") == std::string::npos)
        error(node["message"].Mark(),
              fmt::format("{}: with 'elements', the message must say what is missing with {{missing}}", where));
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
}

void PackLoader::parse_examples(const YAML::Node& node, Rule& rule, const std::string& where) {
  if (const YAML::Node examples = node["examples"]; !examples) {
    if (!suggested_.count("examples"))
      error(node.Mark(), fmt::format("{} is missing 'examples' (pass: and fail: snippets the tests run)", where));
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
      if (list.empty())
        error(examples[key].Mark(), fmt::format("the examples of {} need at least one '{}' snippet", where, key));
    }
  }
}

bool PackLoader::forbid_shape_ok(const Condition& c) {
  if (c.kind == Condition::Kind::term) return true;
  if (c.kind != Condition::Kind::any || c.at_least != 1) return false;
  return std::all_of(c.children.begin(), c.children.end(),
                     [](const Condition& k) { return k.kind == Condition::Kind::term && k.unless.empty(); });
}

}  // namespace clauselint
