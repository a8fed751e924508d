#include <fmt/format.h>
#include <fmt/ostream.h>
#include <fmt/ranges.h>

#include "clauselint/report.h"
#include "clauselint/safe_text.h"

namespace clauselint {
namespace {

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kGreen = "\x1b[1;32m";
constexpr std::string_view kDim = "\x1b[2m";

std::string_view severity_color(Severity s) {
  switch (s) {
    case Severity::error: return "\x1b[1;31m";
    case Severity::warning: return "\x1b[1;35m";
    case Severity::note: return "\x1b[1;36m";
  }
  return kBold;
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// "   27 | ## Cookies" and "      | ^~~~~~~~~" under the finding's columns.
void write_excerpt(std::ostream& out, const Finding& f, const SourceFile& source, const TextStyle& style) {
  std::string line = printable(source.line_text(f.range.start.line));  // one code point per code point
  for (char& c : line)
    if (c == '\t') c = ' ';
  const auto width = static_cast<int>(code_points(line));
  const int start = std::min(f.range.start.column, width + 1);
  const int end = f.range.end.line == f.range.start.line ? std::min(f.range.end.column, width + 1) : width + 1;
  const std::string gutter(fmt::formatted_size("{}", f.range.start.line), ' ');
  fmt::print(out, " {} | {}\n", f.range.start.line, line);
  // "^~~~": built in place (GCC 12 at -O2 gave a false -Wrestrict on "^" + std::string(n, '~')).
  std::string marker(static_cast<std::size_t>(std::max(1, end - start)), '~');
  marker.front() = '^';
  fmt::print(out, " {} | {}{}{}{}\n", gutter, std::string(static_cast<std::size_t>(start - 1), ' '),
             style.color ? kGreen : "", marker, style.color ? kReset : "");
}

}  // namespace

void write_text(std::ostream& out, const Report& report, TextStyle style) {
  for (const Finding& f : report.findings) {
    if (f.suppressed) continue;
    const std::string_view severity = to_string(f.severity);
    // File names, messages and rule ids can come from the input: no escape
    // sequence or line break of theirs reaches the terminal.
    const std::string file = printable(f.file), message = printable(f.message), rule_id = printable(f.rule_id);
    if (style.color) {
      fmt::print(out, "{}{}:{}:{}:{} {}{}:{} {} [{}]\n", kBold, file, f.range.start.line, f.range.start.column, kReset,
                 severity_color(f.severity), severity, kReset, message, rule_id);
    } else {
      fmt::print(out, "{}:{}:{}: {}: {} [{}]\n", file, f.range.start.line, f.range.start.column, severity, message,
                 rule_id);
    }
    for (const auto& line : f.explanation)  // --explain
      fmt::print(out, "{}  closest: {}{}\n", style.color ? kDim : "", line, style.color ? kReset : "");
    if (!style.excerpts) continue;
    if (const auto it = report.sources.find(f.file); it != report.sources.end() && it->second)
      write_excerpt(out, f, *it->second, style);
    if (const Rule* rule = rule_for(report, f.rule_id); rule && !rule->citations.empty())
      fmt::print(out, "{}  = {}{}\n", style.color ? kDim : "", fmt::join(rule->citations, "; "),
                 style.color ? kReset : "");
  }
}

}  // namespace clauselint
