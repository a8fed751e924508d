// Loading the packs a run selects, by built-in name or file path, and the
// built-in library of shared rules they reference.
// Cost: a built-in pack's YAML is in the binary; a pack file is read with
// the size bound kMaxPackBytes (limits.h). The shared library is loaded
// once, on first use, and kept for the process.
// Errors: every problem is returned as a Diagnostic; nothing throws.
#pragma once

#include <string>
#include <vector>

#include "clauselint/diagnostic.h"
#include "clauselint/rule_set.h"

namespace clauselint {

// Loads each pack in `selection` into `rules`: a built-in pack's name, or the
// path of a YAML file. An empty selection loads the default built-in packs
// (those marked `default: true`). Returns
// every problem found (an unknown name, an unreadable file, pack errors).
// With `activate_libraries`, library packs load their rules as ordinary
// rules (`clauselint test shared`).
std::vector<Diagnostic> load_packs(RuleSet& rules, const std::vector<std::string>& selection,
                                   bool activate_libraries = false);

// The shared rules (built-in packs marked `library: true`), which packs use
// by reference (`- shared: effective-date`) so that one gap is one finding
// citing every selected regime.
const RuleSet& shared_library();

}  // namespace clauselint
