// How text is folded for the prefilter's atoms, character by character:
// the parts normalize_block() (required_words.h) and the pattern analysis
// share. Private to src/rules/. Cheap, pure functions; no errors.
#pragma once

#include <string>
#include <string_view>

namespace clauselint {

// A character of PCRE2's \w with UCP: a letter, a number or "_".
bool is_word(char32_t cp);

// A character as normalize_block() writes it: case-folded, or " " for any
// character outside \w.
char32_t fold(char32_t cp);

// Appends `s` to `out` as normalize_block() would: a run of spaces is one.
void append_collapsed(std::string& out, std::string_view s);

}  // namespace clauselint
