// Compiled pack images (pack_image.h): an image loads into exactly the rule
// set its YAML gives, and a damaged image is rejected as a value.
#include <catch2/catch.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "clauselint/builtin_packs.h"
#include "clauselint/pack_image.h"
#include "helpers.h"

using namespace clauselint;

namespace {

std::string describe(const RuleSet& set, const Condition& c) {
  std::vector<std::string> children, unless;
  for (const auto& child : c.children) children.push_back(describe(set, child));
  for (const int u : c.unless) unless.push_back(set.matchers()[static_cast<std::size_t>(u)].source);
  return fmt::format("({} m={} fm={} within={} near={} at_least={} unless={} [{}])", static_cast<int>(c.kind),
                     c.matcher < 0 ? "-" : set.matchers()[static_cast<std::size_t>(c.matcher)].source, c.front_matter,
                     c.within ? std::string(to_string(*c.within)) : "-", c.near, c.at_least, unless,
                     fmt::join(children, " "));
}

// Everything a rule set holds, as text: packs, rules (conditions with their
// matchers' sources) and the matcher table in order.
std::string describe(const RuleSet& set) {
  std::string out;
  for (const auto& p : set.packs())
    out += fmt::format("pack {} {} {} {} {} {}\n", p.name, p.file, p.description, p.is_default, p.library, p.rules);
  for (const auto& r : set.rules()) {
    out += fmt::format("rule {} {} {} {} {} {} {} {} {} {} {} {} {} {} {}\n", r.id, r.pack, r.shared, r.title,
                       static_cast<int>(r.severity), r.message, r.citations, r.help, r.tags, static_cast<int>(r.kind),
                       r.topic_message, r.weak_of, to_string(r.precision), r.pass_examples, r.fail_examples);
    out += "  check " + describe(set, r.check) + "\n";
    for (const auto* c : {&r.when, &r.topic, &r.locate}) out += "  opt " + (*c ? describe(set, **c) : "-") + "\n";
    for (const auto& [name, c] : r.elements) out += "  element " + name + " " + describe(set, c) + "\n";
    for (const int m : r.belongs_under) out += "  under " + set.matchers()[static_cast<std::size_t>(m)].source + "\n";
  }
  for (const auto& m : set.matchers())
    out += fmt::format("matcher {} | {} | {} | {}\n", m.source, m.name, m.pattern ? m.pattern->source() : "-",
                       m.accept != nullptr);
  return out;
}

std::string image_of(std::string_view yaml, const std::string& file) {
  std::vector<Diagnostic> diagnostics;
  const auto image = compile_pack(yaml, file, diagnostics);
  for (const auto& d : diagnostics) UNSCOPED_INFO(format_diagnostic(d));
  REQUIRE(image);
  return *image;
}

// A user pack with a define, a vocabulary fragment, an extractor, words, a
// weak tier with elements, and a shared rule with its weak tier.
const std::string kUserPack = R"(clauselint-pack: 1
name: image-test
define:
  keep: {words: [keep, retain, store], inflect: verb}
  period: '\b\d+\s+(?:days|months|years)\b'
rules:
  - id: keeps-for-a-period
    title: T
    severity: error
    message: M
    citation: C
    help: H
    require: {all: [{use: keep}, {use: period}], within: paragraph}
    weak:
      id: keeps-vaguely
      title: W
      message: "{missing} not said"
      help: H
      accept: {phrase: as long as necessary}
      elements:
        period: {use: period}
        contact: {extract: email}
      examples:
        pass: ["We keep data for 6 years. Write to a@example.com."]
        fail: ["We keep data as long as necessary."]
    examples:
      pass: ["We keep data for 6 years."]
      fail: ["We keep data."]
  - shared: data-retention
    citation: [Test citation]
)";

}  // namespace

TEST_CASE("an image loads as the YAML it came from", "[image]") {
  const std::vector<std::vector<std::string>> selections = {
      {"core"}, {"core", "caloppa", "hygiene"}, {"ccpa", "gdpr", "caloppa"}, {"us-states", "ccpa"}};
  for (const auto& selection : selections) {
    RuleSet from_yaml, from_image;
    for (const auto& name : selection) {
      const BuiltinPack* pack = find_builtin_pack(name);
      REQUIRE(pack);
      CHECK(from_yaml.load_pack(pack->yaml, std::string(pack->file)).empty());
      CHECK(from_image.load_image(image_of(pack->yaml, std::string(pack->file)), std::string(pack->file)).empty());
    }
    INFO(fmt::format("{}", selection));
    CHECK(describe(from_image) == describe(from_yaml));
  }
  RuleSet from_yaml, from_image;
  CHECK(from_yaml.load_pack(kUserPack, "user.yaml").empty());
  CHECK(from_image.load_image(image_of(kUserPack, "elsewhere.yaml"), "user.yaml").empty());
  CHECK(describe(from_image) == describe(from_yaml));
  CHECK(from_image.find_rule("keeps-vaguely"));
  CHECK(from_image.find_rule("data-retention"));
}

