// What the server computes for a document: lint results as LSP diagnostics,
// hover text and code actions (src/lsp/diagnostics.cpp, hover.cpp,
// code_actions.cpp). Results are JSON values in LSP's shapes.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "clauselint/diagnostic.h"
#include "clauselint/rule_set.h"
#include "lsp/documents.h"
#include "lsp/workspace.h"

namespace clauselint::lsp {

using json = nlohmann::json;

// Lints `doc` (its current text) with `setup`, filling doc.lint; returns the
// problems with the document itself (too large, binary, a rule skipped).
std::vector<Diagnostic> lint(OpenDocument& doc, const LintSetup& setup);

// The LSP Diagnostic[] for the last lint of `doc`.
json document_diagnostics(const OpenDocument& doc, const std::vector<Diagnostic>& problems, const LintSetup& setup,
                          Encoding e);

// The LSP Diagnostic[] for problems in a config or pack file at `path`.
json file_diagnostics(const std::string& path, const std::vector<Diagnostic>& problems, Encoding e);

// Where a rule's docs page is (LSP codeDescription.href).
std::string rule_docs_url(const std::string& rule_id);

// The rule of a finding: from `rules`, or clauselint's invalid-suppression rule.
const Rule* rule_of(const RuleSet* rules, const std::string& id);

// The sample clause for a rule: its help's "Sample clause:" quote, else its
// first passing example; "" when it has neither.
std::string sample_clause(const Rule& rule);

// LSP range of a finding in `doc`'s current text.
LspRange finding_range(const OpenDocument& doc, const Finding& f, Encoding e);

// textDocument/hover: null, or {contents: markdown, range}.
json hover(const OpenDocument& doc, LspPosition at, const RuleSet* rules, Encoding e);

// textDocument/codeAction: CodeAction[] for the findings that overlap `range`.
json code_actions(const OpenDocument& doc, LspRange range, const RuleSet* rules, Encoding e);

}  // namespace clauselint::lsp
