// clauselint accuracy: partial labels, label corrections, the micro-average.
#include <catch2/catch.hpp>

#include <unistd.h>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "clauselint/evaluation.h"
#include "helpers.h"

using namespace clauselint;
namespace fs = std::filesystem;

namespace {

// A folder with one policy (no contact, children under 13 covered) and its labels.
fs::path labelled_folder(const std::string& labels) {
  static int count = 0;  // one folder per call, per process (ctest runs test cases in parallel)
  const fs::path dir =
      fs::temp_directory_path() / ("clauselint-accuracy-" + std::to_string(::getpid()) + "-" + std::to_string(++count));
  fs::create_directories(dir);
  std::ofstream(dir / "p.md") << "# P\n\nWe do not collect data from children under 13.\n";
  std::ofstream(dir / "p.labels.yaml") << "policy: p.md\n" << labels;
  return dir;
}

RuleSet two_rules() {
  RuleSet rules;
  const std::string yaml = test::pack(test::rule("kids", "    require: {phrase: 'under 13'}\n") +
                                      test::rule("mail", "    require: {extract: email}\n"));
  REQUIRE(rules.load_pack(yaml, "pack.yaml").empty());
  return rules;
}

}  // namespace

TEST_CASE("every rule must be labelled unless the labels are partial", "[accuracy]") {
  const RuleSet rules = two_rules();
  const fs::path dir = labelled_folder("fire: [mail]\nok: []\n");
  const Evaluation strict = evaluate({dir.string()}, rules);
  CHECK(has_errors(strict.diagnostics));  // 'kids' has no label
  EvaluateOptions partial;
  partial.partial = true;
  const Evaluation e = evaluate({dir.string()}, rules, partial);
  CHECK_FALSE(has_errors(e.diagnostics));
  CHECK(e.rules.count("kids") == 0);  // not scored
  CHECK(e.rules.at("mail").tp == 1);
  fs::remove_all(dir);
}

TEST_CASE("a labels file can say it is partial", "[accuracy]") {
  const fs::path dir = labelled_folder("partial: true\nfire: [mail]\nok: []\n");
  CHECK_FALSE(has_errors(evaluate({dir.string()}, two_rules()).diagnostics));
  fs::remove_all(dir);
}

TEST_CASE("corrections change a label, and the micro-average pools the rules", "[accuracy]") {
  const RuleSet rules = two_rules();
  const fs::path dir = labelled_folder("fire: [mail, kids]\nok: []\n");
  const fs::path file = dir / "corrections.yaml";
  std::ofstream(file) << "- {policy: p.md, rule: kids, label: ok, reason: the policy covers children under 13}\n"
                      << "- {policy: other.md, rule: kids, label: ok, reason: matches nothing}\n";
  std::vector<Diagnostic> problems;
  EvaluateOptions options;
  options.corrections = read_corrections(file.string(), problems);
  CHECK(problems.empty());
  REQUIRE(options.corrections.size() == 2);
  const Evaluation e = evaluate({dir.string()}, rules, options);
  CHECK(e.corrections_applied == 1);
  CHECK(e.rules.at("kids").tn == 1);  // corrected to ok, and not reported
  CHECK(e.micro().tp == 1);
  CHECK(e.micro().tn == 1);
  CHECK(e.micro().precision() == 1.0);
  // The unmatched correction is reported, not silently ignored.
  CHECK(std::any_of(e.diagnostics.begin(), e.diagnostics.end(), [](const Diagnostic& d) {
    return d.message.find("matched no labelled policy") != std::string::npos;
  }));
  std::ofstream(file) << "- {policy: p.md, rule: kids, label: maybe}\n";
  problems.clear();
  read_corrections(file.string(), problems);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].message.find("label: fire|ok") != std::string::npos);
  fs::remove_all(dir);
}
