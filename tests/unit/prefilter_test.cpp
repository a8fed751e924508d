// The prefilter: the words a pattern needs (required_words.h), the blocks a
// scan lets through (prefilter.h), and a pattern searched on those blocks only.
#include <catch2/catch.hpp>

#include "clauselint/prefilter.h"
#include "clauselint/rule_set.h"
#include "rules/required_words.h"

using namespace clauselint;

namespace {

std::string atoms(std::string_view regex) { return to_string(required_atoms(regex)); }

std::string normalized(std::string_view text) {
  std::string out;
  normalize_block(text, out);
  return out;
}

}  // namespace

TEST_CASE("a block is normalised: case folded, separators one space, a space at each end", "[prefilter]") {
  CHECK(normalized("We NOTIFY you.") == " we notify you ");
  CHECK(normalized("e-mail:  us") == " e mail us ");
  CHECK(normalized("\xE2\x84\xAA"
                   "elvin ſtore") == " kelvin store ");  // KELVIN SIGN and long s fold as PCRE2 compares them
  CHECK(normalized("caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D") == " caf\xC3\xA9 quoted ");
  CHECK(normalized("") == " ");
}

TEST_CASE("literal words and phrases become atoms in the normalised form", "[prefilter]") {
  CHECK(atoms("privacy") == "'privacy'");
  CHECK(atoms("\\bwe\\b") == "' we '");
  CHECK(atoms("we\\h+notify\\s+you") == "'we notify you'");
  CHECK(atoms("e[\\h-]?mail") == "any('e mail', 'email')");
  CHECK(atoms("Notify|Inform") == "any('inform', 'notify')");
  CHECK(atoms("\\b(?:at\\h+)?any\\h?time\\b") == "any(' any time ', ' anytime ')");  // "at any time" holds "any time"
}

TEST_CASE("gaps, classes and optional parts need nothing; the rest still does", "[prefilter]") {
  CHECK(atoms("notify\\h+(?:\\w+\\h+){0,3}you\\b") == "all('notify ', 'you ')");
  CHECK(atoms("(?:kind\\h+)?regards") == "'regards'");
  CHECK(atoms("[^.]{0,40}cookies") == "'cookies'");
  CHECK(atoms("colou?r") == "any('color', 'colour')");
  CHECK(atoms("data(?!\\h+broker)") == "'data'");  // a lookahead only narrows: dropped
  CHECK(atoms("(?<!not\\h)share") == "'share'");   // so is a lookbehind
  CHECK(atoms("(?x) privacy \\h+ policy  # comment") == "'privacy policy'");
  CHECK(atoms("(?i:GDPR)|(?-i:CCPA)") == "any('ccpa', 'gdpr')");
}

TEST_CASE("what cannot be read, or gives only short words, runs everywhere", "[prefilter]") {
  CHECK(atoms("\\w+") == "*");
  CHECK(atoms("ab|cd") == "*");       // atoms shorter than three bytes find nearly every block
  CHECK(atoms("(\\w+) \\1") == "*");  // a back-reference
  CHECK(atoms("(?(DEFINE)(?<x>a))") == "*");
  CHECK(atoms("(*UTF)privacy") == "*");
  CHECK(atoms("privacy|\\w+") == "*");  // one branch needs nothing
  CHECK(atoms("[unclosed") == "*");
}

