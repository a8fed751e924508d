// The block memo (block_memo.h): a block seen before gives the matches a
// search would give, also where what precedes the block changes them.
#include <catch2/catch.hpp>

#include <algorithm>

#include "clauselint/block_memo.h"
#include "helpers.h"

using namespace clauselint;

namespace {

std::vector<std::string> found(const RuleSet& rules, const std::string& markdown) {
  std::vector<std::string> out;
  for (const Finding& f : lint_document(test::parse(markdown), rules).findings)
    out.push_back(f.rule_id + "@" + test::at(f.range.start));
  return out;
}

bool has(const std::vector<std::string>& findings, const std::string& rule) {
  return std::any_of(findings.begin(), findings.end(), [&](const std::string& f) { return f.starts_with(rule + "@"); });
}

}  // namespace

TEST_CASE("a remembered block gives what searching it gives, whatever precedes it", "[memo]") {
  RuleSet rules;
  const std::string yaml =
      test::pack(test::rule("after-b", "    forbid: '(?<=b\\n)xyz'\n") +         // sees two characters back
                 test::rule("at-start", "    forbid: '\\Axyz'\n") +              // only at the text's start
                 test::rule("own-line", "    forbid: '(?m)^xyz\\b'\n") +         // after a newline
                 test::rule("anywhere", "    forbid: '\\bxyz\\b'\n") +           //
                 test::rule("b-word", "    forbid: '(?<=\\bb\\n)xyz'\n") +       // \b: three back
                 test::rule("nested", "    forbid: '(?<=(?<=\\bb)\\n)xyz'\n"));  // three back, PCRE2 says one
  REQUIRE(rules.load_pack(yaml, "memo.yaml").empty());
  const std::vector<std::string> documents = {
      "ab\n\nxyz\n", "cd\n\nxyz\n", "xyz\n", "ab\n\nxyz\n", "a b\n\nxyz\n", "ab\n\nxyz\n", "xyz xyz\n\nab\n\nxyz\n"};
  std::vector<std::vector<std::string>> searched;
  for (const auto& d : documents) searched.push_back(found(rules, d));
  // The cases differ as intended: the same block "xyz" matches or not by what precedes it.
  CHECK(has(searched[0], "after-b"));
  CHECK_FALSE(has(searched[1], "after-b"));
  CHECK(has(searched[2], "at-start"));
  CHECK_FALSE(has(searched[0], "at-start"));
  CHECK(has(searched[0], "own-line"));
  CHECK(has(searched[4], "b-word"));
  CHECK_FALSE(has(searched[5], "b-word"));
  CHECK(has(searched[4], "nested"));
  CHECK_FALSE(has(searched[5], "nested"));

  const MemoScope memo;
  for (int round = 0; round < 2; ++round) {
    for (std::size_t i = 0; i < documents.size(); ++i) {
      INFO("round " << round << ", document " << i);
      CHECK(found(rules, documents[i]) == searched[i]);
    }
  }
}

TEST_CASE("rule sets loaded one after another never share remembered results", "[memo]") {
  // Both rule sets' only matcher has index 0: results are keyed by pattern, not by index.
  const MemoScope memo;
  for (const char* regex : {"'\\bdata\\b'", "'\\bdata\\b(?!\\h+broker)'"}) {
    RuleSet rules;
    REQUIRE(rules.load_pack(test::pack(test::rule("r", std::string("    forbid: ") + regex + "\n")), "m.yaml").empty());
    CHECK(found(rules, "data broker\n\ndata\n").size() ==
          (std::string(regex).find("broker") == std::string::npos ? 2u : 1u));
  }
}
