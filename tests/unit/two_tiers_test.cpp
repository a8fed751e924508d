// Two tiers for require rules: `weak:` gives weak wording and incomplete
// lists a warning of their own, and keeps the missing-clause error for a
// clause that is really absent.
#include <catch2/catch.hpp>

#include "clauselint/precision.h"
#include "helpers.h"

using namespace clauselint;

namespace {

const std::string kRetention =
    "  - id: keep\n    title: T\n    severity: error\n    message: no retention\n    citation: C\n    help: H\n"
    "    require: {all: [{words: [keep], inflect: verb}, '{period}'], within: sentence}\n"
    "    weak:\n      id: keep-vague\n      title: Vague\n      message: vague retention\n      help: H\n"
    "      accept: {phrase: 'as long as ...3 necessary'}\n"
    "      examples: {pass: ['We keep it for 30 days.'], fail: ['We keep it as long as necessary.']}\n"
    "    examples: {pass: ['We keep it as long as necessary.'], fail: ['Nothing.']}\n";

const std::string kRights =
    "  - id: rights\n    title: T\n    severity: error\n    message: no rights\n    citation: C\n    help: H\n"
    "    require: {any: [access, erasure, portability]}\n"
    "    weak:\n      id: rights-incomplete\n      title: Incomplete\n      message: '{missing} not mentioned'\n      "
    "help: H\n"
    "      elements: {access: access, erasure: erasure, portability: portability}\n"
    "      examples: {pass: ['access, erasure, portability'], fail: ['access']}\n"
    "    examples: {pass: ['access'], fail: ['Nothing.']}\n";

}  // namespace

TEST_CASE("weak wording gets the warning, not the missing-clause error", "[tiers]") {
  const auto f = test::lint(test::pack(kRetention), "# P\n\nWe keep your data as long as it is necessary.\n");
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule_id == "keep-vague");
  CHECK(f[0].severity == Severity::warning);
  CHECK(test::at(f[0].range.start) == "3:19");  // at the weak wording
  CHECK(f[0].kind == Finding::Kind::match);
}

TEST_CASE("strong wording gets neither tier; absence gets only the error", "[tiers]") {
  CHECK(test::lint(test::pack(kRetention), "# P\n\nWe keep your data for 30 days.\n").empty());
  const auto f = test::lint(test::pack(kRetention), "# P\n\nWe like cats.\n");
  CHECK(test::ids(f) == std::vector<std::string>{"keep"});
}

TEST_CASE("an incomplete list names exactly what is missing", "[tiers]") {
  const auto f = test::lint(test::pack(kRights), "# P\n\nYou have the right of access.\n");
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule_id == "rights-incomplete");
  CHECK(f[0].message == "erasure and portability not mentioned");
  const auto g = test::lint(test::pack(kRights), "# P\n\nYou have rights of access and erasure.\n");
  REQUIRE(g.size() == 1);
  CHECK(g[0].message == "portability not mentioned");
  CHECK(test::lint(test::pack(kRights), "# P\n\nAccess, erasure and portability.\n").empty());
  CHECK(test::ids(test::lint(test::pack(kRights), "# P\n\nNothing here.\n")) == std::vector<std::string>{"rights"});
}

TEST_CASE("a weak tier is its own rule, with the main rule's citations by default", "[tiers]") {
  RuleSet rules;
  REQUIRE(rules.load_pack(test::pack(kRetention), "pack.yaml").empty());
  const Rule* weak = rules.find_rule("keep-vague");
  REQUIRE(weak);
  CHECK(weak->weak_of == "keep");
  CHECK(weak->severity == Severity::warning);
  CHECK(weak->citations == std::vector<std::string>{"C"});
  CHECK(rules.packs()[0].rules.size() == 2);
}

namespace {

// The only diagnostic of a rule `a` (require: x) whose weak: is `weak` (flow YAML).
Diagnostic weak_error(const std::string& weak) {
  RuleSet rules;
  const std::string yaml =
      "  - id: a\n    title: T\n    severity: error\n    message: M\n    citation: C\n    help: H\n    require: x\n"
      "    weak: {" +
      weak +
      ", title: T, help: H, examples: {pass: [p], fail: [f]}}\n"
      "    examples: {pass: [x], fail: [y]}\n";
  const auto d = rules.load_pack(test::pack(yaml), "pack.yaml");
  REQUIRE(d.size() == 1);
  return d[0];
}

}  // namespace

TEST_CASE("weak: errors are positioned and say what to write", "[tiers]") {
  const Diagnostic no_accept = weak_error("id: a-weak, message: M");
  CHECK(no_accept.message.find("needs 'accept'") != std::string::npos);
  CHECK(no_accept.position.line == 11);
  CHECK(weak_error("id: a, message: M, accept: z").message == "duplicate rule id 'a'");
  CHECK(weak_error("id: a-inc, message: M, elements: {b: b}").message.find("{missing}") != std::string::npos);
}

TEST_CASE("precision levels follow CodeQL's bands and need enough findings", "[precision]") {
  CHECK(precision_level(1.0, 12) == Precision::very_high);
  CHECK(precision_level(0.96, 50) == Precision::high);
  CHECK(precision_level(0.90, 50) == Precision::medium);
  CHECK(precision_level(0.80, 50) == Precision::low);
  CHECK(precision_level(1.0, 5) == Precision::medium);  // too few findings for more
  CHECK(precision_level(1.0, 2) == Precision::low);     // too few to measure
  CHECK(parse_precision("very-high") == Precision::very_high);
  CHECK_FALSE(parse_precision("perfect"));
  CHECK(to_string(Precision::high) == "high");
  for (const auto& [id, m] : builtin_precision()) {
    INFO(id);
    CHECK(m.level == precision_level(m.precision, m.findings));  // the generated file agrees with the bands
  }
}
