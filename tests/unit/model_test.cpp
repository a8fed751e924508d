// The document model: normalisation, blocks, sections, links, front matter,
// and the mapping of every character back to its source position.
#include <catch2/catch.hpp>

#include "helpers.h"
#include "model/text_builder.h"

using namespace clauselint;

namespace {

// Position of the first occurrence of `needle` in the document's text.
Position where(const Document& doc, std::string_view needle) {
  const auto at = doc.text.find(needle);
  REQUIRE(at != std::string::npos);
  return doc.position_of(static_cast<std::uint32_t>(at));
}

}  // namespace

TEST_CASE("normalisation folds quotes, dashes and white space", "[model]") {
  CHECK(normalise_text("We\xE2\x80\x99re \xE2\x80\x9C"
                       "free\xE2\x80\x9D") == "We're \"free\"");
  CHECK(normalise_text("a\xE2\x80\x94"
                       "b \xE2\x80\x93 c\xE2\x88\x92"
                       "d") == "a-b - c-d");
  CHECK(normalise_text("  one\n\t two\xC2\xA0three  ") == "one two three");
  CHECK(normalise_text("zero\xE2\x80\x8Bwidth soft\xC2\xADhyphen") == "zerowidth softhyphen");
  CHECK(normalise_text("wait\xE2\x80\xA6") == "wait...");
}

TEST_CASE("inline markup is stripped but maps back to the source", "[model]") {
  const Document doc = test::parse("# Title\n\nThe **Kids** section covers *children*\nunder 13.\n");
  REQUIRE(doc.blocks.size() == 2);
  CHECK(doc.slice(doc.blocks[1].range) == "The Kids section covers children under 13.");
  CHECK(test::at(where(doc, "Kids")) == "3:7");
  CHECK(test::at(where(doc, "children")) == "3:30");
  CHECK(test::at(where(doc, "under")) == "4:1");  // the line wrap became one space
}

TEST_CASE("end positions are one past the last character", "[model]") {
  const Document doc = test::parse("# T\n\nSay \xE2\x80\x9Chi\xE2\x80\x9D now.\n");
  const auto at = static_cast<std::uint32_t>(doc.text.find("\"hi\""));
  const SourceRange r = doc.source_range({at, at + 4});
  CHECK(test::at(r.start) == "3:5");
  CHECK(test::at(r.end) == "3:9");
}

TEST_CASE("blocks: headings with levels, paragraphs, list items, table cells", "[model]") {
  const Document doc = test::parse(
      "# Policy\n\nIntro.\n\n## Sharing\n\n- one\n- two\n\n| a | b |\n|---|---|\n| c | d |\n\n> quoted text\n");
  std::vector<BlockKind> kinds;
  for (const auto& b : doc.blocks) kinds.push_back(b.kind);
  CHECK(kinds == std::vector<BlockKind>{BlockKind::heading, BlockKind::paragraph, BlockKind::heading,
                                        BlockKind::list_item, BlockKind::list_item, BlockKind::table_cell,
                                        BlockKind::table_cell, BlockKind::table_cell, BlockKind::table_cell,
                                        BlockKind::paragraph});
  CHECK(doc.blocks[0].level == 1);
  CHECK(doc.blocks[2].level == 2);
  CHECK(doc.blocks.back().quoted);
  CHECK(doc.slice(doc.blocks[3].range) == "one");
}

TEST_CASE("sections nest under their parents and include subsections", "[model]") {
  const Document doc = test::parse("# A\n\na.\n\n## B\n\nb.\n\n### C\n\nc.\n\n## D\n\nd.\n");
  REQUIRE(doc.sections.size() == 4);
  CHECK(doc.sections[0].parent == -1);
  CHECK(doc.sections[1].parent == 0);
  CHECK(doc.sections[2].parent == 1);
  CHECK(doc.sections[3].parent == 0);
  CHECK(doc.slice(doc.sections[1].range).find("c.") != std::string_view::npos);
  CHECK(doc.slice(doc.sections[1].range).find("d.") == std::string_view::npos);
  CHECK(doc.blocks.back().section == 3);
}

