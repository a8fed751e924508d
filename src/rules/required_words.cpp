#include "rules/required_words.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <unordered_set>

#include "model/utf8.h"

namespace clauselint {
namespace {

// A character of PCRE2's \w with UCP: a letter, a number or "_".
bool is_word(char32_t cp) {
  if (cp < 0x80) return std::isalnum(static_cast<int>(cp)) || cp == '_';
  return (U_GET_GC_MASK(static_cast<UChar32>(cp)) & (U_GC_L_MASK | U_GC_N_MASK)) != 0;
}

// A character as normalize_block() writes it: case-folded, or " " for any
// character outside \w.
char32_t fold(char32_t cp) {
  if (!is_word(cp)) return ' ';
  if (cp < 0x80) return static_cast<char32_t>(std::tolower(static_cast<int>(cp)));
  return static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT));
}

// Appends `s` to `out` as normalize_block() would: a run of spaces is one.
void append_collapsed(std::string& out, std::string_view s) {
  if (!out.empty() && out.back() == ' ' && !s.empty() && s.front() == ' ') s.remove_prefix(1);
  out.append(s);
}

AtomTree everywhere() { return {}; }

AtomTree all_of(std::vector<AtomTree> parts) {
  AtomTree out{AtomTree::Kind::all_of, {}, {}};
  for (auto& p : parts) {
    if (p.kind == AtomTree::Kind::everywhere) continue;
    if (p.kind == AtomTree::Kind::all_of) {
      for (auto& q : p.parts) out.parts.push_back(std::move(q));
    } else {
      out.parts.push_back(std::move(p));
    }
  }
  if (out.parts.empty()) return everywhere();
  if (out.parts.size() == 1) return std::move(out.parts.front());
  return out;
}

AtomTree any_of(std::vector<AtomTree> parts) {
  AtomTree out{AtomTree::Kind::any_of, {}, {}};
  for (auto& p : parts) {
    if (p.kind == AtomTree::Kind::everywhere) return everywhere();
    if (p.kind == AtomTree::Kind::any_of) {
      for (auto& q : p.parts) out.parts.push_back(std::move(q));
    } else {
      out.parts.push_back(std::move(p));
    }
  }
  if (out.parts.empty()) return everywhere();
  if (out.parts.size() == 1) return std::move(out.parts.front());
  return out;
}

// Once per tree: in each any_of, duplicates go, and so does an atom that
// begins or ends with another alternative ("kind regards" or "regards"
// needs "regards").
void simplify(AtomTree& tree) {
  for (auto& part : tree.parts) simplify(part);
  if (tree.kind != AtomTree::Kind::any_of) return;
  AtomTree& out = tree;
  std::unordered_set<std::string_view> atoms;
  for (const auto& a : out.parts)
    if (a.kind == AtomTree::Kind::atom) atoms.insert(a.atom);
  auto implied = [&](const AtomTree& a) {  // a shorter alternative begins or ends it
    if (a.kind != AtomTree::Kind::atom) return false;
    const std::string_view text = a.atom;
    for (std::size_t length = kMinAtomBytes; length < text.size(); ++length)
      if (atoms.count(text.substr(0, length)) || atoms.count(text.substr(text.size() - length))) return true;
    return false;
  };
  std::vector<bool> drop;
  for (const auto& a : out.parts) drop.push_back(implied(a));
  std::vector<AtomTree> kept;
  for (std::size_t i = 0; i < out.parts.size(); ++i)
    if (!drop[i]) kept.push_back(std::move(out.parts[i]));
  out.parts = std::move(kept);
  std::sort(out.parts.begin(), out.parts.end(), [](const AtomTree& a, const AtomTree& b) {
    return a.kind == AtomTree::Kind::atom && b.kind == AtomTree::Kind::atom ? a.atom < b.atom : a.kind < b.kind;
  });
  out.parts.erase(std::unique(out.parts.begin(), out.parts.end(), [](const AtomTree& a, const AtomTree& b) {
                    return a.kind == AtomTree::Kind::atom && b.kind == AtomTree::Kind::atom && a.atom == b.atom;
                  }),
                  out.parts.end());
  if (out.parts.size() == 1) {
    AtomTree only = std::move(out.parts.front());
    tree = std::move(only);
  }
}

// What a part of a pattern matches: either exactly one of a small set of
// strings (`exact`), or something that needs `tree`.
struct Info {
  bool exact_known = false;
  std::vector<std::string> exact;
  AtomTree tree;

  static Info strings(std::vector<std::string> s) { return {true, std::move(s), {}}; }
  static Info empty() { return strings({""}); }
  static Info anything() { return {}; }

