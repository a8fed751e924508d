// The pattern analysis behind required_atoms() (required_words.h): a
// recursive-descent reader of PCRE2 syntax that works out, for each part of
// a pattern, the texts it can match or the atoms it needs. Private to
// src/rules/. Its member definitions are split by job:
//   required_words.cpp   alternation, sequences, quantifiers, groups;
//   pattern_escapes.cpp  escapes and character classes.
// Cost: one pass over the pattern. Errors: a construct it does not know
// makes run() give a tree that holds everywhere; nothing throws.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rules/required_words.h"

namespace clauselint {

// What a part of a pattern matches: either exactly one of a small set of
// strings (`exact`), or something that needs `tree`.
struct Info {
  bool exact_known = false;
  std::vector<std::string> exact;
  AtomTree tree;

  static Info strings(std::vector<std::string> s) { return {true, std::move(s), {}}; }
  static Info empty() { return strings({""}); }
  static Info anything() { return {}; }

  AtomTree as_tree() &&;
};

void dedupe(std::vector<std::string>& v);
// A code point in UTF-8.
std::string encode(char32_t cp);

class Analysis {
 public:
  explicit Analysis(std::string_view p) : p_(p) {}

  AtomTree run();

 private:
  bool at_end() const { return i_ >= p_.size(); }
  char peek() const { return at_end() ? '\0' : p_[i_]; }
  bool starts(std::string_view s) const { return p_.substr(i_, s.size()) == s; }
  void fail() {
    failed_ = true;
    i_ = p_.size();
  }

  // required_words.cpp
  Info alternation();
  Info sequence();
  Info quantified(Info part);
  bool brace_quantifier(std::size_t& min, std::size_t& max);
  void skip_extended_space();
  Info atom(bool& skip);
  Info literal();
  void skip_group();
  Info group(bool& skip);
  bool group_opening(std::size_t& open, bool& extended, bool& skip);

  // pattern_escapes.cpp
  // A code point written as an escape inside or outside a class, or 0 when
  // the escape is a class, an assertion or unknown (`kind` says which).
  enum class EscapeKind { character, separator, klass, zero_width, unknown };
  char32_t escaped(EscapeKind& kind);
  char32_t hex_escape(EscapeKind& kind);
  Info escape();
  Info quoted();
  // The characters of a class read so far.
  struct ClassState {
    std::vector<char32_t> chars;
    bool wide = false;  // more than a few characters: holds everywhere
    char32_t previous = 0;
    bool have_previous = false;
  };
  Info klass();
  bool class_item(ClassState& s);
  void class_range(ClassState& s);

  std::string_view p_;
  std::size_t i_ = 0;
  bool failed_ = false;
  bool extended_ = false;
};

}  // namespace clauselint
