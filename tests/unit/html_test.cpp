// HTML input (gumbo): blocks, text, links, and positions in the HTML source.
#include <catch2/catch.hpp>

#include "clauselint/parse.h"
#include "helpers.h"

using namespace clauselint;

namespace {

Document html(const std::string& text) {
  std::vector<Diagnostic> diagnostics;
  return parse_html(std::make_shared<const SourceFile>("policy.html", text), diagnostics);
}

std::vector<std::string> block_texts(const Document& doc) {
  std::vector<std::string> out;
  for (const auto& b : doc.blocks) out.emplace_back(doc.slice(b.range));
  return out;
}

}  // namespace

TEST_CASE("HTML: headings, paragraphs, list items and cells become blocks", "[html]") {
  const Document doc = html(
      "<html><head><title>T</title><style>p{}</style></head><body>\n<h1>Privacy</h1>\n<p>We use <b>cookies</b>\n"
      "and <em>logs</em>.</p><ul><li>one</li><li>two</li></ul><table><tr><td>a</td></tr></table>"
      "<script>var contact = 'x@y.com';</script><!-- note --></body></html>");
  CHECK(block_texts(doc) == std::vector<std::string>{"Privacy", "We use cookies and logs.", "one", "two", "a"});
  CHECK(doc.blocks[0].kind == BlockKind::heading);
  CHECK(doc.blocks[0].level == 1);
  CHECK(doc.blocks[2].kind == BlockKind::list_item);
  CHECK(doc.blocks[4].kind == BlockKind::table_cell);
  CHECK(doc.blocks[1].section == 0);
}

TEST_CASE("HTML: entities are decoded and map back to the source", "[html]") {
  const Document doc = html("<p>AT&amp;T&rsquo;s data</p>");
  CHECK(doc.slice(doc.blocks[0].range) == "AT&T's data");
  const auto at = static_cast<std::uint32_t>(doc.text.find("data"));
  CHECK(test::at(doc.position_of(at)) == "1:21");
  CHECK(test::at(doc.source_range({0, 3}).end) == "1:11");  // "AT&" ends after "&amp;"
}

TEST_CASE("HTML: link destinations and image alt text are visible to rules", "[html]") {
  const Document doc =
      html("<p><a href=\"mailto:dpo@example.com\">Contact us</a> <img alt=\"Kids' corner\" src=\"k.png\"></p>");
  CHECK(doc.slice(doc.blocks[0].range) == "Contact us <mailto:dpo@example.com> Kids' corner");
  const auto at = static_cast<std::uint32_t>(doc.text.find("dpo@"));
  CHECK(test::at(doc.position_of(at)) == "1:20");
}

TEST_CASE("HTML: a bold-only paragraph is a heading", "[html]") {
  const Document doc = html("<h1>P</h1><p><strong>Cookies</strong></p><p>We use cookies.</p>");
  CHECK(doc.blocks[1].kind == BlockKind::heading);
  CHECK(doc.blocks[2].section == 1);
}

TEST_CASE("input formats are chosen by extension", "[html]") {
  CHECK(input_format_for("a/policy.HTML") == InputFormat::html);
  CHECK(input_format_for("policy.htm") == InputFormat::html);
  CHECK(input_format_for("policy.md") == InputFormat::markdown);
  CHECK(input_format_for("policy.txt") == InputFormat::markdown);
  CHECK(parse_input_format("html") == InputFormat::html);
  CHECK_FALSE(parse_input_format("pdf"));
}
