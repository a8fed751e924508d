// The normalised form of text that the prefilter's atoms are written in and
// looked for (normalize_block in required_words.h; rules/normalize.h).
#include "rules/normalize.h"

#include <unicode/uchar.h>

#include <cctype>

#include "model/utf8.h"
#include "rules/required_words.h"

namespace clauselint {

bool is_word(char32_t cp) {
  if (cp < 0x80) return std::isalnum(static_cast<int>(cp)) || cp == '_';
  return (U_GET_GC_MASK(static_cast<UChar32>(cp)) & (U_GC_L_MASK | U_GC_N_MASK)) != 0;
}

char32_t fold(char32_t cp) {
  if (!is_word(cp)) return ' ';
  if (cp < 0x80) return static_cast<char32_t>(std::tolower(static_cast<int>(cp)));
  return static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT));
}

void append_collapsed(std::string& out, std::string_view s) {
  if (!out.empty() && out.back() == ' ' && !s.empty() && s.front() == ' ') s.remove_prefix(1);
  out.append(s);
}

void normalize_block(std::string_view text, std::string& out) {
  out.reserve(out.size() + text.size() + 2);
  out += ' ';
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    char32_t folded;
    if (c < 0x80) {
      folded = (c >= 'A' && c <= 'Z') ? c + 32u : (std::isalnum(c) || c == '_') ? c : ' ';
      ++i;
    } else {
      std::size_t length = 1;
      bool valid = true;
      const char32_t cp = utf8::decode(text, i, length, valid);
      folded = valid ? fold(cp) : ' ';
      i += length;
    }
    if (folded == ' ') {
      if (out.back() != ' ') out += ' ';
    } else if (folded < 0x80) {
      out += static_cast<char>(folded);
    } else {
      utf8::append(out, folded);
    }
  }
  if (out.back() != ' ') out += ' ';
}

}  // namespace clauselint
