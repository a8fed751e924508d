#include <algorithm>

#include "clauselint/document.h"

namespace clauselint {

Position Document::position_of(std::uint32_t offset) const {
  if (origin.empty()) return source ? source->locate(0) : Position{1, 1};
  return source->locate(origin[std::min<std::size_t>(offset, origin.size() - 1)]);
}

SourceRange Document::source_range(TextRange r) const {
  if (r.end <= r.begin || origin.empty()) return {position_of(r.begin), position_of(r.begin)};
  // End: just past the source character (or entity) the last byte came from.
  const std::uint32_t last = origin[std::min<std::size_t>(r.end - 1, origin.size() - 1)];
  std::size_t length = 1;
  if (const auto it = source_lengths.find(last); it != source_lengths.end()) {
    length = it->second;
  } else {
    const auto lead =
        static_cast<unsigned char>(source->text()[std::min<std::size_t>(last, source->text().size() - 1)]);
    length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  }
  return {position_of(r.begin), source->locate(last + length)};
}

int Document::title_block() const {
  for (std::size_t b = 0; b < blocks.size(); ++b)
    if (blocks[b].kind == BlockKind::heading && blocks[b].level == 1) return static_cast<int>(b);
  for (std::size_t b = 0; b < blocks.size(); ++b)
    if (blocks[b].kind == BlockKind::heading) return static_cast<int>(b);
  return blocks.empty() ? -1 : 0;
}

int Document::sentence_at(std::uint32_t offset) const {
  const auto it = std::upper_bound(sentences.begin(), sentences.end(), offset,
                                   [](std::uint32_t o, const Sentence& s) { return o < s.range.begin; });
  if (it == sentences.begin()) return -1;
  const auto& s = *(it - 1);
  return offset < s.range.end ? static_cast<int>(it - 1 - sentences.begin()) : -1;
}

}  // namespace clauselint
