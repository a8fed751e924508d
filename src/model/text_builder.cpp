#include "model/text_builder.h"

#include "model/utf8.h"

namespace clauselint {
namespace {

bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0xA0 ||
         cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

bool is_dropped(char32_t cp) {
  return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF || cp == 0xAD;
}

// The ASCII stand-in for a typographic character, or 0 to keep it.
char32_t ascii_for(char32_t cp) {
  switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x02BC: return '\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
    case 0x00AB:
    case 0x00BB: return '"';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xFE58:
    case 0xFE63:
    case 0xFF0D: return '-';
    default: return 0;
  }
}

}  // namespace

void TextBuilder::put(char32_t cp, std::uint32_t origin) {
  if (is_dropped(cp)) return;
  if (is_space(cp)) {
    if (!pending_space_) pending_origin_ = origin;
    pending_space_ = true;
    return;
  }
  if (pending_space_) {
    pending_space_ = false;
    if (!block_empty()) {
      text_ += ' ';
      origin_.push_back(pending_origin_);
    }
  }
  const std::size_t before = text_.size();
  if (cp == 0x2026) {
    text_ += "...";
  } else if (const char32_t ascii = ascii_for(cp)) {
    text_ += static_cast<char>(ascii);
  } else {
    utf8::append(text_, cp);
  }
  origin_.insert(origin_.end(), text_.size() - before, origin);
}

void TextBuilder::append_source(std::string_view text, std::uint32_t origin) {
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len;
    bool valid;
    const char32_t cp = utf8::decode(text, i, len, valid);
    put(cp, origin + static_cast<std::uint32_t>(i));
    i += len;
  }
}

void TextBuilder::append_mapped(std::string_view text, std::uint32_t origin) {
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len;
    bool valid;
    put(utf8::decode(text, i, len, valid), origin);
    i += len;
  }
}

void TextBuilder::append_space(std::uint32_t origin) { put(' ', origin); }

TextRange TextBuilder::end_block() {
  pending_space_ = false;
  TextRange range{static_cast<std::uint32_t>(block_begin_), static_cast<std::uint32_t>(text_.size())};
  if (range.begin != range.end) {
    text_ += '\n';
    origin_.push_back(origin_.back());
  }
  block_begin_ = text_.size();
  return range;
}

std::string normalise_text(std::string_view text) {
  TextBuilder builder;
  builder.append_source(text, 0);
  builder.end_block();
  std::string out = std::move(builder.text());
  if (!out.empty()) out.pop_back();
  return out;
}

}  // namespace clauselint