  AtomTree as_tree() && {
    if (!exact_known) return std::move(tree);
    std::vector<AtomTree> parts;
    for (const auto& s : exact) {
      if (s.size() < kMinAtomBytes) return everywhere();
      parts.push_back({AtomTree::Kind::atom, s, {}});
    }
    return any_of(std::move(parts));
  }
};

void dedupe(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

Info concat(const Info& a, const Info& b) {
  if (a.exact_known && b.exact_known && a.exact.size() * b.exact.size() <= kMaxAlternatives) {
    std::vector<std::string> out;
    for (const auto& x : a.exact)
      for (const auto& y : b.exact) {
        std::string joined = x;
        append_collapsed(joined, y);
        out.push_back(std::move(joined));
      }
    dedupe(out);
    return Info::strings(std::move(out));
  }
  Info out;
  out.tree = all_of({Info(a).as_tree(), Info(b).as_tree()});
  return out;
}

std::string encode(char32_t cp) {
  std::string s;
  utf8::append(s, cp);
  return s;
}

class Analysis {
 public:
  explicit Analysis(std::string_view p) : p_(p) {}

  AtomTree run() {
    Info info = alternation();
    if (failed_ || i_ != p_.size()) return everywhere();
    return std::move(info).as_tree();
  }

 private:
  bool at_end() const { return i_ >= p_.size(); }
  char peek() const { return at_end() ? '\0' : p_[i_]; }
  void fail() {
    failed_ = true;
    i_ = p_.size();
  }

  // Branches are combined once, at the end: exact while they stay few.
  Info alternation() {
    std::vector<Info> branches{sequence()};
    while (!failed_ && peek() == '|') {
      ++i_;
      branches.push_back(sequence());
    }
    if (branches.size() == 1) return std::move(branches.front());
    std::size_t strings = 0;
    bool exact = true;
    for (const Info& b : branches) {
      exact = exact && b.exact_known;
      strings += b.exact.size();
    }
    if (exact && strings <= kMaxAlternatives) {
      std::vector<std::string> all;
      for (Info& b : branches) all.insert(all.end(), b.exact.begin(), b.exact.end());
      dedupe(all);
      return Info::strings(std::move(all));
    }
    std::vector<AtomTree> trees;
    for (Info& b : branches) trees.push_back(std::move(b).as_tree());
    Info out;
    out.tree = any_of(std::move(trees));
    return out;
  }

  // A run of exact parts is joined into longer strings ("we", " ", "notify"
  // -> "we notify"); a part that is not exact, or a run grown past
  // kMaxAlternatives, closes the run, and the sequence needs every run.
  Info sequence() {
    std::vector<AtomTree> needs;
    Info run = Info::empty();
    while (!failed_ && !at_end() && peek() != '|' && peek() != ')') {
      bool skip = false;
      Info part = atom(skip);
      if (skip) continue;
      part = quantified(std::move(part));
      if (part.exact_known && part.exact.size() == 1) {  // the common case: one more character
        for (auto& string : run.exact) append_collapsed(string, part.exact.front());
        continue;
      }
      if (part.exact_known && run.exact.size() * part.exact.size() <= kMaxAlternatives) {
        run = concat(run, part);
        continue;
      }
      needs.push_back(std::move(run).as_tree());
      if (part.exact_known) {
        run = std::move(part);
      } else {
        needs.push_back(std::move(part.tree));
        run = Info::empty();
      }
    }
    if (needs.empty()) return run;
    needs.push_back(std::move(run).as_tree());
    Info out;
    out.tree = all_of(std::move(needs));
    return out;
  }

  Info quantified(Info part) {
    skip_extended_space();
    const char q = peek();
    std::size_t min = 1, max = 1;
    if (q == '*') min = 0, max = SIZE_MAX;
    else if (q == '+') min = 1, max = SIZE_MAX;
    else if (q == '?') min = 0, max = 1;
    else if (q == '{' && !brace_quantifier(min, max)) return part;
    else if (q != '{') return part;
    if (q != '{') ++i_;
    if (peek() == '?' || peek() == '+') ++i_;  // lazy or possessive: the same texts
    if (part.exact_known && part.exact == std::vector<std::string>{" "}) {
      // A run of separators is one " " once normalised, however long.
      return min == 0 ? Info::strings({"", " "}) : part;
    }
    if (min == 0 && max == 1 && part.exact_known) {
      part.exact.push_back("");
      dedupe(part.exact);
      return part;
    }
    if (min == 0) return Info::anything();
    if (min == 1 && max == 1) return part;
    Info out;
    out.tree = std::move(part).as_tree();  // at least once: what one copy needs
    return out;
  }

  // {n}, {n,}, {n,m} at p_[i_]: moves past it. False (and no move) when it is a literal "{".
  bool brace_quantifier(std::size_t& min, std::size_t& max) {
    std::size_t j = i_ + 1, n = 0, m = 0;
    const std::size_t digits = j;
    while (j < p_.size() && std::isdigit(static_cast<unsigned char>(p_[j]))) n = n * 10 + static_cast<std::size_t>(p_[j++] - '0');
    if (j == digits || j >= p_.size()) return false;
    m = n;
    if (p_[j] == ',') {
      ++j;
      const std::size_t max_digits = j;
      m = 0;
      while (j < p_.size() && std::isdigit(static_cast<unsigned char>(p_[j]))) m = m * 10 + static_cast<std::size_t>(p_[j++] - '0');
      if (j == max_digits) m = SIZE_MAX;
    }
    if (j >= p_.size() || p_[j] != '}') return false;
    min = n;
    max = m;
    i_ = j + 1;
    return true;
  }

  void skip_extended_space() {
    while (extended_ && !at_end()) {
      const char c = peek();
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        ++i_;
      } else if (c == '#') {
        while (!at_end() && peek() != '\n') ++i_;
      } else {
        break;
      }
    }
  }

  Info atom(bool& skip) {
    if (extended_) {
      const std::size_t before = i_;
      skip_extended_space();
      if (i_ != before) {
        skip = true;
        return {};
      }
    }
    const char c = peek();
    switch (c) {
      case '\\': return escape();
      case '[': return klass();
      case '(': return group(skip);
      case '.': ++i_; return Info::anything();
      case '^':
      case '$': ++i_; return Info::empty();
      case '*':
      case '+':
      case '?': fail(); return {};  // a quantifier with nothing before it
      default: return literal();
    }
  }

  Info literal() {
    std::size_t length = 1;
    bool valid = true;
    const char32_t cp = utf8::decode(p_, i_, length, valid);
    i_ += length;
    if (!valid) return Info::anything();
    return Info::strings({encode(fold(cp))});
  }

  // A code point written as an escape inside or outside a class, or 0 when
  // the escape is a class, an assertion or unknown (`kind` says which).
  enum class EscapeKind { character, separator, klass, zero_width, unknown };
  char32_t escaped(EscapeKind& kind) {
    kind = EscapeKind::character;
    if (i_ + 1 >= p_.size()) {
      kind = EscapeKind::unknown;
      return 0;
    }
    const char e = p_[i_ + 1];
    i_ += 2;
    switch (e) {
      case 's': case 'h': case 'v': case 'W':
        kind = EscapeKind::separator;  // characters outside \w only: " " once normalised
        return 0;
      case 'S': case 'w': case 'd': case 'D': case 'H': case 'V': case 'N': case 'X': case 'R': case 'C':
        kind = EscapeKind::klass;
        return 0;
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
      case 'b': case 'B': case 'A': case 'z': case 'Z': case 'G': case 'K':
        kind = EscapeKind::zero_width;
        return 0;
      case 't': return '\t';
      case 'n': return '\n';
      case 'r': return '\r';
      case 'f': return '\f';
      case 'a': return 7;
      case 'e': return 27;
      case 'x': {
        char32_t cp = 0;
        if (peek() == '{') {
          const std::size_t close = p_.find('}', i_);
          if (close == std::string_view::npos) break;
          for (std::size_t k = i_ + 1; k < close; ++k) {
            if (!std::isxdigit(static_cast<unsigned char>(p_[k]))) {
              kind = EscapeKind::unknown;
              return 0;
            }
            cp = cp * 16 + static_cast<char32_t>(std::isdigit(static_cast<unsigned char>(p_[k])) ? p_[k] - '0' : (std::tolower(p_[k]) - 'a' + 10));
          }
          i_ = close + 1;
          return cp;
        }
        for (int k = 0; k < 2 && std::isxdigit(static_cast<unsigned char>(peek())); ++k, ++i_)
          cp = cp * 16 + static_cast<char32_t>(std::isdigit(static_cast<unsigned char>(peek())) ? peek() - '0' : (std::tolower(peek()) - 'a' + 10));
        return cp;
      }
      default:
        if (static_cast<unsigned char>(e) < 0x80 && !std::isalnum(static_cast<unsigned char>(e))) return static_cast<char32_t>(e);
        break;  // back-references, \g, \k, \c, \o, octal, non-ASCII after "\"
    }
    kind = EscapeKind::unknown;
    return 0;
  }

  Info escape() {
    if (p_.substr(i_, 2) == "\\Q") {
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
    if (p_.substr(i_, 2) == "\\E") {
      i_ += 2;
      return Info::empty();
    }
    EscapeKind kind;
    const char32_t cp = escaped(kind);
    switch (kind) {
      case EscapeKind::character: return Info::strings({encode(fold(cp))});
      case EscapeKind::separator: return Info::strings({" "});
      case EscapeKind::klass: return Info::anything();
      // \b next to a word character: normalize_block() has a " " there
      // (or at the block's edge); \B, \A, \z ... say nothing.
      case EscapeKind::zero_width: return Info::strings({p_[i_ - 1] == 'b' ? " " : ""});
      case EscapeKind::unknown: fail(); return {};
    }
    return {};
  }

  // [...]: a few characters give exact strings; anything wider holds everywhere.
  Info klass() {
    const std::size_t start = i_;
    ++i_;
    const bool negated = peek() == '^';
    if (negated) ++i_;
    std::vector<char32_t> chars;
    bool wide = negated;
    bool first = true;
    char32_t previous = 0;
    bool have_previous = false;
    while (true) {
      if (at_end()) {
        i_ = start;
        fail();
        return {};
      }
      char c = peek();
      if (c == ']' && !first) break;
      first = false;
      if (c == '[' && i_ + 1 < p_.size() && (p_[i_ + 1] == ':' || p_[i_ + 1] == '.' || p_[i_ + 1] == '=')) {
        const std::size_t close = p_.find(std::string{p_[i_ + 1], ']'}, i_ + 2);
        if (close == std::string_view::npos) {
          fail();
          return {};
        }
        i_ = close + 2;
        wide = true;
        have_previous = false;
        continue;
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
          return {};
        }
        if (kind == EscapeKind::separator) {
          chars.push_back(' ');
          have_previous = false;
          continue;
        }
        if (kind != EscapeKind::character) {
          wide = true;
          have_previous = false;
          continue;
        }
      } else if (c == '-' && have_previous && i_ + 1 < p_.size() && p_[i_ + 1] != ']') {
        ++i_;
        char32_t last = 0;
        if (peek() == '\\') {
          EscapeKind kind;
          last = escaped(kind);
          if (kind != EscapeKind::character) {
            wide = true;
            continue;
          }
        } else {
          std::size_t length = 1;
          bool valid = true;
          last = utf8::decode(p_, i_, length, valid);
          i_ += length;
        }
        bool separators = true;  // a range of characters outside \w is one " "
        for (char32_t x = previous; x <= last && separators && last >= previous; ++x) separators = !is_word(x);
        if (last >= previous && separators) chars.push_back(' ');
        else if (last < previous || last - previous > 4) wide = true;
        else
          for (char32_t x = previous + 1; x <= last; ++x) chars.push_back(x);
        have_previous = false;
        continue;
      } else {
        std::size_t length = 1;
        bool valid = true;
        cp = utf8::decode(p_, i_, length, valid);
        i_ += length;
      }
      chars.push_back(cp);
      previous = cp;
      have_previous = true;
    }
    ++i_;  // "]"
    if (wide) return Info::anything();
    std::vector<std::string> out;
    for (const char32_t cp : chars) out.push_back(encode(fold(cp)));
    dedupe(out);
    if (out.size() > 4) return Info::anything();
    return Info::strings(std::move(out));
  }

  // Moves past a group starting at p_[i_] == '(' (nested groups, classes and
  // escapes included).
  void skip_group() {
    int depth = 0;
    while (!at_end()) {
      const char c = p_[i_];
      if (c == '\\') {
        i_ += 2;
        continue;
      }
      if (c == '[') {
        const std::size_t save = i_;
        ++i_;
        if (peek() == '^') ++i_;
        if (peek() == ']') ++i_;
        while (!at_end() && peek() != ']') i_ += peek() == '\\' ? 2 : 1;
        if (at_end()) {
          i_ = save;
          fail();
          return;
        }
        ++i_;
        continue;
      }
      ++i_;
      if (c == '(') ++depth;
      if (c == ')' && --depth == 0) return;
    }
    fail();
  }

  Info group(bool& skip) {
    const std::string_view rest = p_.substr(i_);
    auto starts = [&](std::string_view s) { return rest.substr(0, s.size()) == s; };
    if (starts("(*")) {
      fail();
      return {};
    }
    if (starts("(?#")) {
      const std::size_t close = p_.find(')', i_);
      if (close == std::string_view::npos) fail();
      else i_ = close + 1;
      skip = true;
      return {};
    }
    if (starts("(?=") || starts("(?!") || starts("(?<=") || starts("(?<!")) {
      skip_group();  // a lookaround only narrows where a match may be
      return Info::empty();
    }
    std::size_t open = 0;
    bool extended = extended_;
    if (starts("(?<") || starts("(?P<") || starts("(?'")) {
      const std::size_t end = p_.find(starts("(?'") ? '\'' : '>', i_ + 3);
      if (end == std::string_view::npos) {
        fail();
        return {};
      }
      open = end + 1 - i_;
    } else if (starts("(?>") || starts("(?:")) {
      open = 3;
    } else if (starts("(?")) {
      std::size_t j = i_ + 2;
      bool on = true;
      while (j < p_.size() && p_[j] != ')' && p_[j] != ':') {
        const char f = p_[j++];
        if (f == '-') on = false;
        else if (f == 'x') extended = on;
        else if (f != 'i' && f != 'm' && f != 's' && f != 'U') {
          fail();  // (?|, (?(, (?R, (?1, (?&, (?P>, (?J) ...
          return {};
        }
      }
      if (j >= p_.size()) {
        fail();
        return {};
      }
      if (p_[j] == ')') {  // flags for the rest of the enclosing group
        extended_ = extended;
        i_ = j + 1;
        skip = true;
        return {};
      }
      open = j + 1 - i_;
    } else {
      open = 1;
    }
    i_ += open;
    const bool saved = extended_;
    extended_ = extended;
    Info inner = alternation();
    extended_ = saved;
    if (peek() != ')') {
      fail();
      return {};
    }
    ++i_;
    return inner;
  }

  std::string_view p_;
  std::size_t i_ = 0;
  bool failed_ = false;
  bool extended_ = false;
};

