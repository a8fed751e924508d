// Issue 13's rewrites, checked against the code they replaced: the
// suppression scanner against the old std::regex, the glob matcher against
// the old recursive matcher, on many random short inputs; and the limits.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <regex>

#include <fmt/format.h>
#include <sys/stat.h>

#include "clauselint/bounded_read.h"
#include "clauselint/config.h"
#include "clauselint/limits.h"
#include "clauselint/safe_text.h"
#include "clauselint/suppression_syntax.h"
#include "clauselint/yaml_limits.h"

using namespace clauselint;

namespace {

// The recursive glob matcher glob.cpp replaced (exponential on "*a*a*a*b").
bool old_glob(std::string_view pattern, std::string_view path) {
  if (pattern.starts_with("./")) pattern.remove_prefix(2);
  if (pattern.empty()) return path.empty();
  if (pattern.starts_with("**")) {
    std::string_view rest = pattern.substr(2);
    if (rest.starts_with('/')) rest.remove_prefix(1);
    for (std::size_t i = 0; i <= path.size(); ++i)
      if ((i == 0 || path[i - 1] == '/' || rest.empty()) && old_glob(rest, path.substr(i))) return true;
    return false;
  }
  if (path.empty()) return false;
  if (pattern[0] == '*') {
    for (std::size_t i = 0; i <= path.size() && (i == 0 || path[i - 1] != '/'); ++i)
      if (old_glob(pattern.substr(1), path.substr(i))) return true;
    return false;
  }
  if (pattern[0] == '?' ? path[0] != '/' : pattern[0] == path[0]) return old_glob(pattern.substr(1), path.substr(1));
  return false;
}

std::string random_string(std::mt19937& rng, std::string_view alphabet, std::size_t max_length) {
  std::string s;
  const std::size_t n = rng() % (max_length + 1);
  for (std::size_t i = 0; i < n; ++i) s += alphabet[rng() % alphabet.size()];
  return s;
}

}  // namespace

TEST_CASE("glob_match agrees with the old recursive matcher", "[hostile][config]") {
  std::mt19937 rng(13);
  for (int i = 0; i < 20000; ++i) {
    const std::string pattern = random_string(rng, "ab*?/.", 8);
    const std::string path = random_string(rng, "ab/.", 8);
    INFO("pattern '" << pattern << "' path '" << path << "'");
    REQUIRE(glob_match(pattern, path) == old_glob(pattern, path));
  }
}

TEST_CASE("glob_match is not exponential", "[hostile][config]") {
  const std::string path(200, 'a');
  CHECK_FALSE(glob_match("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", path));
  CHECK(glob_match("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a", path));
  CHECK_FALSE(glob_match("**/**/**/**/**/**/**/**/**/**/x", std::string(300, '/')));
}

TEST_CASE("parse_directive agrees with the old std::regex", "[hostile][suppressions]") {
  static const std::regex directive(
      R"(^clauselint-([a-z-]+)(?:[ \t\n]+((?:(?![ \t\n]+--(?:[ \t\n]|$))[\s\S])*))?(?:[ \t\n]+--(?:[ \t\n]+([\s\S]*))?)?$)");
  std::mt19937 rng(5);
  for (int i = 0; i < 20000; ++i) {
    const std::string text = "clauselint-" + random_string(rng, "ab- \t\n\rX", 12);
    std::smatch m;
    const bool old = std::regex_match(text, m, directive);
    const auto now = parse_directive(text);
    INFO("comment '" << text << "'");
    REQUIRE(now.has_value() == old);
    if (!old) continue;
    CHECK(now->kind == m[1].str());
    CHECK(now->rules == m[2].str());
    CHECK(now->reason == m[3].str());
  }
  CHECK_FALSE(parse_directive("clauselint"));
  CHECK_FALSE(parse_directive("clauselint-"));
  CHECK(parse_directive("clauselint-disable a, b -- why -- and more")->reason == "why -- and more");
}

TEST_CASE("parse_directive on a 1 MB comment neither recurses nor takes long", "[hostile][suppressions]") {
  const std::string text = "clauselint-disable " + std::string(1 << 20, 'a') + " -- reason";
  const auto d = parse_directive(text);
  REQUIRE(d);
  CHECK(d->rules.size() == (1u << 20));
  CHECK(d->reason == "reason");
}

