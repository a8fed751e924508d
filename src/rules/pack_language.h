// The readable forms of the pack language, compiled to PCRE2 regex text
// (docs/rule-packs.md, "Words, phrases and fragments"):
//   word lists       {words: [notify, inform, e-mail], inflect: verb}
//   phrases          {phrase: "{we} {modal}? {notify-verb} ... {you}"}
//   fragment refs    '{notify-verb}\h+(?:you|users)' inside any regex
// Errors come back as a message (the caller adds file, line and column);
// nothing here throws.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clauselint::pack_language {

enum class Inflect { none, verb, noun };
std::optional<Inflect> parse_inflect(std::string_view name);

// The forms of one word: "notify" as a verb -> notify, notifies, notified,
// notifying (regular rules, doubled consonants, a table of irregular verbs);
// as a noun -> the singular and plural forms. Over-generation is harmless:
// a form that is not English never matches real text.
std::vector<std::string> inflections(std::string_view word, Inflect inflect);

// `\b(?:...)\b` matching any entry as a whole word. An entry may hold several
// words ("opt out": any white space between them; a verb inflects its first
// word, a noun its last); a hyphen also matches a space or nothing
// ("e-mail" matches "email"), an apostrophe may be left out.
std::string words_regex(const std::vector<std::string>& entries, Inflect inflect);

// The regex text of a named fragment, or null when no such name is defined.
// `error` is set when the name exists but cannot be used inside a pattern.
using Lookup = std::function<const std::string*(std::string_view name, std::string& error)>;

// Replaces each `{name}` in `regex` (kebab-case names only; quantifiers such
// as {2,5}, escapes such as \p{L} and character classes are left alone) by
// `(?:fragment)`. Unknown names are an error.
std::optional<std::string> expand_fragments(std::string_view regex, const Lookup& lookup, std::string& error);

// A phrase: words in order, whole words, any white space between them.
// `{name}` is a fragment, `{name}?` an optional one, `...` a gap of up to 5
// words (`...N`: up to N, at most 20) within the sentence. Other characters
// are literal.
std::optional<std::string> phrase_regex(std::string_view phrase, const Lookup& lookup, std::string& error);

// True for a name a fragment reference can use: kebab-case, starting with a letter.
bool is_fragment_name(std::string_view name);

}  // namespace clauselint::pack_language