TEST_CASE("a library pack's image is kept aside for shared references", "[image]") {
  const std::string library = "clauselint-pack: 1\nname: my-library\nlibrary: true\nrules:\n" +
                              test::rule("my-shared", "    require: 'x'\n").substr(0);
  const std::string user = "clauselint-pack: 1\nname: user\nrules:\n  - shared: my-shared\n    citation: C\n";
  RuleSet set;
  CHECK(set.load_image(image_of(library, "lib.yaml"), "lib.yaml").empty());
  CHECK(set.rules().empty());
  REQUIRE(set.library());
  CHECK(set.load_image(image_of(user, "user.yaml"), "user.yaml").empty());
  REQUIRE(set.find_rule("my-shared"));
  CHECK(set.find_rule("my-shared")->pack == "user");
}

TEST_CASE("an image's pack name clashes like the YAML's", "[image]") {
  const std::string image = image_of(kUserPack, "user.yaml");
  RuleSet set;
  CHECK(set.load_image(image, "user.yaml").empty());
  const auto d = set.load_image(image, "again.yaml");
  REQUIRE(d.size() == 1);
  CHECK(d[0].file == "again.yaml");
  CHECK(test::at(d[0].position) == "2:7");
  CHECK(d[0].message == "a pack named 'image-test' is already loaded (from user.yaml)");
}

TEST_CASE("a damaged image is an error, and adds nothing", "[image]") {
  const std::string image = image_of(kUserPack, "user.yaml");
  CHECK(pack_image_intact(image));
  std::vector<std::string> damaged = {"", image.substr(0, 10), image.substr(0, image.size() - 1), image + "x"};
  for (std::size_t at : {std::size_t{0}, std::size_t{5}, std::size_t{30}, image.size() / 2, image.size() - 1}) {
    std::string flipped = image;
    flipped[at] = static_cast<char>(flipped[at] ^ 0x20);
    damaged.push_back(flipped);
  }
  for (const auto& bytes : damaged) {
    CHECK_FALSE(pack_image_intact(bytes));
    RuleSet set;
    const auto d = set.load_image(bytes, "user.yaml");
    REQUIRE(d.size() == 1);
    CHECK(d[0].severity == Severity::error);
    CHECK_THAT(d[0].message, Catch::StartsWith("the compiled pack is corrupt"));
    CHECK(set.rules().empty());
    CHECK(set.matchers().empty());
  }
}

// An image whose size and checksum are right but whose payload is cut short
// or has a matcher index out of range: the decoder's own checks reject it.
TEST_CASE("a malformed payload is rejected even with a matching checksum", "[image]") {
  const std::string image = image_of(kUserPack, "user.yaml");
  auto reseal = [](std::string payload) {
    std::string out = "CLPK";
    auto put = [&](std::uint64_t v, int bytes) {
      for (int i = 0; i < bytes; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
    };
    put(2, 4);
    put(payload.size(), 8);
    put(pack_image_checksum(payload), 8);
    return out + payload;
  };
  const std::string payload = image.substr(24);
  REQUIRE(reseal(payload) == image);
  for (const std::size_t cut : {std::size_t{1}, std::size_t{7}, payload.size() / 3, payload.size() / 2}) {
    const std::string bytes = reseal(payload.substr(0, payload.size() - cut));
    CHECK(pack_image_intact(bytes));
    RuleSet set;
    const auto d = set.load_image(bytes, "user.yaml");
    REQUIRE(d.size() == 1);
    CHECK_THAT(d[0].message, Catch::StartsWith("the compiled pack is corrupt"));
    CHECK(set.rules().empty());
  }
}

TEST_CASE("a pack with errors compiles to no image", "[image]") {
  std::vector<Diagnostic> diagnostics;
  CHECK_FALSE(compile_pack("clauselint-pack: 1\nname: x\nrules:\n  - id: [unclosed\n", "bad.yaml", diagnostics));
  REQUIRE_FALSE(diagnostics.empty());
  CHECK(diagnostics[0].file == "bad.yaml");
}
