// Reporters: a run's findings out, in the formats users and tools read.
//
//   text    path:line:col: severity: message [rule-id]   (compiler style)
//   json    one object for the run (docs/json-output.md, versioned)
//   jsonl   one finding object per line, for corpora
//   sarif   SARIF 2.1.0 for GitHub code scanning (docs/github-code-scanning.md)
//   github  GitHub Actions workflow commands (::error file=...::message)
//
// Every reporter writes findings in the order given (sort_findings order).
#pragma once

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
  const RuleSet* rules = nullptr;          // every rule loaded (SARIF lists them all)
  std::vector<Finding> findings;
  std::vector<std::string> files;          // inputs, as shown to the user
  std::size_t linted = 0;                  // inputs read and linted
  std::vector<Diagnostic> diagnostics;     // problems with inputs (not findings)
  bool successful = true;                  // false when an input could not be linted
  std::string root;                        // absolute folder URIs are relative to (SARIF)
  std::string category;                    // SARIF automationDetails.id (may be empty)
};

void write_report(std::ostream& out, const Report& report, Format format);

void write_text(std::ostream& out, const std::vector<Finding>& findings);
void write_json(std::ostream& out, const Report& report);
void write_jsonl(std::ostream& out, const Report& report);
void write_sarif(std::ostream& out, const Report& report);
void write_github(std::ostream& out, const Report& report);

// `shown_path` relative to `root` (the current folder when empty), with "/"
// separators; nullopt when it lies outside `root`.
std::optional<std::string> relative_to_root(const std::string& shown_path, const std::string& root);
std::string percent_encode(std::string_view path);  // for URIs: keeps A-Z a-z 0-9 - . _ ~ /

// Writes `content` to `path` through a temporary file in the same folder and
// a rename, so a failed write never leaves a half-written file. Returns an
// error message, or "" on success.
std::string write_file_atomically(const std::string& path, std::string_view content);

}  // namespace clauselint
