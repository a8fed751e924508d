// Rule-pack loading and validation: every error names pack.yaml:line:col.
#include <catch2/catch.hpp>

#include <algorithm>

#include "clauselint/builtin_packs.h"
#include "clauselint/load_packs.h"
#include "clauselint/pack_image.h"
#include "helpers.h"

using namespace clauselint;

namespace {

// Loads `yaml`; expects exactly one error and returns it.
Diagnostic one_error(const std::string& yaml) {
  RuleSet rules;
  const auto d = rules.load_pack(yaml, "pack.yaml");
  for (const auto& x : d) UNSCOPED_INFO(format_diagnostic(x));
  REQUIRE(d.size() == 1);
  CHECK(d[0].severity == Severity::error);
  CHECK(d[0].file == "pack.yaml");
  CHECK(rules.packs().empty());
  return d[0];
}

}  // namespace

TEST_CASE("a valid pack loads", "[loader]") {
  RuleSet rules;
  CHECK(rules.load_pack(test::pack(test::rule("a-rule", "    require: 'x'\n")), "pack.yaml").empty());
  REQUIRE(rules.packs().size() == 1);
  CHECK(rules.find_rule("a-rule")->pack == "test");
}

TEST_CASE("pack flags are read from top-level lines", "[loader]") {
  CHECK(pack_flag("version: 1\ndefault: true  # core set\r\nrules: []\n", "default"));
  CHECK_FALSE(pack_flag("version: 1\ndefault: false\n", "default"));
  CHECK_FALSE(pack_flag("rules:\n  - default: true\n", "default"));  // not top level
  CHECK_FALSE(pack_flag("defaults: true\n", "default"));
  CHECK(pack_flag("library: yes", "library"));
  for (const auto& p : builtin_packs())
    CHECK(p.is_default == (p.name == "core" || p.name == "caloppa" || p.name == "hygiene"));
}

TEST_CASE("malformed YAML names the parser's line and column", "[loader]") {
  const auto d = one_error("clauselint-pack: 1\nname: x\nrules:\n  - id: [unclosed\n");
  CHECK(d.position.line == 5);
  CHECK_THAT(d.message, Catch::StartsWith("invalid YAML"));
}

TEST_CASE("a pack must be a mapping with a supported version", "[loader]") {
  CHECK_THAT(one_error("- a\n- b\n").message, Catch::Contains("mapping"));
  const auto d = one_error("clauselint-pack: 2\nname: x\nrules:\n" + test::rule("a", "    require: 'x'\n"));
  CHECK(test::at(d.position) == "1:18");
  CHECK_THAT(d.message, Catch::Contains("unsupported pack format '2'"));
  CHECK_THAT(one_error("name: x\nrules:\n" + test::rule("a", "    require: 'x'\n")).message,
             Catch::Contains("clauselint-pack: 1"));
}

TEST_CASE("unknown keys are errors with a did-you-mean hint", "[loader]") {
  const auto d = one_error(test::pack(test::rule("a", "    requires: 'x'\n    require: 'x'\n")));
  CHECK(test::at(d.position) == "10:5");
  CHECK_THAT(d.message, Catch::Contains("unknown key 'requires'") && Catch::Contains("did you mean 'require'"));
}

TEST_CASE("missing required keys are errors", "[loader]") {
  const auto d =
      one_error(test::pack("  - id: a\n    title: T\n    severity: error\n    message: M\n    help: H\n"
                           "    require: 'x'\n    examples: {pass: [p], fail: [f]}\n"));
  CHECK(test::at(d.position) == "4:5");
  CHECK_THAT(d.message, Catch::Contains("missing required key 'citation'"));
  CHECK_THAT(one_error(test::pack(test::rule("a", ""))).message, Catch::Contains("exactly one check"));
}

