// A depth limit for HTML before gumbo sees it: gumbo checks the whole stack
// of open elements for many tags, so 100,000 nested <div> took minutes
// (quadratic). Start tags that would open more than `max_depth` elements,
// and the end tags that match them, are blanked with spaces (same length, so
// every offset stays valid); the text inside them is still read.
#pragma once

#include <cstddef>
#include <string>

namespace clauselint {

// Blanks excess tags in text[begin, end); returns how many it blanked.
std::size_t limit_html_depth(std::string& text, std::size_t begin, std::size_t end, int max_depth);

// True when text[begin, end) may nest deeper than `max_depth` (a cheap upper
// bound: more than max_depth start tags at all).
bool may_nest_deeper(const std::string& text, std::size_t begin, std::size_t end, int max_depth);

}  // namespace clauselint
