// required_atoms(): what literal text any match of a pattern must contain
// (required_words.h). The analysis reads alternations, sequences,
// quantifiers and groups here; escapes and classes in pattern_escapes.cpp.
#include "rules/required_words.h"

#include <algorithm>
#include <cctype>

#include "model/utf8.h"
#include "rules/atom_tree.h"
#include "rules/normalize.h"
#include "rules/pattern_analysis.h"

namespace clauselint {

AtomTree Info::as_tree() && {
  if (!exact_known) return std::move(tree);
  std::vector<AtomTree> parts;
  for (const auto& s : exact) {
    if (s.size() < kMinAtomBytes) return everywhere();
    parts.push_back({AtomTree::Kind::atom, s, {}});
  }
  return any_of(std::move(parts));
}

void dedupe(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

namespace {

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

}  // namespace

std::string encode(char32_t cp) {
  std::string s;
  utf8::append(s, cp);
  return s;
}

AtomTree Analysis::run() {
  Info info = alternation();
  if (failed_ || i_ != p_.size()) return everywhere();
  return std::move(info).as_tree();
}

// Branches are combined once, at the end: exact while they stay few.
Info Analysis::alternation() {
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
Info Analysis::sequence() {
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

Info Analysis::quantified(Info part) {
  skip_extended_space();
  const char q = peek();
  std::size_t min = 1, max = 1;
  if (q == '*')
    min = 0, max = SIZE_MAX;
  else if (q == '+')
    min = 1, max = SIZE_MAX;
  else if (q == '?')
    min = 0, max = 1;
  else if (q == '{' && !brace_quantifier(min, max))
    return part;
  else if (q != '{')
    return part;
  if (q != '{') ++i_;
  if (peek() == '?' || peek() == '+') ++i_;  // lazy or possessive: the same texts
  if (part.exact_known && part.exact == std::vector<std::string>{" "}) {
    // A run of separators is one " " once normalised, however long.
    return min == 0 ? Info::strings({"", " "}) : part;
  }
  if (min == 0 && max == 1 && part.exact_known) {
    part.exact.emplace_back();
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
bool Analysis::brace_quantifier(std::size_t& min, std::size_t& max) {
  std::size_t j = i_ + 1, n = 0, m = 0;
  const std::size_t digits = j;
  while (j < p_.size() && std::isdigit(static_cast<unsigned char>(p_[j])))
    n = n * 10 + static_cast<std::size_t>(p_[j++] - '0');
  if (j == digits || j >= p_.size()) return false;
  m = n;
  if (p_[j] == ',') {
    ++j;
    const std::size_t max_digits = j;
    m = 0;
    while (j < p_.size() && std::isdigit(static_cast<unsigned char>(p_[j])))
      m = m * 10 + static_cast<std::size_t>(p_[j++] - '0');
    if (j == max_digits) m = SIZE_MAX;
  }
  if (j >= p_.size() || p_[j] != '}') return false;
  min = n;
  max = m;
  i_ = j + 1;
  return true;
}

void Analysis::skip_extended_space() {
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

Info Analysis::atom(bool& skip) {
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

Info Analysis::literal() {
  std::size_t length = 1;
  bool valid = true;
  const char32_t cp = utf8::decode(p_, i_, length, valid);
  i_ += length;
  if (!valid) return Info::anything();
  return Info::strings({encode(fold(cp))});
}

// Moves past a group starting at p_[i_] == '(' (nested groups, classes and
// escapes included).
void Analysis::skip_group() {
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

// A group at p_[i_] == '(': its alternation, or what a lookaround, a comment
// or a flag setting amounts to (nothing); `skip` when it adds no part.
Info Analysis::group(bool& skip) {
  if (starts("(*")) {
    fail();
    return {};
  }
  if (starts("(?#")) {
    const std::size_t close = p_.find(')', i_);
    if (close == std::string_view::npos)
      fail();
    else
      i_ = close + 1;
    skip = true;
    return {};
  }
  if (starts("(?=") || starts("(?!") || starts("(?<=") || starts("(?<!")) {
    skip_group();  // a lookaround only narrows where a match may be
    return Info::empty();
  }
  std::size_t open = 0;
  bool extended = extended_;
  if (!group_opening(open, extended, skip)) return {};
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

// The length of a group's opening ("(", "(?:", "(?<name>", "(?i:" ...) in
// `open`, and whether its inside is extended (x flag). False when there is
// no inside to read: an unknown group (after fail()), or flags alone, which
// apply to the rest of the enclosing group (`skip`).
bool Analysis::group_opening(std::size_t& open, bool& extended, bool& skip) {
  if (starts("(?<") || starts("(?P<") || starts("(?'")) {
    const std::size_t end = p_.find(starts("(?'") ? '\'' : '>', i_ + 3);
    if (end == std::string_view::npos) {
      fail();
      return false;
    }
    open = end + 1 - i_;
    return true;
  }
  if (starts("(?>") || starts("(?:")) {
    open = 3;
    return true;
  }
  if (!starts("(?")) {
    open = 1;
    return true;
  }
  std::size_t j = i_ + 2;
  bool on = true;
  while (j < p_.size() && p_[j] != ')' && p_[j] != ':') {
    const char f = p_[j++];
    if (f == '-')
      on = false;
    else if (f == 'x')
      extended = on;
    else if (f != 'i' && f != 'm' && f != 's' && f != 'U') {
      fail();  // (?|, (?(, (?R, (?1, (?&, (?P>, (?J) ...
      return false;
    }
  }
  if (j >= p_.size()) {
    fail();
    return false;
  }
  if (p_[j] == ')') {  // flags for the rest of the enclosing group
    extended_ = extended;
    i_ = j + 1;
    skip = true;
    return false;
  }
  open = j + 1 - i_;
  return true;
}
AtomTree required_atoms(std::string_view pcre) {
  AtomTree tree = Analysis(pcre).run();
  simplify(tree);
  return tree;
}

}  // namespace clauselint
