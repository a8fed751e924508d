// Escapes (\t, \x{..}, \s, \b, \Q...\E, ...) and character classes ([...])
// in the pattern analysis. See rules/pattern_analysis.h.
#include <cctype>

#include "model/utf8.h"
#include "rules/normalize.h"
#include "rules/pattern_analysis.h"

namespace clauselint {

char32_t Analysis::escaped(EscapeKind& kind) {
  kind = EscapeKind::character;
  if (i_ + 1 >= p_.size()) {
    kind = EscapeKind::unknown;
    return 0;
  }
  const char e = p_[i_ + 1];
  i_ += 2;
  switch (e) {
    case 's':
    case 'h':
    case 'v':
    case 'W':
      kind = EscapeKind::separator;  // characters outside \w only: " " once normalised
      return 0;
    case 'S':
    case 'w':
    case 'd':
    case 'D':
    case 'H':
    case 'V':
    case 'N':
    case 'X':
    case 'R':
    case 'C': kind = EscapeKind::klass; return 0;
    case 'p':
    case 'P':
      kind = EscapeKind::klass;
      if (peek() == '{') {
        const std::size_t close = p_.find('}', i_);
        i_ = close == std::string_view::npos ? p_.size() : close + 1;
      } else if (!at_end()) {
        ++i_;
      }
      return 0;
    case 'b':
    case 'B':
    case 'A':
    case 'z':
    case 'Z':
    case 'G':
    case 'K': kind = EscapeKind::zero_width; return 0;
    case 't': return '\t';
    case 'n': return '\n';
    case 'r': return '\r';
    case 'f': return '\f';
    case 'a': return 7;
    case 'e': return 27;
    case 'x': return hex_escape(kind);
    default:
      if (static_cast<unsigned char>(e) < 0x80 && !std::isalnum(static_cast<unsigned char>(e)))
        return static_cast<char32_t>(e);
      break;  // back-references, \g, \k, \c, \o, octal, non-ASCII after "\"
  }
  kind = EscapeKind::unknown;
  return 0;
}

// The digits after "\x": "{hex...}" or up to two hex digits.
char32_t Analysis::hex_escape(EscapeKind& kind) {
  char32_t cp = 0;
  if (peek() == '{') {
    const std::size_t close = p_.find('}', i_);
    if (close == std::string_view::npos) {
      kind = EscapeKind::unknown;
      return 0;
    }
    for (std::size_t k = i_ + 1; k < close; ++k) {
      if (!std::isxdigit(static_cast<unsigned char>(p_[k]))) {
        kind = EscapeKind::unknown;
        return 0;
      }
      cp = cp * 16 + static_cast<char32_t>(std::isdigit(static_cast<unsigned char>(p_[k]))
                                               ? p_[k] - '0'
                                               : (std::tolower(p_[k]) - 'a' + 10));
    }
    i_ = close + 1;
    return cp;
  }
  for (int k = 0; k < 2 && std::isxdigit(static_cast<unsigned char>(peek())); ++k, ++i_)
    cp = cp * 16 + static_cast<char32_t>(std::isdigit(static_cast<unsigned char>(peek()))
                                             ? peek() - '0'
                                             : (std::tolower(peek()) - 'a' + 10));
  return cp;
}

Info Analysis::escape() {
  if (p_.substr(i_, 2) == "\\Q") return quoted();
  if (p_.substr(i_, 2) == "\\E") {
    i_ += 2;
    return Info::empty();
  }
  EscapeKind kind;
  const char32_t cp = escaped(kind);
  switch (kind) {
    case EscapeKind::character: return Info::strings({encode(fold(cp))});
    case EscapeKind::separator: return Info::strings({" "});
    case EscapeKind::klass: {
      if (p_[i_ - 1] != 'd') return Info::anything();
      Info digit;  // \d: a block with a digit
      digit.tree = {AtomTree::Kind::atom, std::string(kDigitAtom), {}};
      return digit;
    }
    // \b next to a word character: normalize_block() has a " " there
    // (or at the block's edge); \B, \A, \z ... say nothing.
    case EscapeKind::zero_width: return Info::strings({p_[i_ - 1] == 'b' ? " " : ""});
    case EscapeKind::unknown: fail(); return {};
  }
  return {};
}

// \Q...\E: the text between, as written (to the end without \E).
Info Analysis::quoted() {
  i_ += 2;
  const std::size_t end = p_.find("\\E", i_);
  const std::string_view quoted = p_.substr(i_, end == std::string_view::npos ? std::string_view::npos : end - i_);
  std::string text;
  for (std::size_t k = 0; k < quoted.size();) {
    std::size_t length = 1;
    bool valid = true;
    const char32_t cp = utf8::decode(quoted, k, length, valid);
    append_collapsed(text, encode(fold(cp)));
    k += length;
  }
  i_ = end == std::string_view::npos ? p_.size() : end + 2;
  return Info::strings({text});
}

// [...]: a few characters give exact strings; anything wider holds everywhere.
Info Analysis::klass() {
  const std::size_t start = i_;
  ++i_;
  const bool negated = peek() == '^';
  if (negated) ++i_;
  ClassState s;
  s.wide = negated;
  bool first = true;
  while (true) {
    if (at_end()) {
      i_ = start;
      fail();
      return {};
    }
    if (peek() == ']' && !first) break;
    first = false;
    if (!class_item(s)) return {};
  }
  ++i_;  // "]"
  if (s.wide) return Info::anything();
  std::vector<std::string> out;
  for (const char32_t cp : s.chars) out.push_back(encode(fold(cp)));
  dedupe(out);
  if (out.size() > 4) return Info::anything();
  return Info::strings(std::move(out));
}

// One item of a class: a POSIX class, an escape, a range or a character.
// False when the pattern cannot be read (after fail()).
bool Analysis::class_item(ClassState& s) {
  const char c = peek();
  if (c == '[' && i_ + 1 < p_.size() && (p_[i_ + 1] == ':' || p_[i_ + 1] == '.' || p_[i_ + 1] == '=')) {
    const std::size_t close = p_.find(std::string{p_[i_ + 1], ']'}, i_ + 2);
    if (close == std::string_view::npos) {
      fail();
      return false;
    }
    i_ = close + 2;
    s.wide = true;
    s.have_previous = false;
    return true;
  }
  char32_t cp = 0;
  if (c == '\\' && i_ + 1 < p_.size() && p_[i_ + 1] == 'b') {
    cp = 8;  // [\b] is a backspace
    i_ += 2;
  } else if (c == '\\') {
    EscapeKind kind;
    cp = escaped(kind);
    if (kind == EscapeKind::unknown) {
      fail();
      return false;
    }
    if (kind == EscapeKind::separator) {
      s.chars.push_back(' ');
      s.have_previous = false;
      return true;
    }
    if (kind != EscapeKind::character) {
      s.wide = true;
      s.have_previous = false;
      return true;
    }
  } else if (c == '-' && s.have_previous && i_ + 1 < p_.size() && p_[i_ + 1] != ']') {
    class_range(s);
    return true;
  } else {
    std::size_t length = 1;
    bool valid = true;
    cp = utf8::decode(p_, i_, length, valid);
    i_ += length;
  }
  s.chars.push_back(cp);
  s.previous = cp;
  s.have_previous = true;
  return true;
}

// "-x" after a character: a range from s.previous.
void Analysis::class_range(ClassState& s) {
  ++i_;
  char32_t last = 0;
  if (peek() == '\\') {
    EscapeKind kind;
    last = escaped(kind);
    if (kind != EscapeKind::character) {
      s.wide = true;
      return;
    }
  } else {
    std::size_t length = 1;
    bool valid = true;
    last = utf8::decode(p_, i_, length, valid);
    i_ += length;
  }
  const char32_t previous = s.previous;
  bool separators = true;  // a range of characters outside \w is one " "
  for (char32_t x = previous; x <= last && separators && last >= previous; ++x) separators = !is_word(x);
  if (last >= previous && separators)
    s.chars.push_back(' ');
  else if (last < previous || last - previous > 4)
    s.wide = true;
  else
    for (char32_t x = previous + 1; x <= last; ++x) s.chars.push_back(x);
  s.have_previous = false;
}

}  // namespace clauselint
