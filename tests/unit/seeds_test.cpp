// Acceptance: the core pack on ../shared/seeds/ reports exactly the table in
// EXPECTED.md ("missing" = a finding of that rule, "ok" = none), cell by cell.
#include <catch2/catch.hpp>

#include <filesystem>

#include "clauselint/evaluation.h"
#include "clauselint/load_packs.h"

using namespace clauselint;

// Hidden ([.]): CTest runs it as unit/seeds only when the seeds are there,
// and reports SKIP otherwise (tests/CMakeLists.txt).
TEST_CASE("the core pack reports EXPECTED.md on the seeds", "[.][seeds]") {
  const std::filesystem::path dir = CLAUSELINT_SEEDS_DIR;
  REQUIRE(std::filesystem::exists(dir / "EXPECTED.md"));
  RuleSet rules;
  REQUIRE(load_packs(rules, {"core"}).empty());
  const Evaluation e = evaluate({dir.string()}, rules);
  CHECK(e.diagnostics.empty());
  CHECK(e.documents == 5);
  REQUIRE(e.rules.size() == 4);
  int cells = 0;
  for (const auto& [rule, score] : e.rules) {
    for (const auto& miss : score.misses) UNSCOPED_INFO(rule << ": " << miss);
    CHECK(score.fp == 0);
    CHECK(score.fn == 0);
    cells += score.tp + score.tn + score.fp + score.fn;
  }
  CHECK(cells == 20);  // 5 seeds x 4 rules
}
