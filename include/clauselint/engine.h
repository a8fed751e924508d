// The engine: runs every rule of a RuleSet over one Document.
//
// Each matcher runs once over the document's whole text; its matches are then
// assigned to sentences, paragraphs and sections by offset. A `require` rule
// that finds no evidence reports one finding at the heading its clause
// belongs under (or the title line); a `forbid` rule reports one finding per
// match. Pattern limit errors come back as diagnostics, never as a hang.
#pragma once

#include <vector>

#include "clauselint/diagnostic.h"
#include "clauselint/document.h"
#include "clauselint/finding.h"
#include "clauselint/rule_set.h"

namespace clauselint {

struct LintResult {
  std::vector<Finding> findings;  // sorted by position
  std::vector<Diagnostic> diagnostics;
};

struct LintOptions {
  // Missing clauses get `explanation`: the sentences that came closest and
  // which part of the rule failed there (costs a second look at the text).
  bool explain = false;
  // JIT-compile the patterns the document needs on another thread, ahead of
  // their searches (for a run of one file, with a core to spare).
  bool jit_ahead = false;
};

// Runs every rule, or only `only` when it is given.
LintResult lint_document(const Document& doc, const RuleSet& rules, const Rule* only = nullptr,
                         const LintOptions& options = {});

// Runs each rule's examples: every `fail` snippet must get at least one
// finding of that rule, every `pass` snippet none.
struct ExampleOutcome {
  const Rule* rule = nullptr;
  bool expected_finding = false;  // a `fail` example
  bool got_finding = false;
  std::string snippet;
  bool ok() const { return expected_finding == got_finding; }
};
std::vector<ExampleOutcome> run_examples(const RuleSet& rules);

}  // namespace clauselint
