#include "rules/pack_language.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <fmt/format.h>

#include "rules/shared_prefixes.h"

namespace clauselint::pack_language {
namespace {

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || (c & 0x80); }
bool is_vowel(char c) { return std::string_view("aeiou").find(c) != std::string_view::npos; }
bool ends_with(std::string_view s, std::string_view tail) { return s.size() >= tail.size() && s.ends_with(tail); }

// Irregular verbs a policy uses: base -> past forms.
const std::map<std::string_view, std::vector<std::string_view>>& irregular_verbs() {
  static const std::map<std::string_view, std::vector<std::string_view>> table = {
      {"be", {"is", "are", "was", "were", "been", "being"}},
      {"begin", {"began", "begun"}},
      {"bring", {"brought"}},
      {"build", {"built"}},
      {"buy", {"bought"}},
      {"choose", {"chose", "chosen"}},
      {"do", {"does", "did", "done"}},
      {"find", {"found"}},
      {"get", {"got", "gotten"}},
      {"give", {"gave", "given"}},
      {"go", {"goes", "went", "gone"}},
      {"have", {"has", "had"}},
      {"hear", {"heard"}},
      {"hold", {"held"}},
      {"keep", {"kept"}},
      {"know", {"knew", "known"}},
      {"lay", {"laid"}},
      {"lead", {"led"}},
      {"learn", {"learnt"}},
      {"leave", {"left"}},
      {"let", {"let"}},
      {"lose", {"lost"}},
      {"make", {"made"}},
      {"mean", {"meant"}},
      {"meet", {"met"}},
      {"pay", {"paid"}},
      {"put", {"put"}},
      {"read", {"read"}},
      {"say", {"said"}},
      {"see", {"saw", "seen"}},
      {"sell", {"sold"}},
      {"send", {"sent"}},
      {"set", {"set"}},
      {"show", {"shown"}},
      {"shut", {"shut"}},
      {"spend", {"spent"}},
      {"take", {"took", "taken"}},
      {"teach", {"taught"}},
      {"tell", {"told"}},
      {"think", {"thought"}},
      {"understand", {"understood"}},
      {"withdraw", {"withdrew", "withdrawn"}},
      {"write", {"wrote", "written"}},
      {"forget", {"forgot", "forgotten"}},
      {"undertake", {"undertook", "undertaken"}},
      {"overwrite", {"overwrote", "overwritten"}},
      {"upload", {}},
      {"hide", {"hid", "hidden"}},
      {"rid", {"rid"}},
      {"stand", {"stood"}},
  };
  return table;
}

const std::map<std::string_view, std::string_view>& irregular_nouns() {
  static const std::map<std::string_view, std::string_view> table = {
      {"child", "children"}, {"person", "people"},      {"man", "men"},      {"woman", "women"},
      {"datum", "data"},     {"criterion", "criteria"}, {"medium", "media"}, {"analysis", "analyses"},
      {"basis", "bases"},    {"address", "addresses"},  {"minor", "minors"}, {"kid", "kids"},
  };
  return table;
}

std::string regex_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (std::string_view("\\^$.|?*+()[]{}#").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

// One word of a word list as regex: a hyphen also matches a space or
// nothing, an apostrophe may be left out, other characters are literal.
std::string word_regex(std::string_view word) {
  std::string out;
  for (char c : word) {
    if (c == '-')
      out += R"([\h-]?)";
    else if (c == '\'')
      out += "'?";
    else
      out += regex_escape(std::string_view(&c, 1));
  }
  return out;
}

std::vector<std::string> split_words(std::string_view entry) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < entry.size()) {
    while (i < entry.size() && std::isspace(static_cast<unsigned char>(entry[i]))) ++i;
    std::size_t j = i;
    while (j < entry.size() && !std::isspace(static_cast<unsigned char>(entry[j]))) ++j;
    if (j > i) out.emplace_back(entry.substr(i, j - i));
    i = j;
  }
  return out;
}

// Up to `words` words inside one sentence; a comma may follow any word.
std::string gap_regex(int words) { return fmt::format(R"((?:,?\s+[^\s.!?;:,]+){{0,{}}}?)", words); }

}  // namespace

std::optional<Inflect> parse_inflect(std::string_view name) {
  if (name == "none") return Inflect::none;
  if (name == "verb") return Inflect::verb;
  if (name == "noun") return Inflect::noun;
  return std::nullopt;
}

bool is_fragment_name(std::string_view name) {
  if (name.empty() || !std::islower(static_cast<unsigned char>(name.front())) || name.back() == '-') return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '-';
  });
}

