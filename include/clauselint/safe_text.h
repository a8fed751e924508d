// Text from inputs (policy text, file names, rule ids from suppressions,
// patterns from packs) made safe to show.
//
// printable(): for terminals, logs and one-line formats. Control characters
// (C0 but tab, DEL, C1) become their visible Unicode "control pictures"
// (ESC -> U+241B, newline -> U+2424) or U+FFFD, as do bidirectional
// overrides (U+202A-U+202E, U+2066-U+2069) and invalid UTF-8 bytes. One code
// point in, one out, so columns under an excerpt stay aligned. Nothing a
// file contains can then clear a screen, set a window title, print an OSC 8
// link or split one finding into two lines.
//
// shorten(): cuts text echoed in a message to `max_chars` code points
// ("...(N more bytes)"), on a UTF-8 boundary.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "clauselint/limits.h"

namespace clauselint {

std::string printable(std::string_view text);
std::string shorten(std::string_view text, std::size_t max_chars = kMaxEchoedChars);
// Every quoted part of a message ('...') longer than `max_chars` cut with
// shorten(): a 1.7 MB regex is not echoed whole.
std::string shorten_quoted(std::string_view message, std::size_t max_chars = kMaxEchoedChars);
// Invalid UTF-8 replaced with U+FFFD (JSON and SARIF need valid UTF-8).
std::string valid_utf8(std::string_view text);

}  // namespace clauselint
