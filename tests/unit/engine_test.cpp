// The engine: each check kind, scopes, negation, applicability, and where
// findings point.
#include <catch2/catch.hpp>

#include "clauselint/load_packs.h"
#include "helpers.h"

using namespace clauselint;
using Ids = std::vector<std::string>;

TEST_CASE("require: any term anywhere satisfies the rule", "[engine]") {
  const auto yaml = test::pack(test::rule("r", "    require: {any: ['\\bfoo\\b', {phrase: 'bar  baz'}]}\n"));
  CHECK(test::lint(yaml, "# T\n\nSome foo here.\n").empty());
  CHECK(test::lint(yaml, "# T\n\nA bar\nbaz, wrapped.\n").empty());
  CHECK(test::ids(test::lint(yaml, "# T\n\nfood and barbaz.\n")) == Ids{"r"});
}

TEST_CASE("require all within a sentence needs every part in one sentence", "[engine]") {
  const auto yaml = test::pack(test::rule("r", "    require: {all: ['cookies', 'disable'], within: sentence}\n"));
  CHECK(test::lint(yaml, "# T\n\nYou can disable cookies.\n").empty());
  CHECK(test::ids(test::lint(yaml, "# T\n\nWe use cookies. You can disable ads.\n")) == Ids{"r"});
}

TEST_CASE("require all within a paragraph, section or document", "[engine]") {
  const std::string doc = "# T\n\n## Cookies\n\nWe use cookies.\n\nYou can disable them.\n\n## Other\n\nText.\n";
  auto check = [&](const char* scope) {
    return test::lint(
        test::pack(test::rule("r", std::string("    require: {all: ['cookies', 'disable'], within: ") + scope + "}\n")),
        doc);
  };
  CHECK(check("paragraph").size() == 1);
  CHECK(check("section").empty());
  CHECK(check("document").empty());
}

TEST_CASE("a paragraph unit joins a lead-in to its list", "[engine]") {
  const auto yaml = test::pack(test::rule("r", "    require: {all: ['notify', 'e-mail'], within: paragraph}\n"));
  CHECK(
      test::lint(yaml, "# T\n\nWhen this policy changes we will notify you:\n\n- by e-mail\n- on the site\n").empty());
  CHECK(test::lint(yaml, "# T\n\nWe will notify you.\n\n- by e-mail\n").size() == 1);
}

TEST_CASE("unless disqualifies matches in the same sentence only", "[engine]") {
  const auto yaml = test::pack(
      test::rule("r", "    require: {all: ['notify', 'changes'], within: sentence, unless: ['\\bnot\\b']}\n"));
  CHECK(test::lint(yaml, "# T\n\nWe will notify you of changes.\n").empty());
  CHECK(test::lint(yaml, "# T\n\nWe will not notify you of changes.\n").size() == 1);
  CHECK(test::lint(yaml, "# T\n\nWe do not sell data. We will notify you of changes.\n").empty());
}

TEST_CASE("near limits the words between the parts", "[engine]") {
  const auto yaml = test::pack(test::rule("r", "    require: {all: ['\\bdelete\\b', '\\bdata\\b'], near: 3}\n"));
  CHECK(test::lint(yaml, "# T\n\nWe delete your personal data.\n").empty());
  CHECK(test::lint(yaml, "# T\n\nWe delete old backups every night, and we keep your data.\n").size() == 1);
}

TEST_CASE("near counts words, not punctuation", "[engine]") {
  const auto yaml = test::pack(test::rule("r", "    require: {all: ['\\bkeep\\b', '\\b30 days\\b'], near: 1}\n"));
  CHECK(test::lint(yaml, "# T\n\nWe keep, for 30 days, logs.\n").empty());
  CHECK(test::lint(yaml, "# T\n\nWe keep them only for 30 days.\n").size() == 1);
}

TEST_CASE("at-least counts distinct children holding in one unit", "[engine]") {
  const auto yaml = test::pack(test::rule(
      "r", "    require: {any: ['\\bphone\\b', '\\bemail\\b', '\\bform\\b'], at-least: 2, within: paragraph}\n"));
  CHECK(test::lint(yaml, "# T\n\nUse the form or email us.\n").empty());
  CHECK(test::lint(yaml, "# T\n\nEmail us, email us again.\n").size() == 1);
  CHECK(test::lint(yaml, "# T\n\nEmail us.\n\nOr use the form.\n").size() == 1);
}

TEST_CASE("a match never spans two blocks", "[engine]") {
  const auto yaml = test::pack(test::rule("r", "    forbid: {phrase: 'do not sell'}\n"));
  CHECK(test::lint(yaml, "# Do\n\nNot sell.\n").empty());
  CHECK(test::lint(yaml, "# T\n\nWe do not\nsell.\n").size() == 1);
}

