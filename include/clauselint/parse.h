// Choosing a parser for a policy file and running it.
//
// .md .markdown .txt are read as Markdown (plain text is valid Markdown);
// .html .htm as HTML. The command line's --input-format overrides this.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clauselint/diagnostic.h"
#include "clauselint/document.h"

namespace clauselint {

enum class InputFormat { markdown, html };

std::optional<InputFormat> parse_input_format(std::string_view name);  // "markdown" | "html"
InputFormat input_format_for(const std::string& path);                 // by extension

// Parses HTML (via gumbo) into a Document: headings, paragraphs, list items,
// table cells and block quotes become blocks; script, style, template and
// the <head> are not prose; images' alt text is text; entities are decoded
// and every character still maps to its source offset.
Document parse_html(std::shared_ptr<const SourceFile> source, std::vector<Diagnostic>& diagnostics);

// parse_markdown() or parse_html(), as `format` says.
Document parse_document(std::shared_ptr<const SourceFile> source, InputFormat format,
                        std::vector<Diagnostic>& diagnostics);

}  // namespace clauselint
