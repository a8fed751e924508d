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
        {"shy", 0xAD},     {"laquo", 0xAB},   {"raquo", 0xBB},    {"euro", 0x20AC},  {"pound", 0xA3}};
    for (const auto& [name, value] : named)
      if (name == body) cp = value;
    if (cp == 0) return std::string(entity);
  }
  std::string out;
  utf8::append(out, cp);
  return out;
}

}  // namespace clauselint
