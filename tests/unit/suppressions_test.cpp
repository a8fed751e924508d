// Inline suppressions: each form, and each misuse reported as a warning.
#include <catch2/catch.hpp>

#include "clauselint/parse.h"
#include "helpers.h"

using namespace clauselint;

namespace {

const std::string kPack = test::pack(test::rule("no-secure", "    forbid: '100% secure'\n") +
                                     test::rule("needs-contact", "    require: '@'\n"));

struct Outcome {
  std::vector<std::string> shown;       // rule ids of findings not suppressed
  std::vector<std::string> suppressed;  // rule ids of suppressed findings
  std::vector<std::string> warnings;    // messages of invalid-suppression findings
};

Outcome run(const std::string& markdown) {
  Outcome out;
  for (const auto& f : test::lint(kPack, markdown)) {
    if (f.rule_id == "invalid-suppression")
      out.warnings.push_back(f.message);
    else if (f.suppressed)
      out.suppressed.push_back(f.rule_id);
    else
      out.shown.push_back(f.rule_id);
  }
  return out;
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("disable-next-line silences the next non-blank line only", "[suppressions]") {
  const auto o =
      run("# T\n\nmail@x.example\n\n<!-- clauselint-disable-next-line no-secure -- a quote -->\n\n"
          "It is 100% secure.\n\nIt is 100% secure.\n");
  CHECK(o.suppressed == Ids{"no-secure"});
  CHECK(o.shown == Ids{"no-secure"});
  CHECK(o.warnings.empty());
}

TEST_CASE("disable ... enable silences a range", "[suppressions]") {
  const auto o =
      run("# T\n\nmail@x.example\n\n<!-- clauselint-disable no-secure -- quoted -->\n100% secure.\n\n100% secure.\n"
          "<!-- clauselint-enable no-secure -->\n\n100% secure.\n");
  CHECK(o.suppressed == Ids{"no-secure", "no-secure"});
  CHECK(o.shown == Ids{"no-secure"});
}

TEST_CASE("disable-file silences a missing clause, with its reason kept", "[suppressions]") {
  const auto findings =
      test::lint(kPack, "<!-- clauselint-disable-file needs-contact -- contact is in the app -->\n# T\n\nText.\n");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].suppressed);
  CHECK(findings[0].justification == "contact is in the app");
}

TEST_CASE("misused suppressions are reported", "[suppressions]") {
  const auto o =
      run("# T\n\nmail@x.example\n\n<!-- clauselint-disable-next-line no-secure -->\n100% secure.\n\n"
          "<!-- clauselint-disable-next-line needs-contact -- unused -->\nText.\n\n"
          "<!-- clauselint-disable-file no-such-rule -- typo -->\n<!-- clauselint-disabel no-secure -- x -->\n"
          "<!-- clauselint-enable no-secure -->\n");
  REQUIRE(o.warnings.size() == 5);
  CHECK_THAT(o.warnings[0], Catch::Contains("gives no reason"));
  CHECK_THAT(o.warnings[1], Catch::Contains("'needs-contact' suppresses nothing"));
  CHECK_THAT(o.warnings[2], Catch::Contains("unknown rule 'no-such-rule'"));
  CHECK_THAT(o.warnings[3], Catch::Contains("unknown clauselint comment"));
  CHECK_THAT(o.warnings[4], Catch::Contains("no clauselint-disable before it"));
  CHECK(o.suppressed == Ids{"no-secure"});
}

TEST_CASE("ordinary HTML comments and comments in code are not suppressions", "[suppressions]") {
  const auto o =
      run("# T\n\nmail@x.example\n\n<!-- just a note -->\n\n`<!-- clauselint-disable no-secure -- x -->` "
          "100% secure.\n");
  CHECK(o.shown == Ids{"no-secure"});
  CHECK(o.warnings.empty());
}

TEST_CASE("suppressions work in HTML input", "[suppressions]") {
  RuleSet rules;
  REQUIRE(rules.load_pack(kPack, "pack.yaml").empty());
  std::vector<Diagnostic> d;
  const Document doc = parse_html(
      std::make_shared<const SourceFile>("p.html",
                                         "<h1>T</h1><p>mail@x.example</p>\n<!-- clauselint-disable-next-line no-secure "
                                         "-- quoted -->\n<p>100% secure</p>"),
      d);
  const auto findings = lint_document(doc, rules).findings;
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].suppressed);
}
