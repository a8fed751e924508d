// Typo hints for names people write: rule ids, pack names, YAML keys.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace clauselint {

// Levenshtein distance (insertions, deletions, substitutions).
std::size_t edit_distance(std::string_view a, std::string_view b);

// " (did you mean 'x'?)" for the candidate closest to `word` when it is at
// most two edits away (ties: the first), else "".
std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace clauselint
