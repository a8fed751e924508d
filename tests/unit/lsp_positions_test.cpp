// LSP positions (0-based, UTF-16 code units or UTF-8 bytes) against byte
// offsets and clauselint's 1-based code-point columns; incremental edits.
#include <catch2/catch.hpp>

#include "lsp/documents.h"
#include "lsp/positions.h"

using namespace clauselint;
using namespace clauselint::lsp;

TEST_CASE("lsp positions: surrogate pairs count two UTF-16 units", "[lsp]") {
  const std::string text = "a📝b\né!";  // 📝 is 4 bytes, 2 UTF-16 units; é 2 bytes, 1 unit
  const auto starts = line_starts(text);
  CHECK(to_offset(text, starts, {0, 0}, Encoding::utf16) == 0);
  CHECK(to_offset(text, starts, {0, 1}, Encoding::utf16) == 1);
  CHECK(to_offset(text, starts, {0, 3}, Encoding::utf16) == 5);   // after the emoji
  CHECK(to_offset(text, starts, {0, 2}, Encoding::utf16) == 1);   // half a pair: its start
  CHECK(to_offset(text, starts, {0, 4}, Encoding::utf16) == 6);   // end of line 0
  CHECK(to_offset(text, starts, {0, 99}, Encoding::utf16) == 6);  // past the end: the line end
  CHECK(to_offset(text, starts, {1, 1}, Encoding::utf16) == 9);
  CHECK(to_offset(text, starts, {5, 0}, Encoding::utf16) == text.size());
  CHECK(to_offset(text, starts, {0, 5}, Encoding::utf8) == 5);
  CHECK(to_lsp(text, starts, 5, Encoding::utf16) == LspPosition{0, 3});
  CHECK(to_lsp(text, starts, 5, Encoding::utf8) == LspPosition{0, 5});
  CHECK(to_lsp(text, starts, 10, Encoding::utf16) == LspPosition{1, 2});
}

TEST_CASE("lsp positions: CRLF, lone CR and LF end lines; the break is not a character", "[lsp]") {
  const std::string text = "ab\r\ncd\ref\ngh";
  const auto starts = line_starts(text);
  REQUIRE(starts.size() == 4);
  CHECK(starts[1] == 4);
  CHECK(starts[2] == 7);
  CHECK(to_offset(text, starts, {0, 5}, Encoding::utf16) == 2);  // before "\r\n"
  CHECK(to_offset(text, starts, {1, 2}, Encoding::utf16) == 6);
  CHECK(to_lsp(text, starts, 3, Encoding::utf16) == LspPosition{0, 2});  // inside "\r\n": the line end
  CHECK(to_lsp(text, starts, 8, Encoding::utf16) == LspPosition{2, 1});
}

TEST_CASE("lsp positions: clauselint columns are code points", "[lsp]") {
  const SourceFile source("p.md", "# Policy 📝 x\r\nsecond 📝📝 line\n");
  // Column 10 is "📝" (1-based code points): 9 UTF-16 units before it.
  CHECK(from_clauselint(source, {1, 10}, Encoding::utf16) == LspPosition{0, 9});
  CHECK(from_clauselint(source, {1, 11}, Encoding::utf16) == LspPosition{0, 11});
  CHECK(from_clauselint(source, {1, 11}, Encoding::utf8) == LspPosition{0, 13});
  CHECK(from_clauselint(source, {2, 10}, Encoding::utf16) == LspPosition{1, 11});
  CHECK(from_clauselint(source, {2, 99}, Encoding::utf16) == LspPosition{1, 16});  // clamped to the line
  CHECK(from_clauselint(source, {0, 0}, Encoding::utf16) == LspPosition{0, 0});
}

TEST_CASE("lsp documents: incremental edits in UTF-16, full replacement", "[lsp]") {
  std::string text = "# T📝tle\r\nline two\nline three\n";
  apply_change(text, LspRange{{0, 3}, {0, 5}}, "i", Encoding::utf16);  // the emoji (2 units) -> "i"
  CHECK(text == "# Title\r\nline two\nline three\n");
  apply_change(text, LspRange{{1, 0}, {2, 0}}, "", Encoding::utf16);  // delete line two
  CHECK(text == "# Title\r\nline three\n");
  apply_change(text, LspRange{{0, 99}, {0, 99}}, "!", Encoding::utf16);  // past the line end: before CRLF
  CHECK(text == "# Title!\r\nline three\n");
  apply_change(text, LspRange{{1, 4}, {1, 0}}, "", Encoding::utf16);  // reversed: as if in order
  CHECK(text == "# Title!\r\n three\n");
  apply_change(text, LspRange{{9, 0}, {9, 0}}, "end", Encoding::utf16);  // past the last line: appended
  CHECK(text == "# Title!\r\n three\nend");
  apply_change(text, std::nullopt, "new", Encoding::utf16);
  CHECK(text == "new");
}

TEST_CASE("lsp documents: file URIs", "[lsp]") {
  CHECK(path_from_uri("file:///home/a%20b/p%C3%A9.md") == "/home/a b/pé.md");
  CHECK(path_from_uri("file://localhost/x.md") == "/x.md");
  CHECK(path_from_uri("untitled:Untitled-1").empty());
  CHECK(path_from_uri("file:///a%00b").empty());
  CHECK(uri_from_path("/tmp/a b/é.md") == "file:///tmp/a%20b/%C3%A9.md");
  CHECK(policy_format("markdown", "") == InputFormat::markdown);
  CHECK(policy_format("html", "") == InputFormat::html);
  CHECK(policy_format("python", "/x/a.htm") == InputFormat::html);
  CHECK_FALSE(policy_format("python", "/x/a.py"));
}
