// clauselint diff's comparison (finding_diff.h), the history's spans
// (timeline.h) and REV:path parsing (git_source.h).
#include <catch2/catch.hpp>

#include "clauselint/finding_diff.h"
#include "clauselint/git_source.h"
#include "clauselint/load_packs.h"
#include "clauselint/timeline.h"
#include "helpers.h"

using namespace clauselint;

namespace {

Finding finding(const std::string& rule, Finding::Kind kind, const std::string& fingerprint, int line = 1) {
  Finding f;
  f.rule_id = rule;
  f.kind = kind;
  f.fingerprint = fingerprint;
  f.range = {{line, 1}, {line, 2}};
  return f;
}

std::vector<Finding> lint(const RuleSet& rules, const std::string& markdown) {
  const Document doc = test::parse(markdown);
  return lint_document(doc, rules).findings;
}

const std::string kTitle = "# Privacy\n\nExample Ltd runs example.com.\n";
const std::string kContact = "\n## Contact\n\nWrite to privacy@example.com or 1 Main Street, Springfield, IL 62701.\n";
const std::string kChildren = "\n## Children\n\nWe do not knowingly collect data from children under 13.\n";
const std::string kCookies =
    "\n## Cookies\n\nWe use cookies. You can refuse or delete cookies in your browser settings.\n";
const std::string kChanges = "\n## Changes\n\nWe will notify you by e-mail before a change takes effect.\n";
const std::string kClaim = "\n## Security\n\nOur systems are 100% secure.\n";

}  // namespace

TEST_CASE("diff_findings: a missing clause appearing is lost, going away is gained; matched by rule alone") {
  const std::vector<Finding> old_findings = {finding("children", Finding::Kind::missing, "aaaa:1"),
                                             finding("claim", Finding::Kind::match, "bbbb:1")};
  const std::vector<Finding> new_findings = {
      finding("children", Finding::Kind::missing, "cccc:1", 7),  // another heading
      finding("cookies", Finding::Kind::missing, "dddd:1"), finding("claim", Finding::Kind::match, "eeee:1")};
  const FindingDiff d = diff_findings(old_findings, new_findings);
  CHECK(test::ids(d.lost) == std::vector<std::string>{"cookies"});
  CHECK(d.gained.empty());
  CHECK(test::ids(d.introduced) == std::vector<std::string>{"claim"});  // another sentence: another fingerprint
  CHECK(test::ids(d.resolved) == std::vector<std::string>{"claim"});
  CHECK(diff_findings(new_findings, old_findings).lost.empty());
  CHECK(test::ids(diff_findings(new_findings, old_findings).gained) == std::vector<std::string>{"cookies"});
}

TEST_CASE("diff_findings: suppressed findings are on neither side") {
  Finding suppressed = finding("cookies", Finding::Kind::missing, "dddd:1");
  suppressed.suppressed = true;
  CHECK(diff_findings({}, {suppressed}).empty());
  CHECK(diff_findings({suppressed}, {}).empty());
  CHECK(test::ids(diff_findings({suppressed}, {finding("cookies", Finding::Kind::missing, "x:1")}).lost) ==
        std::vector<std::string>{"cookies"});
  CHECK_FALSE(present_before(finding("cookies", Finding::Kind::missing, "x:1"), {suppressed}));
}

TEST_CASE("diff_findings on linted policies: a moved paragraph is no change, a dropped one is") {
  RuleSet rules;
  REQUIRE(load_packs(rules, {"core", "hygiene"}).empty());
  const auto before = lint(rules, kTitle + kContact + kChildren + kCookies + kChanges + kClaim);
  REQUIRE(test::ids(before) == std::vector<std::string>{"absolute-security-claim"});
  const auto moved = lint(rules, kTitle + kClaim + kCookies + kChanges + kChildren + kContact);
  CHECK(diff_findings(before, moved).empty());
  const auto dropped = lint(rules, kTitle + kContact + kCookies + kChanges);
  const FindingDiff d = diff_findings(before, dropped);
  CHECK(test::ids(d.lost) == std::vector<std::string>{"children-under-13"});
  CHECK(test::ids(d.resolved) == std::vector<std::string>{"absolute-security-claim"});
  CHECK(d.gained.empty());
  CHECK(d.introduced.empty());
  CHECK(present_before(moved.front(), before));
}

TEST_CASE("compute_spans: appear, disappear, deletion ends a span, an unreadable revision changes nothing") {
  Timeline t;
  auto revision = [&](TimelineRevision::State state, std::set<std::string> missing) {
    TimelineRevision r;
    r.state = state;
    r.missing = std::move(missing);
    t.revisions.push_back(r);
  };
  using S = TimelineRevision::State;
  revision(S::linted, {"b"});       // 0: a present
  revision(S::linted, {"a", "b"});  // 1: a gone
  revision(S::unreadable, {});      // 2: binary: a stays gone, b stays gone
  revision(S::linted, {});          // 3: both present
  revision(S::unreadable, {});      // 4: both stay present
  revision(S::deleted, {});         // 5: both gone
  compute_spans(t, {{"a", "A"}, {"b", "B"}, {"c", "C"}});
  REQUIRE(t.rows.size() == 3);
  const auto& a = t.rows[0].spans;
  REQUIRE(a.size() == 2);
  CHECK((a[0].from == 0 && a[0].to == 1u));
  CHECK((a[1].from == 3 && a[1].to == 5u));
  const auto& b = t.rows[1].spans;
  REQUIRE(b.size() == 1);
  CHECK((b[0].from == 3 && b[0].to == 5u));
  t.revisions.pop_back();
  compute_spans(t, {{"a", "A"}});
  CHECK_FALSE(t.rows[0].spans.back().to.has_value());  // still present at the last revision
}

TEST_CASE("parse_git_spec: REV:path, and names that are not one") {
  const auto spec = parse_git_spec("HEAD~2:docs/privacy.md");
  REQUIRE(spec);
  CHECK(spec->rev == "HEAD~2");
  CHECK(spec->path == "docs/privacy.md");
  CHECK_FALSE(parse_git_spec("privacy.md"));
  CHECK_FALSE(parse_git_spec(":privacy.md"));
  CHECK_FALSE(parse_git_spec("HEAD:"));
}
