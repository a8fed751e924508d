// A source file held as UTF-8 text, and the mapping from byte offsets to
// 1-based line and column numbers.
//
// Columns count Unicode code points from the start of the line, starting at 1
// (a tab is one column, as is "é" or "’"). Lines end at "\n", "\r\n" or a
// lone "\r". Cost: building the line index is O(n); locate() is O(log lines)
// plus the length of the line prefix.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace clauselint {

struct Position {
  int line = 0;    // 1-based; 0 means "no position"
  int column = 0;  // 1-based, in code points
  friend bool operator==(const Position&, const Position&) = default;
  friend auto operator<=>(const Position&, const Position&) =
      default;  // NOLINT(modernize-use-nullptr): clang-tidy 14 sees the defaulted <=>'s 0
};

struct SourceRange {
  Position start;
  Position end;  // one past the last character (column exclusive)
};

class SourceFile {
 public:
  // `path` is the name shown to users; `text` must already be valid UTF-8
  // (see input.h, which decodes and repairs raw bytes).
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }

  // Position of the character starting at byte `offset` (clamped to the text).
  Position locate(std::size_t offset) const;
  // Byte offset where 1-based `line` starts (clamped).
  std::size_t line_start(int line) const;
  // Byte offset of `pos` (clamped to its line and to the text).
  std::size_t offset_of(Position pos) const;
  // The source text from `start` up to (not including) `end`.
  std::string_view text_between(Position start, Position end) const;
  // The text of 1-based `line`, without its line ending.
  std::string_view line_text(int line) const;
  int line_count() const { return static_cast<int>(line_starts_.size()); }
  // The first line after `line` with more than white space (line + 1 at the end).
  int next_non_blank_line(int line) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<std::size_t> line_starts_;
};

}  // namespace clauselint
