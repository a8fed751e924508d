// PCRE2 patterns and the built-in extractors.
#include <catch2/catch.hpp>

#include "clauselint/builtin_packs.h"
#include "clauselint/extractors.h"
#include "clauselint/load_packs.h"
#include "clauselint/pattern.h"

using namespace clauselint;

namespace {

std::shared_ptr<const Pattern> compile(std::string_view regex) {
  std::string error;
  std::size_t offset = 0;
  auto p = Pattern::compile(regex, error, offset);
  INFO(error);
  REQUIRE(p);
  return p;
}

std::vector<std::string> found(std::string_view regex, std::string_view text,
                               bool (*accept)(std::string_view) = nullptr) {
  std::vector<Match> matches;
  REQUIRE(compile(regex)->find_all(text, matches).empty());
  std::vector<std::string> out;
  for (const auto& m : matches) {
    const auto s = text.substr(m.begin, m.end - m.begin);
    if (!accept || accept(s)) out.emplace_back(s);
  }
  return out;
}

std::vector<std::string> extract(std::string_view name, std::string_view text) {
  const Extractor* e = find_extractor(name);
  REQUIRE(e);
  return found(e->regex, text, e->accept);
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("patterns are caseless and Unicode-aware", "[pattern]") {
  CHECK(found(R"(\bcookies\b)", "COOKIES and Cookies") == Strings{"COOKIES", "Cookies"});
  CHECK(found(R"(\w+)", "café") == Strings{"café"});
  CHECK(found(R"((?-i:Street))", "street Street") == Strings{"Street"});
}

TEST_CASE("find_all returns every non-overlapping match with byte offsets", "[pattern]") {
  std::vector<Match> m;
  CHECK(compile("ab")->find_all("ab ab", m).empty());
  REQUIRE(m.size() == 2);
  CHECK(m[1].begin == 3);
  CHECK(m[1].end == 5);
}

TEST_CASE("empty matches do not loop forever", "[pattern]") {
  std::vector<Match> m;
  CHECK(compile("x*")
            ->find_all("a\xC3\xA9"
                       "b",
                       m)
            .empty());
  CHECK(m.empty());
}

TEST_CASE("a bad regex reports PCRE2's message and offset", "[pattern]") {
  std::string error;
  std::size_t offset = 0;
  CHECK_FALSE(Pattern::compile("ab(c", error, offset));
  CHECK_THAT(error, Catch::Contains("missing closing parenthesis"));
  CHECK(offset == 4);
}

TEST_CASE("catastrophic backtracking stops at the match limit", "[pattern]") {
  std::vector<Match> m;
  const std::string problem = compile("(?:a+)+$")->find_all(std::string(40, 'a') + "b", m);
  CHECK_THAT(problem, Catch::Contains("limit"));
}

TEST_CASE("extractor: email", "[extractors]") {
  CHECK(extract("email", "Write to privacy@example.com or <mailto:dpo@example.co.uk>.") ==
        Strings{"privacy@example.com", "dpo@example.co.uk"});
  CHECK(extract("email", "privacy [at] example [dot] com") == Strings{"privacy [at] example [dot] com"});
  CHECK(extract("email", "the email address below, our e-mail team").empty());
}

TEST_CASE("extractor: phone", "[extractors]") {
  CHECK(extract("phone", "Call +1 (555) 010-0199 or 0800 123 4567.") == Strings{"+1 (555) 010-0199", "0800 123 4567"});
  CHECK(extract("phone", "1-800-555-0100") == Strings{"1-800-555-0100"});
  CHECK(extract("phone", "Call 5550100199 now") == Strings{"5550100199"});
  CHECK(extract("phone", "Call 555.010.0199") == Strings{"555.010.0199"});
  for (const char* text : {"Cal. Civ. Code 1798.100", "within 30 days", "since 2014-2015", "on 2025-03-01",
                           "at 192.168.100.200", "zip 94087"}) {
    INFO(text);
    CHECK(extract("phone", text).empty());
  }
}

TEST_CASE("extractor: postal address", "[extractors]") {
  CHECK(extract("postal-address", "Write to 525 W. Remington Drive, Suite 106, Sunnyvale, CA 94087.").size() >= 2);
  CHECK_FALSE(extract("postal-address", "Example Ltd, 12 Harbour Road, Bristol BS1 5TT").empty());
  CHECK_FALSE(extract("postal-address", "PO Box 1234, Springfield").empty());
  CHECK_FALSE(extract("postal-address", "Hauptweg 5a, 10115 Berlin").empty());
  CHECK(extract("postal-address", "we keep logs for 30 days in a way you control; see Section 5 below").empty());
}

TEST_CASE("extractor: url and contact-url", "[extractors]") {
  CHECK(extract("url", "See https://example.com/privacy, or www.example.org.") ==
        Strings{"https://example.com/privacy", "www.example.org"});
  CHECK(extract("url", "contact us <https://example.com/form>") == Strings{"https://example.com/form"});
  CHECK(extract("contact-url", "https://example.com/contact and https://example.com/about") ==
        Strings{"https://example.com/contact"});
  CHECK(extract("contact-url", "use our form <./contact-us>") == Strings{"./contact-us"});
  CHECK(extract("contact-url", "https://support.example.com and https://example.com/forms/request") ==
        Strings{"https://support.example.com", "https://example.com/forms/request"});
  CHECK(extract("contact-url", "https://example.com/privacy-information and https://platform.example.com").empty());
}

TEST_CASE("extractor: dates and policy dates", "[extractors]") {
  CHECK(extract("date", "March 1, 2025; 1 March 2025; 2025-03-01; 03/01/2025").size() == 4);
  CHECK(extract("policy-date", "Last updated: March 1, 2025") == Strings{"Last updated: March 1, 2025"});
  CHECK(extract("policy-date", "Effective date: 2025-03-01") == Strings{"Effective date: 2025-03-01"});
  CHECK(extract("policy-date", "Copyright 2025. Founded March 1, 2010.").empty());
}

TEST_CASE("built-in packs compile their patterns on first use; every one of them compiles", "[pattern]") {
  RuleSet rules;
  const auto packs = selectable_builtin_packs();
  REQUIRE(load_packs(rules, std::vector<std::string>(packs.begin(), packs.end())).empty());
  REQUIRE(rules.matchers().size() > 100);
  for (const Matcher& m : rules.matchers()) {
    INFO(m.label());
    CHECK(m.pattern->compile_error().empty());
  }
}

TEST_CASE("a deferred pattern that does not compile reports it on every search", "[pattern]") {
  const auto bad = Pattern::deferred("(unclosed");
  CHECK_THAT(bad->compile_error(), Catch::Matchers::Contains("missing closing parenthesis"));
  std::vector<Match> out;
  const auto problem = bad->find_in_blocks("some text", out);
  CHECK(problem.kind == Pattern::Problem::Kind::limit);
  CHECK_THAT(problem.what, Catch::Matchers::Contains("invalid regex"));
  CHECK_FALSE(bad->search("unclosed"));
}

// Built-in images carry each pattern's compiled code (pack_image.h): decoding
// it matches as compiling does, and bytes this PCRE2 refuses (another version,
// not code at all) make the pattern compile from its source instead.
TEST_CASE("a deferred pattern decodes serialized code, or compiles when it cannot", "[pattern]") {
  std::string error;
  std::size_t offset = 0;
  const auto compiled = clauselint::Pattern::compile("\\bopt(?:s|ed|ing)?[\\h-]*out\\b", error, offset);
  REQUIRE(compiled);
  const std::string code = compiled->serialize();
  REQUIRE(code.size() > 16);
  std::string other_version = code;
  other_version[4] = static_cast<char>(other_version[4] + 1);  // the major version, after the 4-byte magic
  const std::string text = "You can opt-out at any time, or opting out by mail.";
  std::vector<clauselint::Match> expected;
  CHECK(compiled->find_all(text, expected).empty());
  REQUIRE(expected.size() == 2);
  for (const std::string& bytes : {code, other_version, std::string("not pcre2 code at all")}) {
    const auto pattern = clauselint::Pattern::deferred(compiled->source(), bytes);
    std::vector<clauselint::Match> got;
    CHECK(pattern->compile_error().empty());
    CHECK(pattern->find_all(text, got).empty());
    REQUIRE(got.size() == expected.size());
    for (std::size_t i = 0; i < got.size(); ++i)
      CHECK((got[i].begin == expected[i].begin && got[i].end == expected[i].end));
  }
  CHECK(clauselint::Pattern::deferred("(unclosed")->serialize().empty());
}
