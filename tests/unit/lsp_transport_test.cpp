// The language server's framing: Content-Length headers, split and joined
// reads, bad and oversized headers and resynchronising after them.
#include <catch2/catch.hpp>

#include "clauselint/lsp.h"

using clauselint::lsp::frame;
using clauselint::lsp::FrameReader;

namespace {

std::vector<FrameReader::Frame> drain(FrameReader& r) {
  std::vector<FrameReader::Frame> out;
  while (auto f = r.next()) out.push_back(*f);
  return out;
}

}  // namespace

TEST_CASE("lsp framing: whole, split byte by byte, and back to back", "[lsp]") {
  const std::string stream = frame(R"({"a":1})") + frame("{}") + frame("{\"é\":\"📝\"}");
  FrameReader whole;
  whole.feed(stream);
  auto frames = drain(whole);
  REQUIRE(frames.size() == 3);
  CHECK(frames[0].text == R"({"a":1})");
  CHECK(frames[2].text == "{\"é\":\"📝\"}");  // Content-Length counts bytes
  FrameReader bytewise;
  std::vector<FrameReader::Frame> got;
  for (char c : stream) {
    bytewise.feed(std::string_view(&c, 1));
    for (auto& f : drain(bytewise)) got.push_back(f);
  }
  REQUIRE(got.size() == 3);
  CHECK(got[1].text == "{}");
  CHECK(bytewise.pending() == 0);
}

TEST_CASE("lsp framing: other headers, any case, and a truncated body waits", "[lsp]") {
  FrameReader r;
  r.feed("content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}");
  auto frames = drain(r);
  REQUIRE(frames.size() == 1);
  CHECK(frames[0].ok);
  r.feed("Content-Length: 9\r\n\r\n{\"a\"");
  CHECK(drain(r).empty());
  CHECK(r.pending() > 0);
  r.feed(":123}");
  frames = drain(r);
  REQUIRE(frames.size() == 1);
  CHECK(frames[0].text == R"({"a":123})");
}

TEST_CASE("lsp framing: bad headers are errors, then the next message is read", "[lsp]") {
  for (const std::string bad :
       {"Content-Length: abc\r\n\r\n", "Content-Length: -5\r\n\r\n", "X-Other: 1\r\n\r\n", "no colon here\r\n\r\n",
        "Content-Length: 99999999999999999999999\r\n\r\n", "Content-Length: 67108865\r\n\r\n"}) {
    CAPTURE(bad);
    FrameReader r;
    r.feed(bad + "garbage" + frame("{}"));
    auto frames = drain(r);
    REQUIRE(frames.size() == 2);
    CHECK_FALSE(frames[0].ok);
    CHECK_FALSE(frames[0].text.empty());
    CHECK(frames[1].ok);
    CHECK(frames[1].text == "{}");
  }
}

TEST_CASE("lsp framing: an endless header is an error, not unbounded memory", "[lsp]") {
  FrameReader r;
  r.feed(std::string(clauselint::lsp::kMaxHeaderBytes + 10, 'x'));
  auto frames = drain(r);
  REQUIRE(frames.size() == 1);
  CHECK_FALSE(frames[0].ok);
  CHECK(frames[0].text.find("header") != std::string::npos);
  CHECK(r.pending() < 32);
  r.feed(frame("{}"));
  frames = drain(r);
  REQUIRE(frames.size() == 1);
  CHECK(frames[0].text == "{}");
}
