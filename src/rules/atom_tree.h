// Building AtomTrees (required_words.h) from parts: the combinators keep a
// tree flat (no all_of inside an all_of) and drop parts that hold
// everywhere. Private to src/rules/. Cost: linear in the parts; no errors.
#pragma once

#include <vector>

#include "rules/required_words.h"

namespace clauselint {

AtomTree everywhere();
AtomTree all_of(std::vector<AtomTree> parts);
AtomTree any_of(std::vector<AtomTree> parts);

// Once per tree: in each any_of, duplicates go, and so does an atom that
// begins or ends with another alternative ("kind regards" or "regards"
// needs "regards").
void simplify(AtomTree& tree);

}  // namespace clauselint
