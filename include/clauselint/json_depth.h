// A guard run on JSON text before it is parsed (baselines, LSP messages):
// a hostile "[[[[..." of a few megabytes would otherwise make the parser
// build millions of nested values, or recurse until the stack overflows.
#pragma once

#include <string_view>

namespace clauselint {

// True when `text` nests [ and { (outside strings) more than `max_depth`
// levels deep. One pass, no allocation; stops at the first level too deep.
bool json_nested_deeper_than(std::string_view text, int max_depth);

}  // namespace clauselint
