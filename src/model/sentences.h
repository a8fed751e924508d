// Sentence boundaries inside one block of normalised text.
//
// ICU's sentence BreakIterator (en@ss=standard) finds candidate boundaries;
// we then undo the ones that follow abbreviations ICU does not know ("e.g.",
// "i.e.", "U.S.", "No. 5", "Inc." before a name) and add the one ICU misses
// when a period has no space after it ("the form.We recommend").
// E-mail addresses and URLs never hold a boundary.
#pragma once

#include <string_view>
#include <vector>

#include "clauselint/document.h"

namespace clauselint {

// Ranges are relative to `text`, trimmed of surrounding spaces.
std::vector<TextRange> split_sentences(std::string_view text);

}  // namespace clauselint