TEST_CASE("a scan lets a pattern run only on the blocks holding its words", "[prefilter]") {
  RuleSet set;
  std::string error;
  std::size_t offset = 0;
  const int notify = set.add_matcher({"notify", Pattern::compile("\\bnotify\\h+you\\b", error, offset), nullptr, ""});
  const int anything = set.add_matcher({"anything", Pattern::compile("\\w+", error, offset), nullptr, ""});
  Prefilter prefilter(set.matchers());
  const std::string text = "We may NOTIFY you.\nCookies are small files.\nWe will notify   you by e-mail.";
  const auto scan = prefilter.scan(text);
  const auto blocks = scan.blocks_for(notify);
  REQUIRE(blocks);
  CHECK(*blocks == std::vector<std::uint32_t>{0, 44});
  CHECK_FALSE(scan.blocks_for(anything));  // no usable words: every block

  // Searching only those blocks finds what a full search finds.
  std::vector<Match> all, only;
  set.matchers()[static_cast<std::size_t>(notify)].pattern->find_in_blocks(text, all);
  set.matchers()[static_cast<std::size_t>(notify)].pattern->find_in_blocks(text, only, nullptr, nullptr, &*blocks);
  REQUIRE(all.size() == 2);
  CHECK(only.size() == all.size());
  CHECK(only[1].begin == all[1].begin);
}

TEST_CASE("trees computed at build time read back as they were written", "[prefilter]") {
  for (const char* regex : {"privacy", "\\bwe\\h+(?:may\\h+)?notify\\h+you\\b", "e[\\h-]?mail|phone|letter", "\\w+"}) {
    const AtomTree tree = required_atoms(regex);
    const std::string serialized = serialize(tree) + "rest";
    std::string_view text = serialized;
    CHECK(to_string(deserialize(text)) == to_string(tree));
    CHECK(text == "rest");
  }
  std::string_view cut = "|3:a4:mail";  // cut short: an "any" missing parts would hold too rarely
  CHECK(deserialize(cut).kind == AtomTree::Kind::everywhere);
  std::string_view junk = "?x";
  CHECK(deserialize(junk).kind == AtomTree::Kind::everywhere);
}

TEST_CASE("a table line names the regex by hash and length", "[prefilter]") {
  const std::string line = Prefilter::table_line("\\bnotify\\h+you\\b");
  CHECK(line.size() > 20);
  CHECK(line.substr(16) == " 16 a12: notify you \n");
}

TEST_CASE("a digit is an atom: \\d needs a block with a decimal digit, in any script", "[prefilter]") {
  CHECK(atoms("\\d") == "\\d");
  CHECK(atoms("\\b\\d{1,4}\\h+days\\b") == "all(\\d, ' days ')");
  CHECK(atoms("\\d*\\h*days") == "'days'");  // optional digits need nothing
  CHECK(atoms("\\D+|\\w\\d") == "*");        // \D and \w are classes: nothing
  CHECK(atoms("[\\d]{3}") == "*");           // (a class holding \d is not read)
  std::string_view table_form =
      "a6:\x01"
      "digitrest";
  CHECK(to_string(deserialize(table_form)) == "\\d");

  RuleSet set;
  std::string error;
  std::size_t offset = 0;
  const int year = set.add_matcher({"year", Pattern::compile("\\b\\d{4}\\b", error, offset), nullptr, ""});
  Prefilter prefilter(set.matchers());
  // Blocks: none, ASCII, Arabic-Indic (U+0661..), fullwidth (U+FF12..), a curly quote only.
  const std::string text =
      "No digits here.\nSince 2024.\nSince "
      "\xD9\xA1\xD9\xA2\xD9\xA3\xD9\xA4.\n\xEF\xBC\x92\xEF\xBC\x90\n\xE2\x80\x9Cquoted\xE2\x80\x9D";
  const auto blocks = prefilter.scan(text).blocks_for(year);
  REQUIRE(blocks);
  CHECK(*blocks == std::vector<std::uint32_t>{16, 28, 44});
  std::vector<Match> all, only;
  set.matchers()[static_cast<std::size_t>(year)].pattern->find_in_blocks(text, all);
  set.matchers()[static_cast<std::size_t>(year)].pattern->find_in_blocks(text, only, nullptr, nullptr, &*blocks);
  CHECK(all.size() == 2);  // PCRE2 finds 2024 and the Arabic-Indic year
  CHECK(only.size() == all.size());
}