TEST_CASE("printable keeps one code point per code point and no control character", "[hostile][report]") {
  CHECK(printable("a\x1b]0;x\x07") == "a\u241b]0;x\u2407");
  CHECK(printable("line\nbreak\r") == "line\u240abreak\u240d");
  CHECK(printable("tab\tok") == "tab\tok");
  CHECK(printable("\xc2\x9b"
                  "31m") ==
        "\ufffd"
        "31m");  // C1 CSI
  CHECK(printable("bidi \xe2\x80\xae") == "bidi \ufffd");
  CHECK(printable("bad \xff byte") == "bad \ufffd byte");
  CHECK(printable("caf\xc3\xa9 \xe2\x80\x99") == "caf\xc3\xa9 \xe2\x80\x99");
}

TEST_CASE("shorten cuts on a code point boundary", "[hostile][report]") {
  CHECK(shorten("short", 10) == "short");
  CHECK(shorten("\xc3\xa9\xc3\xa9\xc3\xa9", 2) == "\xc3\xa9\xc3\xa9...(2 more bytes)");
  CHECK(shorten(std::string(2'000'000, 'a')).size() < 200);
}

TEST_CASE("read_bounded reads at most the limit plus one byte", "[hostile][input]") {
  const BoundedRead zero = read_bounded("/dev/zero", 1000);
  CHECK_FALSE(zero.ok);
  CHECK(zero.too_large);
  CHECK(zero.bytes.size() == 1001);
  CHECK(describe_read_failure(zero, "file", 1000) == "file is too large (more than 1000 bytes): see docs/limits.md");

  const BoundedRead dir = read_bounded("/", 1000);
  CHECK_FALSE(dir.ok);
  CHECK(dir.error == "it is a directory");

  const std::string path = (std::filesystem::temp_directory_path() / "clauselint-bounded.txt").string();
  std::ofstream(path) << "exactly ten";
  CHECK(read_bounded(path, 11).ok);
  CHECK(read_bounded(path, 11).bytes == "exactly ten");
  CHECK(read_bounded(path, 10).too_large);
  std::filesystem::remove(path);
}

TEST_CASE("a FIFO with no writer is given up, not waited on forever", "[hostile][input]") {
  const std::string path = (std::filesystem::temp_directory_path() / "clauselint-fifo").string();
  std::filesystem::remove(path);
  REQUIRE(mkfifo(path.c_str(), 0600) == 0);
  const BoundedRead r = read_bounded(path, 1000, 100);
  CHECK_FALSE(r.ok);
  CHECK(r.error.find("FIFO") != std::string::npos);
  std::filesystem::remove(path);
}

TEST_CASE("YAML limits: depth and alias expansion, with positions", "[hostile][loader]") {
  CHECK_FALSE(check_yaml_limits("a: [1, 2, {b: c}]\n"));
  std::string deep = "x: ";
  for (int i = 0; i < 100; ++i) deep += "[";
  for (int i = 0; i < 100; ++i) deep += "]";
  const auto depth = check_yaml_limits(deep);
  REQUIRE(depth);
  CHECK(depth->position.line == 1);
  CHECK(depth->position.column == 3 + kMaxYamlDepth);
  CHECK(depth->message.find("nesting is too deep") != std::string::npos);

  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'i'; ++c)
    bomb += fmt::format("{0}: &{0} [*{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}]\n", c,
                        static_cast<char>(c - 1));
  const auto expanded = check_yaml_limits(bomb);
  REQUIRE(expanded);
  CHECK(expanded->message.find("aliases") != std::string::npos);
  CHECK_FALSE(check_yaml_limits("a: &a [1, 2]\nb: *a\nc: *a\n"));
  CHECK_FALSE(check_yaml_limits("a: [unclosed\n"));
  const auto cycle = check_yaml_limits("a: &x {any: [b, *x]}\n");  // found by fuzz_pack
  REQUIRE(cycle);
  CHECK(cycle->position == Position{1, 17});
  CHECK(cycle->message.find("a cycle") != std::string::npos);  // a syntax error is the loader's to report
}

TEST_CASE("kebab-case without std::regex", "[hostile][loader]") {
  CHECK(is_kebab_case("cookie-opt-out"));
  CHECK(is_kebab_case("a1"));
  CHECK_FALSE(is_kebab_case(""));
  CHECK_FALSE(is_kebab_case("-a"));
  CHECK_FALSE(is_kebab_case("a-"));
  CHECK_FALSE(is_kebab_case("a--b"));
  CHECK_FALSE(is_kebab_case("A"));
  CHECK(is_kebab_case(std::string(1'000'000, 'a')));
}
