// Offset to line/column mapping (include/clauselint/source.h).
#include <catch2/catch.hpp>

#include "helpers.h"

#include "clauselint/source.h"

using clauselint::Position;
using clauselint::SourceFile;

TEST_CASE("lines and columns are 1-based", "[source]") {
  const SourceFile f("a.md", "ab\ncd\n");
  CHECK(test::at(f.locate(0)) == "1:1");
  CHECK(test::at(f.locate(1)) == "1:2");
  CHECK(test::at(f.locate(3)) == "2:1");
  CHECK(test::at(f.locate(4)) == "2:2");
  CHECK(f.line_count() == 3);
  CHECK(f.line_text(2) == "cd");
}

TEST_CASE("CRLF and lone CR end lines", "[source]") {
  const SourceFile f("a.md", "a\r\nb\rc");
  CHECK(test::at(f.locate(3)) == "2:1");
  CHECK(test::at(f.locate(5)) == "3:1");
  CHECK(f.line_text(1) == "a");
  CHECK(f.line_text(2) == "b");
}

TEST_CASE("columns count code points, not bytes", "[source]") {
  // "’" is three bytes, "é" two: the "x" after them is column 3.
  const SourceFile f("a.md", "\xE2\x80\x99\xC3\xA9x");
  CHECK(test::at(f.locate(5)) == "1:3");
}

TEST_CASE("offsets past the end are clamped", "[source]") {
  const SourceFile f("a.md", "ab");
  CHECK(test::at(f.locate(99)) == "1:3");
}
