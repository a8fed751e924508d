#include "lsp/positions.h"

#include <algorithm>

#include "model/utf8.h"

namespace clauselint::lsp {
namespace {

// Code units of one code point that took `bytes` bytes of UTF-8 (an invalid
// byte counts as U+FFFD: one UTF-16 unit).
int units(std::size_t bytes, Encoding e) {
  if (e == Encoding::utf8) return static_cast<int>(bytes);
  return bytes == 4 ? 2 : 1;
}

// End of the line's content (before "\n", "\r\n" or "\r").
std::size_t content_end(std::string_view text, const std::vector<std::size_t>& starts, std::size_t line) {
  std::size_t end = line + 1 < starts.size() ? starts[line + 1] : text.size();
  if (end > starts[line] && text[end - 1] == '\n') --end;
  if (end > starts[line] && text[end - 1] == '\r') --end;
  return end;
}

}  // namespace

std::vector<std::size_t> line_starts(std::string_view text) {
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      starts.push_back(i + 1);
    } else if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      starts.push_back(i + 1);
    }
  }
  return starts;
}

std::size_t to_offset(std::string_view text, const std::vector<std::size_t>& starts, LspPosition p, Encoding e) {
  if (p.line < 0) return 0;
  if (static_cast<std::size_t>(p.line) >= starts.size()) return text.size();
  const std::size_t line = static_cast<std::size_t>(p.line);
  const std::size_t end = content_end(text, starts, line);
  std::size_t i = starts[line];
  int remaining = std::max(p.character, 0);
  while (i < end && remaining > 0) {
    std::size_t length = 1;
    bool valid = true;
    utf8::decode(text, i, length, valid);
    const int n = units(length, e);
    if (n > remaining) break;  // inside this code point: its start
    remaining -= n;
    i += length;
  }
  return std::min(i, end);
}

LspPosition to_lsp(std::string_view text, const std::vector<std::size_t>& starts, std::size_t offset, Encoding e) {
  offset = std::min(offset, text.size());
  const auto it = std::upper_bound(starts.begin(), starts.end(), offset);
  const std::size_t line = static_cast<std::size_t>(it - starts.begin()) - 1;
  const std::size_t stop = std::min(offset, content_end(text, starts, line));
  int character = 0;
  for (std::size_t i = starts[line]; i < stop;) {
    std::size_t length = 1;
    bool valid = true;
    utf8::decode(text, i, length, valid);
    character += units(length, e);
    i += length;
  }
  return {static_cast<int>(line), character};
}

LspPosition from_clauselint(const SourceFile& source, Position p, Encoding e) {
  if (p.line <= 0) return {0, 0};
  const int line = std::min(p.line, source.line_count());
  const std::string_view text = source.line_text(line);
  int character = 0;
  std::size_t i = 0;
  for (int column = 1; column < p.column && i < text.size(); ++column) {
    std::size_t length = 1;
    bool valid = true;
    utf8::decode(text, i, length, valid);
    character += units(length, e);
    i += length;
  }
  return {line - 1, character};
}

}  // namespace clauselint::lsp
