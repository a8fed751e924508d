#include "model/html_depth.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string_view>

namespace clauselint {
namespace {

bool is_void(std::string_view name) {
  static constexpr std::string_view names[] = {
      "area",   "base",  "br",  "col",    "embed",   "hr",       "img",     "input", "link",  "meta",    "param",
      "source", "track", "wbr", "keygen", "command", "basefont", "bgsound", "frame", "image", "isindex", "menuitem"};
  return std::find(std::begin(names), std::end(names), name) != std::end(names);
}

bool is_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// The end of the tag starting at text[i] == '<': one past its '>' (quotes respected), or `end`.
std::size_t tag_end(const std::string& text, std::size_t i, std::size_t end) {
  char quote = 0;
  for (++i; i < end; ++i) {
    const char c = text[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return end;
}

// Raw text (script, style ...) from `after`: where its end tag `</name` starts, else `end`.
std::size_t raw_text_end(const std::string& text, std::size_t after, std::size_t end, const std::string& name) {
  std::size_t close = after;
  for (;;) {
    close = text.find("</", close);
    if (close == std::string::npos || close >= end) return end;
    std::string next = text.substr(close + 2, name.size());
    std::transform(next.begin(), next.end(), next.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (next == name) return close;
    close += 2;
  }
}

}  // namespace

bool may_nest_deeper(const std::string& text, std::size_t begin, std::size_t end, int max_depth) {
  std::size_t tags = 0;
  for (std::size_t i = text.find('<', begin); i < end && i != std::string::npos; i = text.find('<', i + 1))
    if (i + 1 < end && is_alpha(text[i + 1]) && ++tags > static_cast<std::size_t>(max_depth)) return true;
  return false;
}

std::size_t limit_html_depth(std::string& text, std::size_t begin, std::size_t end, int max_depth) {
  std::size_t blanked = 0;
  int depth = 0;
  std::map<std::string, std::size_t> blanked_open;  // per tag name: blanked start tags not yet closed
  std::size_t i = begin;
  while (i < end) {
    i = text.find('<', i);
    if (i == std::string::npos || i >= end) break;
    if (text.compare(i, 4, "<!--") == 0) {
      const std::size_t close = text.find("-->", i + 4);
      i = close == std::string::npos || close >= end ? end : close + 3;
      continue;
    }
    const bool closing = i + 1 < end && text[i + 1] == '/';
    const std::size_t name_begin = i + (closing ? 2 : 1);
    if (name_begin >= end || !is_alpha(text[name_begin])) {
      ++i;
      continue;
    }
    std::size_t name_end = name_begin;
    while (name_end < end && (std::isalnum(static_cast<unsigned char>(text[name_end])) || text[name_end] == '-'))
      ++name_end;
    std::string name = text.substr(name_begin, name_end - name_begin);
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const std::size_t after = tag_end(text, i, end);
    auto blank = [&] {
      std::fill(text.begin() + static_cast<std::ptrdiff_t>(i), text.begin() + static_cast<std::ptrdiff_t>(after), ' ');
      ++blanked;
    };
    if (closing) {
      if (auto it = blanked_open.find(name); it != blanked_open.end() && it->second > 0) {
        --it->second;
        blank();
      } else {
        depth = std::max(0, depth - 1);
      }
    } else if (name == "script" || name == "style" || name == "textarea" || name == "title" || name == "xmp") {
      i = raw_text_end(text, after, end, name);  // so that "<" inside is not read as a tag
      continue;
    } else if (!is_void(name) && !(after >= 2 && text[after - 2] == '/')) {
      if (depth >= max_depth) {
        ++blanked_open[name];
        blank();
      } else {
        ++depth;
      }
    }
    i = after;
  }
  return blanked;
}

}  // namespace clauselint
