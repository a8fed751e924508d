// Diagnostics: problems with clauselint's inputs (a file it cannot read, a
// malformed rule pack, invalid UTF-8), as opposed to findings about a policy.
// Functions that can fail return them as values; nothing here throws.
#pragma once

#include <string>
#include <vector>

#include "clauselint/severity.h"
#include "clauselint/source.h"

namespace clauselint {

struct Diagnostic {
  std::string file;   // as shown to the user; may be empty
  Position position;  // line 0 when the problem has no position
  Severity severity = Severity::error;
  std::string message;  // says what is wrong and, where it can, what to do
};

// "file:line:col: severity: message" (parts without a value are left out).
std::string format_diagnostic(const Diagnostic& d);

bool has_errors(const std::vector<Diagnostic>& diagnostics);

}  // namespace clauselint
