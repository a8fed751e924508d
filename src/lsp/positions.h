// Positions: LSP's 0-based (line, character) in UTF-16 code units (or UTF-8
// bytes when negotiated) against byte offsets into UTF-8 text, and from
// clauselint's 1-based code-point columns (docs/document-model.md).
// Lines end at "\n", "\r\n" or a lone "\r", as in LSP and source.h.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "clauselint/source.h"

namespace clauselint::lsp {

enum class Encoding { utf16, utf8 };

struct LspPosition {
  int line = 0;
  int character = 0;
  friend bool operator==(const LspPosition&, const LspPosition&) = default;
  friend auto operator<=>(const LspPosition&, const LspPosition&) = default;
};

struct LspRange {
  LspPosition start;
  LspPosition end;
};

// Byte offset where each line starts; never empty.
std::vector<std::size_t> line_starts(std::string_view text);

// Byte offset of `p`. A character past the end of its line means the end of
// the line (before its break), a line past the last one the end of the text;
// a position inside a code point (half a surrogate pair) means its start.
std::size_t to_offset(std::string_view text, const std::vector<std::size_t>& starts, LspPosition p, Encoding e);

// LSP position of byte `offset` (clamped to the text).
LspPosition to_lsp(std::string_view text, const std::vector<std::size_t>& starts, std::size_t offset, Encoding e);

// LSP position of a clauselint position in `source` (1-based line, 1-based
// code-point column; clamped to the line).
LspPosition from_clauselint(const SourceFile& source, Position p, Encoding e);

}  // namespace clauselint::lsp
