#include <algorithm>

#include "clauselint/engine.h"
#include "clauselint/markdown.h"

namespace clauselint {

std::vector<ExampleOutcome> run_examples(const RuleSet& rules) {
  std::vector<ExampleOutcome> out;
  for (const Rule& rule : rules.rules()) {
    auto run = [&](const std::string& snippet, bool expect_finding) {
      std::vector<Diagnostic> diagnostics;
      auto source = std::make_shared<const SourceFile>(rule.id + ".example.md", snippet);
      const Document doc = parse_markdown(source, diagnostics);
      const LintResult result = lint_document(doc, rules, &rule);
      out.push_back({&rule, expect_finding, !result.findings.empty(), snippet});
    };
    for (const auto& s : rule.pass_examples) run(s, false);
    for (const auto& s : rule.fail_examples) run(s, true);
  }
  return out;
}

}  // namespace clauselint
