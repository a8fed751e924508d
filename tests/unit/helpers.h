// Shared helpers for the unit tests: build documents and rule sets from strings.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "clauselint/diagnostic.h"
#include "clauselint/document.h"
#include "clauselint/engine.h"
#include "clauselint/markdown.h"
#include "clauselint/rule_set.h"

namespace test {

inline clauselint::Document parse(const std::string& markdown,
                                  std::vector<clauselint::Diagnostic>* diagnostics = nullptr) {
  std::vector<clauselint::Diagnostic> sink;
  auto source = std::make_shared<const clauselint::SourceFile>("policy.md", markdown);
  return clauselint::parse_markdown(source, diagnostics ? *diagnostics : sink);
}

// A pack header plus `rules` (YAML text of the rules list, indented by two).
inline std::string pack(const std::string& rules, const std::string& define = "") {
  return "clauselint-pack: 1\nname: test\n" + (define.empty() ? "" : "define:\n" + define) + "rules:\n" + rules;
}

// One rule with every required key; `check` is the YAML of its check lines
// (indented by four), e.g. "    require: 'x'\n".
inline std::string rule(const std::string& id, const std::string& check, const std::string& extra = "") {
  return "  - id: " + id + "\n    title: T\n    severity: error\n    message: M\n    citation: C\n    help: H\n" +
         check + extra + "    examples:\n      pass: ['p']\n      fail: ['f']\n";
}

inline std::vector<std::string> ids(const std::vector<clauselint::Finding>& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) out.push_back(f.rule_id);
  return out;
}

// "line:column", for readable comparisons of positions.
inline std::string at(clauselint::Position p) { return std::to_string(p.line) + ":" + std::to_string(p.column); }

// Findings of the rules in `yaml` on `markdown`; fails the test if the pack does not load.
std::vector<clauselint::Finding> lint(const std::string& yaml, const std::string& markdown);

}  // namespace test
