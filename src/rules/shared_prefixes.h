// Alternatives written with their shared leading letters once, for the
// regex of a word list (pack_language.cpp). Private to src/rules/.
//
// PCRE2 tries the alternatives of a group one by one, with no trie: at each
// word of a policy, a list of 150 words costs 150 tries. Written as
// "a(?:ccount\s+holder|ny\s+one)|u(?:sers?|nder)", the letters are tried once
// (the interpreter runs a word list about twice as fast).
// Contract: the regex matches what the plain alternation matches, and the
// same alternative wins: alternatives only change places with others whose
// first letter differs, in any case, so that they never match at one place.
// Only leading ASCII letters and digits are shared, never one a quantifier
// follows; an alternative that starts otherwise keeps the list as it is.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace clauselint {

// "alt1|alt2|..." with shared leading letters written once.
std::string with_shared_prefixes(const std::vector<std::string_view>& alternatives);

}  // namespace clauselint