TEST_CASE("text before the first heading is a section of its own", "[engine]") {
  const auto yaml = test::pack(test::rule("r", "    require: {all: ['alpha', 'beta'], within: section}\n"));
  CHECK(test::lint(yaml, "alpha\n\nbeta\n\n# Heading\n\ngamma\n").empty());
  CHECK(test::lint(yaml, "alpha\n\n# Heading\n\nbeta\n").size() == 1);
}

TEST_CASE("not holds where its child does not", "[engine]") {
  const auto yaml = test::pack(test::rule("r", "    require: {not: 'tracking'}\n"));
  CHECK(test::lint(yaml, "# T\n\nNothing here.\n").empty());
  CHECK(test::lint(yaml, "# T\n\nWe use tracking.\n").size() == 1);
}

TEST_CASE("when: a rule applies only where its condition holds", "[engine]") {
  const auto yaml = test::pack(test::rule("r", "    require: 'opt out'\n", "    when: '\\bsell\\b'\n"));
  CHECK(test::lint(yaml, "# T\n\nWe collect data.\n").empty());
  CHECK(test::lint(yaml, "# T\n\nWe sell data.\n").size() == 1);
  CHECK(test::lint(yaml, "# T\n\nWe sell data. You can opt out.\n").empty());
}

TEST_CASE("forbid: one finding per match, at the match, unless disqualified", "[engine]") {
  const auto yaml = test::pack(
      test::rule("r", "    forbid: {any: ['100% secure', 'totally secure'], unless: ['\\bno method\\b']}\n"));
  const auto f = test::lint(yaml, "# T\n\nIt is 100% secure.\nIt is totally secure.\n\nNo method is 100% secure.\n");
  REQUIRE(f.size() == 2);
  CHECK(f[0].kind == Finding::Kind::match);
  CHECK(test::at(f[0].range.start) == "3:7");
  CHECK(test::at(f[0].range.end) == "3:18");
  CHECK(test::at(f[1].range.start) == "4:7");
  CHECK(f[0].evidence == "It is 100% secure.");
}

TEST_CASE("a missing clause points at the heading it belongs under, else the title", "[engine]") {
  const auto yaml =
      test::pack(test::rule("r", "    require: 'refuse cookies'\n", "    belongs-under: ['\\bcookies\\b']\n"));
  const std::string with_heading = "Intro.\n\n# Privacy Policy\n\nText.\n\n## How we use Cookies\n\nWe use cookies.\n";
  auto f = test::lint(yaml, with_heading);
  REQUIRE(f.size() == 1);
  CHECK(f[0].kind == Finding::Kind::missing);
  CHECK(test::at(f[0].range.start) == "7:1");
  CHECK(test::at(f[0].range.end) == "7:22");
  CHECK(f[0].evidence == "How we use Cookies");

  f = test::lint(yaml, "Intro.\n\n# Privacy Policy\n\nText.\n");
  REQUIRE(f.size() == 1);
  CHECK(test::at(f[0].range.start) == "3:1");
}

TEST_CASE("topic: a different message when the topic is absent altogether", "[engine]") {
  const auto yaml = test::pack(test::rule("r", "    require: {all: ['cookies', 'refuse'], within: sentence}\n",
                                          "    topic: {pattern: 'cookies', message: no cookies at all}\n"));
  CHECK(test::lint(yaml, "# T\n\nWe use cookies.\n")[0].message == "M");
  CHECK(test::lint(yaml, "# T\n\nNothing.\n")[0].message == "no cookies at all");
}

TEST_CASE("findings carry the rule's id, pack, severity and file", "[engine]") {
  const auto f = test::lint(test::pack(test::rule("r", "    require: 'x'\n")), "# T\n");
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule_id == "r");
  CHECK(f[0].pack == "test");
  CHECK(f[0].severity == Severity::error);
  CHECK(f[0].file == "policy.md");
}

TEST_CASE("a pattern that hits the match limit is a diagnostic, not a hang", "[engine]") {
  RuleSet rules;
  REQUIRE(rules.load_pack(test::pack(test::rule("r", "    forbid: '(?:a+)+$'\n")), "pack.yaml").empty());
  const auto result = lint_document(test::parse("# T\n\n" + std::string(40, 'a') + "b\n"), rules);
  REQUIRE(result.diagnostics.size() == 1);
  CHECK_THAT(result.diagnostics[0].message, Catch::Contains("limit"));
}

TEST_CASE("every built-in rule passes its own examples", "[engine][examples]") {
  RuleSet rules;
  REQUIRE(load_packs(rules, {}).empty());
  for (const auto& outcome : run_examples(rules)) {
    INFO(outcome.rule->id << (outcome.expected_finding ? " fail example: " : " pass example: ") << outcome.snippet);
    CHECK(outcome.ok());
  }
}
