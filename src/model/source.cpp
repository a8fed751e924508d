#include "clauselint/source.h"

#include <algorithm>

#include "model/utf8.h"

namespace clauselint {

SourceFile::SourceFile(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') {
      line_starts_.push_back(i + 1);
    } else if (text_[i] == '\r' && (i + 1 >= text_.size() || text_[i + 1] != '\n')) {
      line_starts_.push_back(i + 1);
    }
  }
}

Position SourceFile::locate(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line = static_cast<int>(it - line_starts_.begin());
  const std::size_t start = line_starts_[static_cast<std::size_t>(line - 1)];
  const auto column = utf8::count_code_points(std::string_view(text_).substr(start, offset - start)) + 1;
  return {line, static_cast<int>(column)};
}

std::size_t SourceFile::line_start(int line) const {
  line = std::clamp(line, 1, line_count());
  return line_starts_[static_cast<std::size_t>(line - 1)];
}

std::size_t SourceFile::offset_of(Position pos) const {
  const std::string_view line = line_text(pos.line);
  std::size_t offset = line_start(pos.line);
  const std::size_t end = offset + line.size();
  for (int column = 1; column < pos.column && offset < end; ++column) {
    ++offset;
    while (offset < end && (static_cast<unsigned char>(text_[offset]) & 0xC0) == 0x80) ++offset;
  }
  return offset;
}

std::string_view SourceFile::text_between(Position start, Position end) const {
  const std::size_t b = offset_of(start);
  const std::size_t e = std::max(b, offset_of(end));
  return std::string_view(text_).substr(b, e - b);
}

std::string_view SourceFile::line_text(int line) const {
  const std::size_t start = line_start(line);
  std::size_t end = start;
  while (end < text_.size() && text_[end] != '\n' && text_[end] != '\r') ++end;
  return std::string_view(text_).substr(start, end - start);
}

}  // namespace clauselint

namespace clauselint {

int SourceFile::next_non_blank_line(int line) const {
  for (int next = line + 1; next <= line_count(); ++next)
    if (line_text(next).find_first_not_of(" \t") != std::string_view::npos) return next;
  return line + 1;
}

}  // namespace clauselint
