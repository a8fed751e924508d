// Small UTF-8 helpers shared by input decoding and the document model.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace clauselint::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point at text[i]. Sets `length` to the bytes consumed
// (1 for an invalid byte, which returns kReplacement and sets `valid` false).
char32_t decode(std::string_view text, std::size_t i, std::size_t& length, bool& valid);

void append(std::string& out, char32_t cp);

// Number of code points in `text` (invalid bytes count one each).
std::size_t count_code_points(std::string_view text);

}  // namespace clauselint::utf8