TEST_CASE("a short all-bold paragraph is a heading", "[model]") {
  const Document doc =
      test::parse("# Policy\n\n **Cookies and other technologies**\n\nWe use cookies.\n\n**Note:** this is prose.\n");
  CHECK(doc.blocks[1].kind == BlockKind::heading);
  CHECK(doc.blocks[1].level == 7);
  CHECK(doc.blocks[2].section == 1);
  CHECK(doc.blocks[3].kind == BlockKind::paragraph);
}

TEST_CASE("a short paragraph in capitals is a heading", "[model]") {
  const Document doc = test::parse(
      "PRIVACY NOTICE\n\nINFORMATION WE COLLECT:\n\nWe collect your name.\n\nUSA\n\nWE DO NOT SELL YOUR DATA, "
      "AND WE NEVER WILL, WHATEVER HAPPENS TO US OR TO THIS COMPANY.\n");
  CHECK(doc.blocks[0].kind == BlockKind::heading);
  CHECK(doc.blocks[1].kind == BlockKind::heading);
  CHECK(doc.blocks[2].section == 1);
  CHECK(doc.blocks[3].kind == BlockKind::heading);    // three capitals are enough
  CHECK(doc.blocks[4].kind == BlockKind::paragraph);  // more than 12 words
}

TEST_CASE("link destinations stay visible to rules", "[model]") {
  const Document doc =
      test::parse("# T\n\nPlease [contact us](mailto:privacy@example.com) or see <https://example.com/help>.\n");
  CHECK(doc.slice(doc.blocks[1].range) ==
        "Please contact us <mailto:privacy@example.com> or see https://example.com/help.");
  CHECK(test::at(where(doc, "privacy@")) == "3:28");
}

TEST_CASE("HTML entities are decoded; raw HTML blocks are not prose", "[model]") {
  const Document doc = test::parse("# T\n\n<!-- a comment -->\n\nAT&amp;T&#8217;s &copy; &bogus;\n");
  REQUIRE(doc.blocks.size() == 2);
  CHECK(doc.slice(doc.blocks[1].range) == "AT&T's \xC2\xA9 &bogus;");
}

TEST_CASE("a range ending in an entity ends after the whole entity", "[model]") {
  const Document doc = test::parse("Fish &amp; chips\n");
  const SourceRange r = doc.source_range({0, 6});  // "Fish &"
  CHECK(test::at(r.end) == "1:11");
}

TEST_CASE("YAML front matter is parsed, not linted", "[model]") {
  std::vector<Diagnostic> diagnostics;
  const Document doc = test::parse(
      "---\ntitle: Privacy\nlast_updated: 2026-03-01\ndate: 2020-01-01\n---\n# Privacy\n\nText.\n", &diagnostics);
  CHECK(diagnostics.empty());
  CHECK(doc.front_matter.at("title").value == "Privacy");
  REQUIRE(doc.policy_dates.count("last_updated") == 1);
  CHECK(doc.policy_dates.at("last_updated").value == "2026-03-01");
  CHECK(test::at(doc.policy_dates.at("last_updated").position) == "3:15");
  CHECK(doc.policy_dates.count("date") == 0);
  CHECK(doc.text.find("title") == std::string::npos);
  CHECK(doc.blocks.front().kind == BlockKind::heading);
  CHECK(test::at(doc.position_of(doc.blocks.front().range.begin)) == "6:3");
}

TEST_CASE("malformed front matter is a warning and is skipped", "[model]") {
  std::vector<Diagnostic> diagnostics;
  const Document doc = test::parse("---\ntitle: [unclosed\n---\n# Privacy\n", &diagnostics);
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].severity == Severity::warning);
  CHECK(diagnostics[0].position.line >= 2);
  CHECK(doc.text.find("unclosed") == std::string::npos);
}

TEST_CASE("a lead-in paragraph ending ':' forms one paragraph unit with its list", "[model]") {
  const Document doc = test::parse("# T\n\nWe will notify you:\n\n- by e-mail\n- on the site\n\nNext.\n");
  REQUIRE(doc.paragraphs.size() == 3);
  CHECK(doc.slice(doc.paragraphs[1]) == "We will notify you:\nby e-mail\non the site");
}

TEST_CASE("the title is the first level-1 heading", "[model]") {
  CHECK(test::parse("> note\n\n## Sub\n\n# Main\n").title_block() == 2);
  CHECK(test::parse("Intro\n\n## Sub\n").title_block() == 1);
  CHECK(test::parse("Just text.\n").title_block() == 0);
}
