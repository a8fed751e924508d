// Word lists written with shared leading letters (shared_prefixes.h): the
// regex reads as expected and matches exactly what the plain alternation does.
#include <catch2/catch.hpp>

#include <random>

#include "clauselint/pattern.h"
#include "rules/shared_prefixes.h"

using namespace clauselint;

namespace {

std::string shared(std::vector<std::string_view> alternatives) { return with_shared_prefixes(alternatives); }

std::vector<Match> matches(const std::string& alternation, const std::string& text) {
  std::string error;
  std::size_t offset = 0;
  const auto pattern = Pattern::compile("\\b(?:" + alternation + ")\\b", error, offset);
  REQUIRE(pattern);
  std::vector<Match> out;
  REQUIRE(pattern->find_all(text, out).empty());
  return out;
}

std::string plain(const std::vector<std::string>& alternatives) {
  std::string out;
  for (const auto& a : alternatives) out += (out.empty() ? "" : "|") + a;
  return out;
}

}  // namespace

TEST_CASE("shared leading letters are written once, in the order of first appearance", "[language]") {
  CHECK(shared({"account\\s+holders", "account\\s+holder", "user", "any\\s+one", "users", "age"}) ==
        "a(?:ccount(?:\\s+holders|\\s+holder)|ny\\s+one|ge)|user(?:|s)");
  CHECK(shared({"users", "user", "use"}) == "use(?:rs|r|)");    // an empty rest: that level as it is
  CHECK(shared({"ab+", "abc"}) == "a(?:b+|bc)");                // a quantifier keeps its letter
  CHECK(shared({"\\d+", "abc", "abd"}) == "\\d+|abc|abd");      // a class first: the list as it is
  CHECK(shared({"Kid", "apple", "kite"}) == "Kid|kite|apple");  // K and k: one group, nothing shared
  CHECK(shared({"e[\\h-]?mail", "email"}) == "e(?:[\\h-]?mail|mail)");
  CHECK(shared({"only"}) == "only");
}

TEST_CASE("a word list with shared letters matches what the plain list matches", "[language]") {
  // The same alternative must win where several match at one place ("opt" before "opt out").
  const std::vector<std::string> order{"opt", "opt\\s+out", "optional"};
  const std::string text = "You may opt out, opt, or opt  out optionally; OPT OUT.";
  CHECK(matches(shared({order.begin(), order.end()}), text) == matches(plain(order), text));

  // Random lists and texts over a few letters, so that prefixes collide often.
  std::mt19937 random(20261206);
  auto word = [&](int longest) {
    std::string w;
    const int n = 1 + static_cast<int>(random() % static_cast<unsigned>(longest));
    for (int i = 0; i < n; ++i) w += "abAB"[random() % 4];
    if (random() % 5 == 0) w += "\\s+b";
    if (random() % 7 == 0) w.insert(1 + random() % w.size(), "?");  // a quantified letter (never first)
    return w;
  };
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> list;
    for (int n = 2 + static_cast<int>(random() % 6); n > 0; --n) list.push_back(word(4));
    std::string text;
    for (int n = 20; n > 0; --n) text += std::string(1, "abAB  "[random() % 6]);
    INFO("list " << plain(list) << ", text '" << text << "'");
    const std::string written = shared({list.begin(), list.end()});
    CHECK(matches(written, text) == matches(plain(list), text));
  }
}
