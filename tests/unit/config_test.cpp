// The config file: globs, precedence of packs and rule settings, errors.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "clauselint/baseline.h"
#include "clauselint/config.h"
#include "clauselint/load_packs.h"
#include "helpers.h"

using namespace clauselint;
namespace fs = std::filesystem;

namespace {

// A config file written to a fresh temporary folder.
struct TempConfig {
  fs::path dir;
  std::string path;
  explicit TempConfig(const std::string& yaml) {
    dir = fs::temp_directory_path() / fs::path("clauselint-config-" + std::to_string(std::hash<std::string>{}(yaml)));
    fs::create_directories(dir / "docs" / "kids");
    path = (dir / ".clauselint.yaml").string();
    std::ofstream(path) << yaml;
  }
  ~TempConfig() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

}  // namespace

TEST_CASE("glob patterns", "[config]") {
  CHECK(glob_match("docs/**", "docs/a/b.md"));
  CHECK(glob_match("docs/*.md", "docs/a.md"));
  CHECK_FALSE(glob_match("docs/*.md", "docs/a/b.md"));
  CHECK(glob_match("**/*.md", "a.md"));
  CHECK(glob_match("**/*.md", "x/y/a.md"));
  CHECK(glob_match("./docs/?.md", "docs/a.md"));
  CHECK_FALSE(glob_match("docs/**", "other/docs/a.md"));
}

TEST_CASE("a config is found by walking up from the file", "[config]") {
  const TempConfig config("packs: [core]\n");
  CHECK(fs::equivalent(find_config((config.dir / "docs" / "kids" / "p.md").string()), config.path));
}

TEST_CASE("packs, overrides and the command line combine", "[config]") {
  const TempConfig t(
      "packs: [core]\nrules:\n  cookie-opt-out: warning\nexclude: ['docs/drafts/**']\n"
      "overrides:\n  - files: ['docs/kids/**']\n    packs: [extra.yaml]\n    rules: {cookie-opt-out: off}\n");
  std::vector<Diagnostic> d;
  const auto config = load_config(t.path, d);
  REQUIRE(config);
  CHECK(d.empty());

  const auto plain = effective_config(*config, (t.dir / "docs" / "p.md").string(), {});
  CHECK(plain.packs == std::vector<std::string>{"core"});
  CHECK(plain.rules.at("cookie-opt-out") == Severity::warning);
  CHECK_FALSE(plain.excluded);

  const auto kids = effective_config(*config, (t.dir / "docs" / "kids" / "p.md").string(), {});
  REQUIRE(kids.packs.size() == 2);
  CHECK(fs::path(kids.packs[1]).filename() == "extra.yaml");
  CHECK_FALSE(kids.rules.at("cookie-opt-out").has_value());

  CHECK(effective_config(*config, (t.dir / "docs" / "drafts" / "d.md").string(), {}).excluded);
  CHECK(effective_config(*config, (t.dir / "docs" / "p.md").string(), {"gdpr"}).packs ==
        std::vector<std::string>{"gdpr"});
}

TEST_CASE("config errors name file, line and column", "[config]") {
  const TempConfig t("packs: core\nrulez: {}\nrules:\n  x: sometimes\n");
  std::vector<Diagnostic> d;
  CHECK_FALSE(load_config(t.path, d));
  REQUIRE(d.size() == 2);
  CHECK(test::at(d[0].position) == "2:1");
  CHECK_THAT(d[0].message, Catch::Contains("unknown key 'rulez'"));
  CHECK(test::at(d[1].position) == "4:6");
  CHECK_THAT(d[1].message, Catch::Contains("'sometimes' must be error, warning, note or off"));
}

TEST_CASE("a misspelt config key gets a did-you-mean hint; a duplicate key is an error", "[config]") {
  {
    const TempConfig t("packs: core\nrulez: {}\n");
    std::vector<Diagnostic> d;
    CHECK_FALSE(load_config(t.path, d));
    REQUIRE(d.size() == 1);
    CHECK_THAT(d[0].message, Catch::Contains("unknown key 'rulez' in the config (did you mean 'rules'?)"));
  }
  {  // yaml-cpp keeps both keys: without the check the second would silently win
    const TempConfig t("packs: core\nrules:\n  cookie-opt-out: off\npacks: gdpr\n");
    std::vector<Diagnostic> d;
    CHECK_FALSE(load_config(t.path, d));
    REQUIRE(d.size() == 1);
    CHECK(test::at(d[0].position) == "4:1");
    CHECK_THAT(d[0].message, Catch::Contains("duplicate key 'packs' in the config"));
  }
  {
    const TempConfig t("overrides:\n  - files: ['*.md']\n    rulse: {}\n");
    std::vector<Diagnostic> d;
    CHECK_FALSE(load_config(t.path, d));
    REQUIRE_FALSE(d.empty());
    CHECK_THAT(d[0].message, Catch::Contains("unknown key 'rulse' in an override (did you mean 'rules'?)"));
  }
}

TEST_CASE("unknown rule ids in a config are errors at the id", "[config]") {
  const TempConfig t("rules:\n  no-such-rule: off\n");
  std::vector<Diagnostic> d;
  const auto config = load_config(t.path, d);
  REQUIRE(config);
  RuleSet rules;
  REQUIRE(load_packs(rules, {}).empty());
  const auto problems = check_rule_ids(*config, rules);
  REQUIRE(problems.size() == 1);
  CHECK(test::at(problems[0].position) == "2:3");
}

TEST_CASE("a baseline drops findings by file, rule and fingerprint", "[baseline]") {
  Finding a;
  a.file = "p.md";
  a.rule_id = "r";
  a.fingerprint = "abc:1";
  Finding b = a;
  b.fingerprint = "def:1";
  const fs::path file = fs::temp_directory_path() / "clauselint-baseline-test.json";
  std::ofstream(file) << baseline_json({a}, fs::current_path().string());
  std::vector<Diagnostic> d;
  const auto baseline = read_baseline(file.string(), d);
  REQUIRE(baseline);
  std::vector<Finding> findings = {a, b};
  CHECK(apply_baseline(*baseline, findings, fs::current_path().string()) == 1);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].fingerprint == "def:1");
  std::ofstream(file) << "{\"not\": \"a baseline\"}";
  CHECK_FALSE(read_baseline(file.string(), d));
  fs::remove(file);
}
