#include "clauselint/safe_text.h"

#include <fmt/format.h>

#include "model/utf8.h"

namespace clauselint {

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 1;
    bool valid = true;
    const char32_t cp = utf8::decode(text, i, len, valid);
    if (!valid) {
      utf8::append(out, utf8::kReplacement);
    } else if (cp < 0x20 && cp != '\t') {
      utf8::append(out, 0x2400 + cp);  // control pictures: U+241B for ESC, U+240A for LF
    } else if (cp == 0x7F) {
      utf8::append(out, 0x2421);
    } else if ((cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
      utf8::append(out, utf8::kReplacement);
    } else {
      out.append(text, i, len);
    }
    i += len;
  }
  return out;
}

std::string shorten(std::string_view text, std::size_t max_chars) {
  std::size_t chars = 0, i = 0;
  while (i < text.size() && chars < max_chars) {
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
    ++chars;
  }
  if (i >= text.size()) return std::string(text);
  return fmt::format("{}...({} more bytes)", text.substr(0, i), text.size() - i);
}

std::string shorten_quoted(std::string_view message, std::size_t max_chars) {
  if (message.size() <= max_chars) return std::string(message);
  std::string out;
  std::size_t i = 0;
  while (i < message.size()) {
    const std::size_t open = message.find('\'', i);
    const std::size_t close = open == std::string_view::npos ? open : message.find('\'', open + 1);
    if (close == std::string_view::npos) {
      out.append(message.substr(i));
      break;
    }
    out.append(message.substr(i, open + 1 - i));
    out += shorten(message.substr(open + 1, close - open - 1), max_chars);
    out += '\'';
    i = close + 1;
  }
  return out;
}

std::string valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 1;
    bool valid = true;
    const char32_t cp = utf8::decode(text, i, len, valid);
    if (valid)
      out.append(text, i, len);
    else
      utf8::append(out, cp);
    i += len;
  }
  return out;
}

}  // namespace clauselint
