#include "model/entities.h"

#include <charconv>
#include <utility>

#include "model/utf8.h"

namespace clauselint {

std::string decode_entity(std::string_view entity) {
  if (entity.size() < 3 || entity.front() != '&' || entity.back() != ';') return std::string(entity);
  const std::string_view body = entity.substr(1, entity.size() - 2);
  char32_t cp = 0;
  if (body[0] == '#') {
    const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    const std::string_view digits = body.substr(hex ? 2 : 1);
    unsigned long value = 0;
    const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value, hex ? 16 : 10);
    if (ec != std::errc() || ptr != digits.data() + digits.size()) return std::string(entity);
    cp = (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) ? utf8::kReplacement
                                                                                  : static_cast<char32_t>(value);
  } else {
    static constexpr std::pair<std::string_view, char32_t> named[] = {
        {"amp", '&'},      {"lt", '<'},       {"gt", '>'},        {"quot", '"'},     {"apos", '\''},
        {"nbsp", 0xA0},    {"rsquo", 0x2019}, {"lsquo", 0x2018},  {"rdquo", 0x201D}, {"ldquo", 0x201C},
        {"mdash", 0x2014}, {"ndash", 0x2013}, {"hellip", 0x2026}, {"copy", 0xA9},    {"reg", 0xAE},
        {"trade", 0x2122}, {"sect", 0xA7},    {"para", 0xB6},     {"middot", 0xB7},  {"bull", 0x2022},
        {"shy", 0xAD},     {"laquo", 0xAB},   {"raquo", 0xBB},    {"euro", 0x20AC},  {"pound", 0xA3},
        {"times", 0xD7},   {"deg", 0xB0},     {"ensp", 0x2002},   {"emsp", 0x2003},  {"thinsp", 0x2009},
        {"zwnj", 0x200C},  {"zwj", 0x200D},   {"lrm", 0x200E},    {"rlm", 0x200F},   {"sbquo", 0x201A},
        {"bdquo", 0x201E}, {"prime", 0x2032}, {"minus", 0x2212},  {"szlig", 0xDF},   {"aelig", 0xE6},
        {"oslash", 0xF8},  {"aring", 0xE5},   {"ccedil", 0xE7},   {"Ccedil", 0xC7},  {"ntilde", 0xF1},
        {"Ntilde", 0xD1},  {"aacute", 0xE1},  {"eacute", 0xE9},   {"iacute", 0xED},  {"oacute", 0xF3},
        {"uacute", 0xFA},  {"Aacute", 0xC1},  {"Eacute", 0xC9},   {"Iacute", 0xCD},  {"Oacute", 0xD3},
        {"Uacute", 0xDA},  {"agrave", 0xE0},  {"egrave", 0xE8},   {"igrave", 0xEC},  {"ograve", 0xF2},
        {"ugrave", 0xF9},  {"Agrave", 0xC0},  {"Egrave", 0xC8},   {"acirc", 0xE2},   {"ecirc", 0xEA},
        {"icirc", 0xEE},   {"ocirc", 0xF4},   {"ucirc", 0xFB},    {"auml", 0xE4},    {"euml", 0xEB},
        {"iuml", 0xEF},    {"ouml", 0xF6},    {"uuml", 0xFC},     {"Auml", 0xC4},    {"Ouml", 0xD6},
        {"Uuml", 0xDC},    {"yuml", 0xFF},    {"atilde", 0xE3},   {"otilde", 0xF5}};
    for (const auto& [name, value] : named)
      if (name == body) cp = value;
    if (cp == 0) return std::string(entity);
  }
  std::string out;
  utf8::append(out, cp);
  return out;
}

}  // namespace clauselint
