// One finding as JSON (docs/json-output.md): the object --format json,
// jsonl, clauselint diff and history --format json write.
#pragma once

#include <nlohmann/json.hpp>

#include <vector>

#include "clauselint/diagnostic.h"
#include "clauselint/finding.h"

namespace clauselint {

nlohmann::ordered_json finding_json(const Finding& f);
nlohmann::ordered_json diagnostics_json(const std::vector<Diagnostic>& diagnostics);
// The "tool" object: clauselint's name and version.
nlohmann::ordered_json tool_json();

}  // namespace clauselint
