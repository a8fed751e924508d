// Open documents: their text as the client has it (full and incremental
// changes), and file URIs to paths and back.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clauselint/document.h"
#include "clauselint/finding.h"
#include "clauselint/parse.h"
#include "lsp/positions.h"

namespace clauselint::lsp {

// What the last lint of a document found (kept for hover and code actions).
struct LintState {
  std::shared_ptr<const SourceFile> source;  // null when the text was rejected (too large, binary)
  std::optional<Document> model;
  std::vector<Finding> findings;  // unsuppressed, with the config's severities
  bool bom = false;               // a BOM was stripped: line 1 is shifted by one unit
};

struct OpenDocument {
  std::string uri;
  std::string path;      // the local file it names ("" for untitled: and other schemes)
  std::string language;  // languageId
  InputFormat format = InputFormat::markdown;
  int version = 0;
  std::string text;
  LintState lint;
};

// Applies one contentChanges item: `range` unset replaces the whole text.
void apply_change(std::string& text, const std::optional<LspRange>& range, std::string_view new_text, Encoding e);

// "file:///a%20b/c.md" -> "/a b/c.md"; "" for other schemes or a bad URI.
std::string path_from_uri(std::string_view uri);
std::string uri_from_path(const std::string& path);

// Whether a document is a policy clauselint reads, and how: by languageId
// (markdown, plaintext, text, html), else by the path's extension.
std::optional<InputFormat> policy_format(std::string_view language, const std::string& path);

}  // namespace clauselint::lsp
