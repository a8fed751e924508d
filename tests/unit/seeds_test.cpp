// Acceptance: the core pack on ../shared/seeds/ reports exactly the table in
// EXPECTED.md ("missing" = a finding of that rule, "ok" = none).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "clauselint/builtin_packs.h"
#include "clauselint/engine.h"
#include "clauselint/input.h"
#include "clauselint/markdown.h"

using namespace clauselint;

namespace {

std::vector<std::string> cells(const std::string& row) {
  std::vector<std::string> out;
  std::stringstream in(row);
  std::string cell;
  while (std::getline(in, cell, '|')) {
    const auto b = cell.find_first_not_of(' ');
    const auto e = cell.find_last_not_of(' ');
    out.push_back(b == std::string::npos ? "" : cell.substr(b, e - b + 1));
  }
  return out;
}

}  // namespace

TEST_CASE("the core pack reports EXPECTED.md on the seeds", "[seeds]") {
  const std::filesystem::path dir = CLAUSELINT_SEEDS_DIR;
  if (!std::filesystem::exists(dir / "EXPECTED.md")) {
    WARN("no seeds at " << dir << "; skipped");
    return;
  }
  std::ifstream expected(dir / "EXPECTED.md");
  std::vector<std::string> rules_in_table;
  std::map<std::string, std::map<std::string, std::string>> table;  // seed -> rule -> missing/ok
  for (std::string line; std::getline(expected, line);) {
    if (!line.starts_with("|")) continue;
    const auto c = cells(line);
    if (c.size() < 3) continue;
    if (c[1] == "seed") {
      rules_in_table.assign(c.begin() + 2, c.end());
      continue;
    }
    if (c[1].starts_with("---") || rules_in_table.empty()) continue;
    const std::string seed = c[1].substr(0, c[1].find(' '));
    for (std::size_t i = 0; i < rules_in_table.size() && i + 2 < c.size(); ++i)
      if (!rules_in_table[i].empty()) table[seed][rules_in_table[i]] = c[i + 2];
  }
  REQUIRE(table.size() == 5);

  RuleSet rules;
  REQUIRE(load_packs(rules, {"core"}).empty());
  for (const auto& [seed, row] : table) {
    auto loaded = read_source((dir / seed).string(), seed);
    REQUIRE(loaded.source);
    std::vector<Diagnostic> diagnostics;
    const auto result = lint_document(parse_markdown(loaded.source, diagnostics), rules);
    std::set<std::string> reported;
    for (const auto& f : result.findings) reported.insert(f.rule_id);
    for (const auto& [rule, verdict] : row) {
      INFO(seed << " " << rule << " expected " << verdict);
      REQUIRE((verdict == "missing" || verdict == "ok"));
      CHECK(reported.count(rule) == (verdict == "missing" ? 1u : 0u));
    }
  }
}