std::vector<std::string> inflections(std::string_view word, Inflect inflect) {
  std::set<std::string> forms{std::string(word)};
  const std::string w(word);
  const std::size_t n = w.size();
  if (inflect == Inflect::none || n < 2 || !std::isalpha(static_cast<unsigned char>(w.back())))
    return {forms.begin(), forms.end()};
  const char last = w.back();
  const char before = w[n - 2];
  auto sibilant = [&] {
    return ends_with(w, "s") || ends_with(w, "x") || ends_with(w, "z") || ends_with(w, "ch") || ends_with(w, "sh");
  };
  auto plural = [&] {
    if (last == 'y' && !is_vowel(before)) return w.substr(0, n - 1) + "ies";
    if (sibilant() || (last == 'o' && !is_vowel(before))) return w + "es";
    return w + "s";
  };
  if (inflect == Inflect::noun) {
    if (const auto it = irregular_nouns().find(w); it != irregular_nouns().end())
      forms.emplace(it->second);
    else
      forms.insert(plural());
    if (ends_with(w, "fe"))
      forms.insert(w.substr(0, n - 2) + "ves");
    else if (last == 'f')
      forms.insert(w.substr(0, n - 1) + "ves");
    return {forms.begin(), forms.end()};
  }
  forms.insert(plural());
  if (const auto it = irregular_verbs().find(w); it != irregular_verbs().end())
    for (const auto f : it->second) forms.emplace(f);
  if (last == 'e') {
    forms.insert(w + "d");
    forms.insert(w.substr(0, n - 1) + "ing");
    if (ends_with(w, "ee")) forms.insert(w + "ing");
  } else if (last == 'y' && !is_vowel(before)) {
    forms.insert(w.substr(0, n - 1) + "ied");
    forms.insert(w + "ing");
  } else {
    forms.insert(w + "ed");
    forms.insert(w + "ing");
    // Consonant-vowel-consonant: stop -> stopped, refer -> referred (and the
    // undoubled forms, for visit -> visited).
    if (n >= 3 && !is_vowel(last) && std::string_view("wxy").find(last) == std::string_view::npos && is_vowel(before) &&
        !is_vowel(w[n - 3])) {
      forms.insert(w + last + "ed");
      forms.insert(w + last + "ing");
    }
  }
  return {forms.begin(), forms.end()};
}

