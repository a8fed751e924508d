// clauselint diff: write_diff_text, write_diff_json, write_diff_sarif (diff_report.h).
#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <fmt/ranges.h>

#include "clauselint/diff_report.h"
#include "clauselint/safe_text.h"
#include "report/json_finding.h"

namespace clauselint {
namespace {

using json = nlohmann::ordered_json;

// The rule ids of `findings`, each once, sorted.
std::vector<std::string> rule_ids(const std::vector<Finding>& findings) {
  std::set<std::string> ids;
  for (const Finding& f : findings) ids.insert(f.rule_id);
  return {ids.begin(), ids.end()};
}

std::string count(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

void summary_line(std::ostream& out, const std::string& what, const std::vector<Finding>& findings) {
  const auto ids = rule_ids(findings);
  if (ids.empty())
    fmt::print(out, "  {}\n", what);
  else
    fmt::print(out, "  {:<23}{}\n", what + ":", fmt::join(ids, ", "));
}

std::string where(const std::string& file, const Finding& f) {
  return fmt::format("{}:{}:{}", printable(file), f.range.start.line, f.range.start.column);
}

json list_json(const std::vector<Finding>& findings) {
  json out = json::array();
  for (const Finding& f : findings) out.push_back(finding_json(f));
  return out;
}

}  // namespace

void write_diff_text(std::ostream& out, const DiffReport& r, bool summary) {
  const FindingDiff& d = r.diff;
  if (summary) {
    fmt::print(out, "{} -> {}\n", printable(r.old_name), printable(r.new_name));
    if (d.empty()) {
      out << "  no clause lost or gained, no finding introduced or resolved\n";
      return;
    }
    summary_line(out, count(d.lost.size(), "clause lost", "clauses lost"), d.lost);
    summary_line(out, count(d.gained.size(), "clause gained", "clauses gained"), d.gained);
    summary_line(out, count(d.introduced.size(), "finding introduced", "findings introduced"), d.introduced);
    summary_line(out, count(d.resolved.size(), "finding resolved", "findings resolved"), d.resolved);
    out << "\n";
  }
  for (const Finding& f : d.lost)
    fmt::print(out, "{}: {}: clause lost: {} [{}]\n", where(r.new_name, f), to_string(f.severity), printable(f.message),
               f.rule_id);
  for (const Finding& f : d.gained) {
    const Rule* rule = rule_for(r.base, f.rule_id);
    fmt::print(out, "{}: clause gained: {} [{}]\n", printable(r.new_name), printable(rule ? rule->title : f.message),
               f.rule_id);
  }
  for (const Finding& f : d.introduced)
    fmt::print(out, "{}: {}: introduced: {} [{}]\n", where(r.new_name, f), to_string(f.severity), printable(f.message),
               f.rule_id);
  for (const Finding& f : d.resolved)
    fmt::print(out, "{}: resolved: {} [{}]\n", where(r.old_name, f), printable(f.message), f.rule_id);
}

void write_diff_json(std::ostream& out, const DiffReport& r) {
  const FindingDiff& d = r.diff;
  const json doc = {{"schema_version", 1},
                    {"tool", tool_json()},
                    {"old", r.old_name},
                    {"new", r.new_name},
                    {"summary",
                     {{"lost", d.lost.size()},
                      {"gained", d.gained.size()},
                      {"introduced", d.introduced.size()},
                      {"resolved", d.resolved.size()}}},
                    {"lost", list_json(d.lost)},
                    {"gained", list_json(d.gained)},
                    {"introduced", list_json(d.introduced)},
                    {"resolved", list_json(d.resolved)},
                    {"diagnostics", diagnostics_json(r.base.diagnostics)}};
  out << doc.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

void write_diff_sarif(std::ostream& out, const DiffReport& r) {
  Report sarif = r.base;
  sarif.findings = r.diff.lost;
  sarif.findings.insert(sarif.findings.end(), r.diff.introduced.begin(), r.diff.introduced.end());
  for (Finding& f : sarif.findings) f.file = r.new_path;
  sort_findings(sarif.findings);
  sarif.baseline_state = "new";
  write_sarif(out, sarif);
}

}  // namespace clauselint