void print(const AtomTree& t, std::string& out) {
  switch (t.kind) {
    case AtomTree::Kind::everywhere: out += "*"; return;
    case AtomTree::Kind::atom: out += "'" + t.atom + "'"; return;
    case AtomTree::Kind::all_of:
    case AtomTree::Kind::any_of:
      out += t.kind == AtomTree::Kind::all_of ? "all(" : "any(";
      for (std::size_t i = 0; i < t.parts.size(); ++i) {
        if (i) out += ", ";
        print(t.parts[i], out);
      }
      out += ")";
      return;
  }
}

}  // namespace

AtomTree required_atoms(std::string_view pcre) {
  AtomTree tree = Analysis(pcre).run();
  simplify(tree);
  return tree;
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

std::string to_string(const AtomTree& tree) {
  std::string out;
  print(tree, out);
  return out;
}

void serialize_into(const AtomTree& tree, std::string& out) {
  switch (tree.kind) {
    case AtomTree::Kind::everywhere: out += '*'; return;
    case AtomTree::Kind::atom: out += 'a' + std::to_string(tree.atom.size()) + ':' + tree.atom; return;
    case AtomTree::Kind::all_of:
    case AtomTree::Kind::any_of:
      out += (tree.kind == AtomTree::Kind::all_of ? '&' : '|') + std::to_string(tree.parts.size()) + ':';
      for (const auto& part : tree.parts) serialize_into(part, out);
      return;
  }
}

std::string serialize(const AtomTree& tree) {
  std::string out;
  serialize_into(tree, out);
  return out;
}

AtomTree deserialize(std::string_view& text) {
  if (text.empty()) return everywhere();
  const char kind = text.front();
  text.remove_prefix(1);
  if (kind == '*') return everywhere();
  std::size_t n = 0;
  while (!text.empty() && std::isdigit(static_cast<unsigned char>(text.front()))) {
    n = n * 10 + static_cast<std::size_t>(text.front() - '0');
    text.remove_prefix(1);
  }
  if (text.empty() || text.front() != ':') return everywhere();
  text.remove_prefix(1);
  if (kind == 'a') {
    if (n > text.size()) return everywhere();
    AtomTree atom{AtomTree::Kind::atom, std::string(text.substr(0, n)), {}};
    text.remove_prefix(n);
    return atom;
  }
  if (kind != '&' && kind != '|') return everywhere();
  AtomTree tree{kind == '&' ? AtomTree::Kind::all_of : AtomTree::Kind::any_of, {}, {}};
  for (std::size_t i = 0; i < n; ++i) {
    if (text.empty()) return everywhere();  // cut short: an any_of missing parts would hold too rarely
    tree.parts.push_back(deserialize(text));
  }
  return tree;
}

}  // namespace clauselint