TEST_CASE("wrong types and values are errors", "[loader]") {
  const std::string bad_severity = test::pack(
      "  - id: a\n    title: T\n    severity: fatal\n    message: M\n    citation: C\n    help: H\n    require: 'x'\n"
      "    examples: {pass: [p], fail: [f]}\n");
  const auto d = one_error(bad_severity);
  CHECK(test::at(d.position) == "6:15");
  CHECK_THAT(d.message, Catch::Contains("severity 'fatal'"));
  CHECK_THAT(one_error(test::pack(test::rule("a", "    require: {all: ['x'], within: chapter}\n"))).message,
             Catch::Contains("'within' must be sentence, paragraph, section or document"));
  CHECK_THAT(one_error(test::pack(test::rule("a", "    require: {any: ['x', 'y'], near: 5}\n"))).message,
             Catch::Contains("'near' applies to 'all'"));
  CHECK_THAT(one_error(test::pack(test::rule("a", "    require: {all: ['x', 'y'], at-least: 2}\n"))).message,
             Catch::Contains("'at-least' applies to 'any'"));
  CHECK_THAT(one_error(test::pack(test::rule("a", "    require: {any: ['x', 'y'], at-least: 3}\n"))).message,
             Catch::Contains("from 1 to the 2 children"));
  CHECK_THAT(one_error(test::pack(test::rule("a", "    forbid: {any: ['x', 'y'], at-least: 2}\n"))).message,
             Catch::Contains("'forbid' takes patterns"));
  CHECK_THAT(one_error(test::pack(test::rule("a", "    require: ['x']\n"))).message,
             Catch::Contains("a list needs a key"));
  CHECK_THAT(one_error(test::pack(test::rule("a", "    require: {not: 'x', within: sentence}\n"))).message,
             Catch::Contains("'within' applies to 'any' or 'all'"));
  CHECK_THAT(one_error(test::pack(test::rule("a", "    require: {any: ['x'], message: hi}\n"))).message,
             Catch::Contains("unknown key 'message'"));
  CHECK_THAT(one_error(test::pack(test::rule("Bad_Id", "    require: 'x'\n"))).message, Catch::Contains("kebab-case"));
}

TEST_CASE("a bad regex names the pattern's position and PCRE2's message", "[loader]") {
  const auto d = one_error(test::pack(test::rule("a", "    require: {any: ['ok', 'ab(c']}\n")));
  CHECK(test::at(d.position) == "10:32");
  CHECK_THAT(d.message, Catch::Contains("invalid regex: missing closing parenthesis at offset 4 in 'ab(c'"));
}

TEST_CASE("unknown extractors and undefined names are errors", "[loader]") {
  CHECK_THAT(one_error(test::pack(test::rule("a", "    require: {extract: fax}\n"))).message,
             Catch::Contains("unknown extractor 'fax'") && Catch::Contains("email"));
  CHECK_THAT(one_error(test::pack(test::rule("a", "    require: {use: nope}\n"))).message,
             Catch::Contains("'nope' is not defined"));
}

TEST_CASE("duplicate rule ids are errors, within and across packs", "[loader]") {
  const auto d = one_error(test::pack(test::rule("a", "    require: 'x'\n") + test::rule("a", "    require: 'y'\n")));
  CHECK(d.position.line == 14);
  CHECK_THAT(d.message, Catch::Contains("duplicate rule id 'a' (first defined at line 4)"));

  RuleSet rules;
  REQUIRE(rules.load_pack(test::pack(test::rule("a", "    require: 'x'\n")), "one.yaml").empty());
  const auto again =
      rules.load_pack("clauselint-pack: 1\nname: other\nrules:\n" + test::rule("a", "    require: 'x'\n"), "two.yaml");
  REQUIRE(again.size() == 1);
  CHECK_THAT(again[0].message, Catch::Contains("pack 'test' already defines it"));
}

TEST_CASE("duplicate YAML keys are errors", "[loader]") {
  CHECK_THAT(one_error(test::pack(test::rule("a", "    require: 'x'\n    title: Again\n"))).message,
             Catch::Contains("duplicate key 'title'"));
}

TEST_CASE("forbid takes patterns, and examples are required", "[loader]") {
  CHECK_THAT(one_error(test::pack(test::rule("a", "    forbid: {all: ['x', 'y']}\n"))).message,
             Catch::Contains("'forbid' takes patterns"));
  CHECK_THAT(one_error(test::pack("  - id: a\n    title: T\n    severity: error\n    message: M\n    citation: C\n"
                                  "    help: H\n    require: 'x'\n"))
                 .message,
             Catch::Contains("missing 'examples'"));
}

