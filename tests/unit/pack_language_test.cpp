// The readable pack language: word lists with inflection, phrases with
// fragments and gaps, {name} references in regexes, the shared vocabulary.
#include <catch2/catch.hpp>

#include <algorithm>

#include <yaml-cpp/yaml.h>

#include "clauselint/builtin_packs.h"
#include "helpers.h"
#include "rules/pack_language.h"

using namespace clauselint;
using namespace clauselint::pack_language;

namespace {

bool has(const std::vector<std::string>& forms, const std::string& form) {
  return std::find(forms.begin(), forms.end(), form) != forms.end();
}

// Findings of a one-rule pack whose require is `term`, with `define` lines.
std::vector<std::string> fires(const std::string& define, const std::string& term, const std::string& markdown) {
  return test::ids(test::lint(test::pack(test::rule("r", "    require: " + term + "\n"), define), markdown));
}

const std::vector<std::string> kFires{"r"};
const std::vector<std::string> kSilent{};

}  // namespace

TEST_CASE("verbs inflect regularly, with doubled consonants and irregular forms", "[language]") {
  const auto notify = inflections("notify", Inflect::verb);
  for (const char* f : {"notify", "notifies", "notified", "notifying"}) CHECK(has(notify, f));
  const auto post = inflections("post", Inflect::verb);
  for (const char* f : {"post", "posts", "posted", "posting"}) CHECK(has(post, f));
  const auto stop = inflections("stop", Inflect::verb);
  CHECK(has(stop, "stopped"));
  CHECK(has(stop, "stopping"));
  const auto change = inflections("change", Inflect::verb);
  for (const char* f : {"changes", "changed", "changing"}) CHECK(has(change, f));
  const auto tell = inflections("tell", Inflect::verb);
  CHECK(has(tell, "told"));
  CHECK(has(inflections("keep", Inflect::verb), "kept"));
  CHECK(has(inflections("send", Inflect::verb), "sent"));
  CHECK(inflections("notify", Inflect::none) == std::vector<std::string>{"notify"});
}

TEST_CASE("nouns take their plurals", "[language]") {
  CHECK(has(inflections("policy", Inflect::noun), "policies"));
  CHECK(has(inflections("address", Inflect::noun), "addresses"));
  CHECK(has(inflections("child", Inflect::noun), "children"));
  CHECK(has(inflections("partner", Inflect::noun), "partners"));
}

TEST_CASE("a word list matches whole words, its forms, and flexible hyphens", "[language]") {
  const std::string define = "  notify-verb: {words: [notify, e-mail, let you know], inflect: verb}\n";
  CHECK(fires(define, "{use: notify-verb}", "# P\n\nWe notified you.\n") == kSilent);
  CHECK(fires(define, "{use: notify-verb}", "# P\n\nWe will email you.\n") == kSilent);
  CHECK(fires(define, "{use: notify-verb}", "# P\n\nWe are letting you  know.\n") == kSilent);
  CHECK(fires(define, "{use: notify-verb}", "# P\n\nThe notifyer is broken.\n") == kFires);  // not a whole word
  CHECK(fires(define, "{use: notify-verb}", "# P\n\nWe tell no one.\n") == kFires);
  // Directly as a term, too.
  CHECK(fires("", "{words: [revise], inflect: verb}", "# P\n\nWe revised it.\n") == kSilent);
}

TEST_CASE("a phrase joins fragments, optional fragments and bounded gaps", "[language]") {
  const std::string define =
      "  notify: {words: [notify, tell], inflect: verb}\n"
      "  notice: {phrase: '{we} {modal}? {notify} ... {you}'}\n";
  CHECK(fires(define, "{use: notice}", "# P\n\nWe will notify you.\n") == kSilent);
  CHECK(fires(define, "{use: notice}", "# P\n\nWe notify you.\n") == kSilent);
  CHECK(fires(define, "{use: notice}", "# P\n\nWe will promptly and by e-mail notify you.\n") ==
        kFires);  // modal is one word
  CHECK(fires(define, "{use: notice}", "# P\n\nWe notify, by e-mail or post, every user.\n") == kSilent);
  CHECK(fires(define, "{use: notice}", "# P\n\nWe notify the team. You are safe.\n") ==
        kFires);                                                                             // no gap across a sentence
  CHECK(fires(define, "{use: notice}", "# P\n\nWe notify a b c d e f g you.\n") == kFires);  // gap of 5 words at most
  CHECK(fires(define, "{phrase: 'we ...8 you'}", "# P\n\nWe notify a b c d e f g you.\n") == kSilent);
}