std::string words_regex(const std::vector<std::string>& entries, Inflect inflect) {
  std::vector<std::string> alternatives;
  for (const auto& entry : entries) {
    const auto words = split_words(entry);
    if (words.empty()) continue;
    const std::size_t which = inflect == Inflect::noun ? words.size() - 1 : 0;
    for (const auto& form : inflections(words[which], inflect)) {
      std::string alt;
      for (std::size_t i = 0; i < words.size(); ++i) {
        if (i) alt += R"(\s+)";
        alt += word_regex(i == which ? form : words[i]);
      }
      alternatives.push_back(std::move(alt));
    }
  }
  // Longest first, so that a longer entry wins at the same position.
  std::sort(alternatives.begin(), alternatives.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  alternatives.erase(std::unique(alternatives.begin(), alternatives.end()), alternatives.end());
  return R"(\b(?:)" + with_shared_prefixes({alternatives.begin(), alternatives.end()}) + R"()\b)";
}

namespace {

// The end of the escape at regex[i] == '\\' (with its {...} for \p{..}, \x{..} ...).
std::size_t escape_end(std::string_view regex, std::size_t i) {
  const char e = regex[i + 1];
  std::size_t end = i + 2;
  if (std::string_view("pPxNgko").find(e) != std::string_view::npos && end < regex.size() && regex[end] == '{') {
    const std::size_t close = regex.find('}', end);
    end = close == std::string_view::npos ? regex.size() : close + 1;
  }
  return end;
}

// The end of the character class at regex[i] == '[' (past its "]").
std::size_t class_end(std::string_view regex, std::size_t i) {
  std::size_t j = i + 1;
  if (j < regex.size() && regex[j] == '^') ++j;
  if (j < regex.size() && regex[j] == ']') ++j;
  while (j < regex.size() && regex[j] != ']') {
    if (regex[j] == '\\')
      ++j;
    else if (regex[j] == '[' && j + 1 < regex.size() && regex[j + 1] == ':') {
      const std::size_t close = regex.find(":]", j + 2);
      if (close != std::string_view::npos) j = close + 1;
    }
    ++j;
  }
  return std::min(regex.size(), j + 1);
}

}  // namespace

std::optional<std::string> expand_fragments(std::string_view regex, const Lookup& lookup, std::string& error) {
  std::string out;
  const bool extended = regex.find("(?x") != std::string_view::npos;
  std::size_t i = 0;
  while (i < regex.size()) {
    const char c = regex[i];
    if (c == '\\' && i + 1 < regex.size()) {
      const std::size_t end = escape_end(regex, i);
      out.append(regex.substr(i, end - i));
      i = end;
      continue;
    }
    if (c == '[') {  // a character class: copied as it is
      const std::size_t end = class_end(regex, i);
      out.append(regex.substr(i, end - i));
      i = end;
      continue;
    }
    if (c == '#' && extended) {  // a comment in (?x) mode
      const std::size_t eol = regex.find('\n', i);
      const std::size_t end = eol == std::string_view::npos ? regex.size() : eol;
      out.append(regex.substr(i, end - i));
      i = end;
      continue;
    }
    if (c == '{') {
      const std::size_t close = regex.find('}', i + 1);
      const std::string_view name =
          close == std::string_view::npos ? std::string_view() : regex.substr(i + 1, close - i - 1);
      if (is_fragment_name(name)) {
        const std::string* fragment = lookup(name, error);
        if (!fragment) {
          if (error.empty())
            error = fmt::format(
                "'{{{}}}' names no fragment: define '{}' earlier in this pack's 'define', or use a "
                "name from the shared vocabulary (clauselint rules --vocabulary)",
                name, name);
          return std::nullopt;
        }
        const bool x_comment = fragment->find("(?x") != std::string::npos && fragment->find('#') != std::string::npos;
        out += "(?:" + *fragment + (x_comment ? "\n)" : ")");
        i = close + 1;
        continue;
      }
    }
    out += c;
    ++i;
  }
  return out;
}

std::optional<std::string> phrase_regex(std::string_view phrase, const Lookup& lookup, std::string& error) {
  struct Token {
    std::string regex;
    bool optional = false;
    int gap = -1;  // a gap of up to this many words
  };
  std::vector<Token> tokens;
  for (const auto& word : split_words(phrase)) {
    Token t;
    if (word.starts_with("...") && word.find_first_not_of("0123456789", 3) == std::string::npos) {
      t.gap = word.size() == 3 ? 5 : std::stoi(word.substr(3, 3));
      if (t.gap < 1 || t.gap > 20) {
        error = fmt::format("'{}': a gap takes 1 to 20 words", word);
        return std::nullopt;
      }
    } else if (word.size() > 2 && word.front() == '{' && (word.ends_with("}") || word.ends_with("}?"))) {
      t.optional = word.back() == '?';
      const std::string name = word.substr(1, word.size() - (t.optional ? 3 : 2));
      if (!is_fragment_name(name)) {
        error = fmt::format("'{}': a fragment name is kebab-case, e.g. {{notify-verb}}", word);
        return std::nullopt;
      }
      const auto expanded = expand_fragments("{" + name + "}", lookup, error);
      if (!expanded) return std::nullopt;
      t.regex = *expanded;
    } else {
      t.regex = regex_escape(word);
      if (is_word_char(word.front())) t.regex = R"(\b)" + t.regex;
      if (is_word_char(word.back())) t.regex += R"(\b)";
    }
    tokens.push_back(std::move(t));
  }
  if (tokens.empty() ||
      std::all_of(tokens.begin(), tokens.end(), [](const Token& t) { return t.optional || t.gap >= 0; })) {
    error = "a phrase needs at least one word or required fragment";
    return std::nullopt;
  }
  if (tokens.front().gap >= 0 || tokens.back().gap >= 0) {
    error = "a phrase cannot start or end with a gap ('...')";
    return std::nullopt;
  }
  // Each token after the first carries the white space before it, so that an
  // optional token or a gap that is absent leaves one space between its neighbours.
  std::string out;
  bool first = true;
  for (const Token& t : tokens) {
    if (t.gap >= 0) {
      out += gap_regex(t.gap);
      continue;
    }
    const std::string space = ",?\\s+";  // a comma may follow a word
    if (first)
      out += t.optional ? "(?:" + t.regex + space + ")?" : t.regex;
    else
      out += t.optional ? "(?:" + space + t.regex + ")?" : space + t.regex;
    first = first && t.optional;
  }
  return out;
}

}  // namespace clauselint::pack_language
