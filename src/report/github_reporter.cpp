// --format github: GitHub Actions workflow commands, one per finding.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
#include <fmt/format.h>
#include <fmt/ostream.h>

#include "clauselint/paths.h"
#include "clauselint/report.h"
#include "clauselint/safe_text.h"

namespace clauselint {
namespace {

std::string escape_data(std::string_view raw) {
  // Control characters (escape sequences) never reach the log raw; line
  // breaks are kept, encoded as GitHub expects.
  std::string kept;
  for (std::size_t b = 0; b <= raw.size();) {
    const std::size_t e = std::min(raw.find_first_of("\r\n", b), raw.size());
    kept += printable(raw.substr(b, e - b));
    if (e < raw.size()) kept += raw[e];
    b = e + 1;
  }
  std::string out;
  for (const char c : kept) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      default: out += c;
    }
  }
  return out;
}

std::string escape_property(std::string_view s) {
  std::string out;
  for (const char c : escape_data(s)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

std::string_view command(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "notice";
  }
  return "error";
}

}  // namespace

void write_github(std::ostream& out, const Report& report) {
  for (const Finding& f : report.findings) {
    if (f.suppressed) continue;
    const Rule* rule = rule_for(report, f.rule_id);
    const std::string title = rule ? fmt::format("{} [{}]", rule->title, f.rule_id) : f.rule_id;
    // GitHub resolves file= against the repository root.
    const std::string file = relative_to_root(f.file, report.root).value_or(f.file);
    fmt::print(out, "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n", command(f.severity),
               escape_property(file), f.range.start.line, f.range.start.column, f.range.end.line, f.range.end.column,
               escape_property(title), escape_data(f.message));
  }
}

}  // namespace clauselint