TEST_CASE("{name} inside a regex splices the fragment; quantifiers and escapes stay", "[language]") {
  const std::string define = "  unit: {words: [day, month], inflect: noun}\n  period: '\\b\\d{1,3}\\h+{unit}'\n";
  CHECK(fires(define, "{use: period}", "# P\n\nWe keep logs for 30 days.\n") == kSilent);
  CHECK(fires(define, "{use: period}", "# P\n\nWe keep logs for 3000 days.\n") == kFires);
  CHECK(fires("", "'\\p{Lu}{2}\\h+{we}'", "# P\n\nOK we do.\n") == kSilent);  // \p{Lu}, {2} and a vocabulary name
  CHECK(fires("", "'[{]x[}]'", "# P\n\n{x}\n") == kSilent);                   // braces in a class are literal
}

TEST_CASE("fragment errors name the fragment and the pack line", "[language]") {
  RuleSet rules;
  const auto d = rules.load_pack(test::pack(test::rule("r", "    require: '{no-such-thing}\\h+x'\n")), "pack.yaml");
  REQUIRE(d.size() == 1);
  CHECK(d[0].message.find("'{no-such-thing}' names no fragment") != std::string::npos);
  CHECK(d[0].position.line == 10);
  RuleSet extractor;
  const auto e = extractor.load_pack(
      test::pack(test::rule("r", "    require: 'x{mail}'\n"), "  mail: {extract: email}\n"), "pack.yaml");
  REQUIRE(e.size() == 1);
  CHECK(e[0].message.find("is an extractor") != std::string::npos);
  RuleSet gap;
  const auto g = gap.load_pack(test::pack(test::rule("r", "    require: {phrase: '... we'}\n")), "pack.yaml");
  REQUIRE(g.size() == 1);
  CHECK(g[0].message.find("cannot start or end with a gap") != std::string::npos);
}

TEST_CASE("matchers keep the name of their define", "[language]") {
  RuleSet rules;
  REQUIRE(rules.load_pack(test::pack(test::rule("r", "    require: {use: notify-verb}\n")), "pack.yaml").empty());
  const auto& m = rules.matchers();
  CHECK(std::any_of(m.begin(), m.end(), [](const Matcher& x) { return x.label() == "notify-verb"; }));
}

TEST_CASE("the shared vocabulary is loaded and is not a selectable pack", "[language]") {
  CHECK(shared_vocabulary().count("notify-verb") == 1);
  CHECK(shared_vocabulary().count("we") == 1);
  const auto names = selectable_builtin_packs();
  CHECK(std::find(names.begin(), names.end(), "vocabulary") == names.end());
}

TEST_CASE("built-in packs stay readable: no define over 600 characters of raw regex", "[language][packs]") {
  // Raw regex: a define written as a regex string (or `pattern:`), counted as
  // written, with {fragment} references unexpanded. Word lists and phrases
  // are not raw regex.
  for (const auto& pack : builtin_packs()) {
    const YAML::Node root = YAML::Load(std::string(pack.yaml));
    CHECK(std::string(pack.yaml).find("(?(DEFINE)") == std::string::npos);  // shared fragments instead
    for (const auto& kv : root["define"]) {
      const YAML::Node v = kv.second;
      const std::string raw = v.IsScalar() ? v.Scalar() : v["pattern"] ? v["pattern"].Scalar() : "";
      INFO(pack.name << ": define '" << kv.first.Scalar() << "'");
      CHECK(raw.size() <= 600);
    }
  }
}
