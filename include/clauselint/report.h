// Reporters: a run's findings out, in the formats users and tools read.
//
//   text    path:line:col: severity: message [rule-id]   (compiler style;
//           on a terminal also the line, a caret and the citation)
//   json    one object for the run (docs/json-output.md, versioned)
//   jsonl   one finding object per line, for corpora
//   sarif   SARIF 2.1.0 for GitHub code scanning (docs/github-code-scanning.md)
//   github  GitHub Actions workflow commands (::error file=...::message)
//
// Every reporter writes findings in the order given (sort_findings order).
// Suppressed findings appear only in json/jsonl (marked), and in SARIF with
// --include-suppressed (GitHub ignores SARIF suppressions and would open alerts).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "clauselint/diagnostic.h"
#include "clauselint/finding.h"
#include "clauselint/rule_set.h"

namespace clauselint {

enum class Format { text, json, jsonl, sarif, github };
std::optional<Format> parse_format(std::string_view name);

// Everything a reporter may show about one run.
struct Report {
  std::vector<const RuleSet*> rule_sets;  // every rule set used (SARIF lists all their rules)
  std::vector<Finding> findings;
  std::vector<std::string> files;                                    // inputs, as shown to the user
  std::map<std::string, std::shared_ptr<const SourceFile>> sources;  // by shown name (text excerpts)
  std::size_t linted = 0;                                            // inputs read and linted
  std::vector<Diagnostic> diagnostics;                               // problems with inputs (not findings)
  bool successful = true;                                            // false when an input could not be linted
  std::string root;                                                  // absolute folder URIs are relative to (SARIF)
  std::string category;                                              // SARIF automationDetails.id (may be empty)
  bool include_suppressed = false;  // SARIF: add suppressed findings with `suppressions`
  std::string baseline_state;       // SARIF: every result's baselineState ("new" for diff
                                    // and --since, whose results are only what changed); "" none
};

// The rule a finding names: a loaded rule, or clauselint's own
// invalid-suppression rule; null when unknown.
const Rule* rule_for(const Report& report, std::string_view id);
// Every distinct rule of the run (by id, in the order first met), with
// invalid-suppression first.
std::vector<const Rule*> all_rules(const Report& report);

// How text output looks: colour (ANSI) and, for people at a terminal, the
// source line with a caret under the finding and the rule's citation.
struct TextStyle {
  bool color = false;
  bool excerpts = false;
};

void write_report(std::ostream& out, const Report& report, Format format, TextStyle style = {});

void write_text(std::ostream& out, const Report& report, TextStyle style = {});
void write_json(std::ostream& out, const Report& report);
void write_jsonl(std::ostream& out, const Report& report);
void write_jsonl(std::ostream& out, const std::vector<Finding>& findings);  // a file's findings, as they come
void write_sarif(std::ostream& out, const Report& report);
void write_github(std::ostream& out, const Report& report);

// Writes `content` to `path` through a temporary file in the same folder and
// a rename, so a failed write never leaves a half-written file. Returns an
// error message, or "" on success.
std::string write_file_atomically(const std::string& path, std::string_view content);

}  // namespace clauselint
