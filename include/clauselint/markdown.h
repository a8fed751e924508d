// Parsing Markdown (CommonMark with tables, via md4c) into a Document.
// Plain text is read the same way: it is valid Markdown.
//
// YAML front matter ("---" on the first line, closed by "---" or "...") is
// parsed with yaml-cpp into Document::front_matter and never linted as prose;
// malformed front matter is a warning and is then skipped. Raw HTML blocks
// (comments included) are not prose either.
#pragma once

#include <memory>
#include <vector>

#include "clauselint/diagnostic.h"
#include "clauselint/document.h"

namespace clauselint {

Document parse_markdown(std::shared_ptr<const SourceFile> source, std::vector<Diagnostic>& diagnostics);

}  // namespace clauselint
