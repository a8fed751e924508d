// Input decoding (include/clauselint/input.h).
#include <catch2/catch.hpp>

#include "helpers.h"

#include "clauselint/input.h"

using namespace clauselint;

TEST_CASE("a UTF-8 BOM is stripped", "[input]") {
  const auto r = decode_source("a.md", "\xEF\xBB\xBFhello");
  REQUIRE(r.source);
  CHECK(r.source->text() == "hello");
  CHECK(r.diagnostics.empty());
}

TEST_CASE("UTF-16 with a BOM is transcoded", "[input]") {
  SECTION("little endian") {
    const auto r = decode_source("a.md", std::string("\xFF\xFEh\0\x19\x20", 6));
    REQUIRE(r.source);
    CHECK(r.source->text() == "h\xE2\x80\x99");
  }
  SECTION("big endian, with a surrogate pair") {
    const auto r = decode_source("a.md", std::string("\xFE\xFF\0h\xD8\x3D\xDE\x00", 8));
    REQUIRE(r.source);
    CHECK(r.source->text() == "h\xF0\x9F\x98\x80");
  }
}

TEST_CASE("invalid UTF-8 is repaired and reported once, with its position", "[input]") {
  const auto r = decode_source("a.md", "ok\nx\xFFy\xC3(z");
  REQUIRE(r.source);
  CHECK(r.source->text() == "ok\nx\xEF\xBF\xBDy\xEF\xBF\xBD(z");
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].severity == Severity::note);
  CHECK(test::at(r.diagnostics[0].position) == "2:2");
  CHECK_THAT(r.diagnostics[0].message, Catch::Contains("2 bytes"));
}

TEST_CASE("empty, blank and binary inputs are rejected", "[input]") {
  for (const std::string& bytes : {std::string(), std::string(" \n\t\r\n"), std::string("PK\x03\x04\0\0", 6)}) {
    const auto r = decode_source("a.md", bytes);
    CHECK_FALSE(r.source);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].severity == Severity::error);
    CHECK(r.diagnostics[0].file == "a.md");
  }
}

TEST_CASE("inputs over the size limit are rejected", "[input]") {
  const auto r = decode_source("big.md", std::string(kMaxInputBytes + 1, 'a'));
  CHECK_FALSE(r.source);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK_THAT(r.diagnostics[0].message, Catch::Contains("too large"));
}

TEST_CASE("policy extensions", "[input]") {
  CHECK(is_policy_extension("a.md"));
  CHECK(is_policy_extension("dir/a.MARKDOWN"));
  CHECK(is_policy_extension("a.txt"));
  CHECK_FALSE(is_policy_extension("a.yaml"));
  CHECK_FALSE(is_policy_extension("README"));
}
