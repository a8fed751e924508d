#include "helpers.h"

#include <catch2/catch.hpp>

namespace test {

std::vector<clauselint::Finding> lint(const std::string& yaml, const std::string& markdown) {
  clauselint::RuleSet rules;
  const auto diagnostics = rules.load_pack(yaml, "test.yaml");
  for (const auto& d : diagnostics) UNSCOPED_INFO(clauselint::format_diagnostic(d));
  REQUIRE(diagnostics.empty());
  return clauselint::lint_document(parse(markdown), rules).findings;
}

}  // namespace test
