// Builds a Document's normalised text one block at a time, recording for
// every output byte the source byte it came from.
//
// Normalisation: curly quotes and apostrophes become ' and ", every dash
// becomes "-", "…" becomes "...", zero-width characters and soft hyphens are
// dropped, and each run of white space (line breaks, tabs, no-break spaces)
// becomes one space; blocks never start or end with a space.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "clauselint/document.h"

namespace clauselint {

class TextBuilder {
 public:
  // Appends source text whose first byte is at source offset `origin`.
  void append_source(std::string_view text, std::uint32_t origin);
  // Appends text that stands for the source character at `origin` (a decoded
  // entity, a link destination copied from elsewhere).
  void append_mapped(std::string_view text, std::uint32_t origin);
  // A line break or other separator: white space in the text.
  void append_space(std::uint32_t origin);

  // Ends the current block: trims its trailing space, appends "\n" and
  // returns the block's range (empty when it holds no text).
  TextRange end_block();
  bool block_empty() const { return text_.size() == block_begin_; }

  std::string& text() { return text_; }
  std::vector<std::uint32_t>& origin() { return origin_; }

 private:
  void put(char32_t cp, std::uint32_t origin);
  std::string text_;
  std::vector<std::uint32_t> origin_;
  std::size_t block_begin_ = 0;
  bool pending_space_ = false;
  std::uint32_t pending_origin_ = 0;
};

// The normalised form of `text` alone (for tests and heading matching).
std::string normalise_text(std::string_view text);

}  // namespace clauselint
