// Diagnostics as the user sees them, and the check whether a run can go on
// (diagnostic.h).
#include "clauselint/diagnostic.h"

#include <algorithm>

#include <fmt/format.h>

#include "clauselint/safe_text.h"

namespace clauselint {

std::string format_diagnostic(const Diagnostic& d) {
  std::string out;
  if (!d.file.empty()) {
    out += printable(d.file);
    if (d.position.line > 0) out += fmt::format(":{}:{}", d.position.line, d.position.column);
    out += ": ";
  }
  // Messages may quote input (a file name, a comment): shown safely, but a
  // message's own line breaks are kept.
  std::string message;
  for (std::size_t b = 0; b <= d.message.size();) {
    const std::size_t e = std::min(d.message.find('\n', b), d.message.size());
    if (b > 0) message += '\n';
    message += printable(std::string_view(d.message).substr(b, e - b));
    b = e + 1;
  }
  out += fmt::format("{}: {}", to_string(d.severity), message);
  return out;
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics)
    if (d.severity == Severity::error) return true;
  return false;
}

}  // namespace clauselint