TEST_CASE("every problem in a pack is reported, not just the first", "[loader]") {
  RuleSet rules;
  const auto d = rules.load_pack(test::pack(test::rule("a", "    require: 'ab('\n    colour: red\n")), "pack.yaml");
  CHECK(d.size() == 2);
}

TEST_CASE("the same regex is compiled once for all rules", "[loader]") {
  RuleSet rules;
  REQUIRE(rules
              .load_pack(test::pack(test::rule("a", "    require: 'x'\n") +
                                    test::rule("b", "    require: {all: ['x', 'y']}\n")),
                         "pack.yaml")
              .empty());
  CHECK(rules.matchers().size() == 2);
}

TEST_CASE("the built-in packs load cleanly", "[loader]") {
  RuleSet rules;
  CHECK(load_packs(rules, {}).empty());
  CHECK(rules.find_pack("core"));
  for (const char* id : {"contact-address", "children-under-13", "cookie-opt-out", "change-notification"}) {
    const Rule* r = rules.find_rule(id);
    REQUIRE(r);
    CHECK_FALSE(r->citations.empty());
    CHECK_FALSE(r->help.empty());
  }
}

TEST_CASE("load_packs reports an unknown pack name", "[loader]") {
  RuleSet rules;
  const auto d = load_packs(rules, {"no-such-pack"});
  REQUIRE(d.size() == 1);
  CHECK_THAT(d[0].message, Catch::Contains("not a built-in pack (core, caloppa, ccpa, coppa"));
}

TEST_CASE("a rule shared by several packs is one rule citing each of them", "[loader][shared]") {
  RuleSet rules;
  REQUIRE(load_packs(rules, {"caloppa", "ccpa", "us-states"}).empty());
  int count = 0;
  for (const auto& r : rules.rules()) count += r.id == "effective-date";
  CHECK(count == 1);
  const Rule* rule = rules.find_rule("effective-date");
  REQUIRE(rule);
  CHECK(rule->pack == "caloppa+ccpa+us-states");
  auto cites = [&](const char* text) {
    return std::any_of(rule->citations.begin(), rule->citations.end(),
                       [&](const std::string& c) { return c.find(text) != std::string::npos; });
  };
  CHECK(cites("22575(b)(4)"));
  CHECK(cites("7011(e)(4)"));
  CHECK(cites("6.03(A)(8)"));
  const auto findings = lint_document(test::parse("# Privacy\n\nWe keep things simple.\n"), rules).findings;
  CHECK(std::count_if(findings.begin(), findings.end(),
                      [](const Finding& f) { return f.rule_id == "effective-date"; }) == 1);
}

TEST_CASE("library packs are not selectable defaults and shared rules need the library", "[loader][shared]") {
  RuleSet rules;
  const auto d = rules.load_pack(
      "clauselint-pack: 1\nname: p\nrules:\n  - shared: no-such-shared-rule\n    citation: X\n", "p.yaml");
  REQUIRE(d.size() == 1);
  CHECK_THAT(d[0].message,
             Catch::Contains("unknown shared rule 'no-such-shared-rule'") && Catch::Contains("effective-date"));
  CHECK(test::at(d[0].position) == "4:13");
}

// Found by fuzz_image: reading the position of a missing `name` threw out of
// the loader (yaml-cpp's Mark() of a missing key) instead of reporting it.
TEST_CASE("a pack without a name is an error, not a crash", "[loader]") {
  const std::string yaml = "clauselint-pack: 1\nrules:\n" + test::rule("a-rule", "    require: 'x'\n");
  const auto d = one_error(yaml);
  CHECK_THAT(d.message, Catch::Contains("name"));
  std::vector<Diagnostic> diagnostics;
  CHECK_FALSE(compile_pack(yaml, "pack.yaml", diagnostics));
  CHECK_FALSE(diagnostics.empty());
}
