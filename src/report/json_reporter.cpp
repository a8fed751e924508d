// --format json and --format jsonl (schema: docs/json-output.md).
#include <nlohmann/json.hpp>

#include "clauselint/report.h"
#include "report/json_finding.h"

namespace clauselint {
namespace {

using json = nlohmann::ordered_json;

constexpr int kSchemaVersion = 1;

json position(Position p) { return {{"line", p.line}, {"column", p.column}}; }

}  // namespace

json finding_json(const Finding& f) {
  json out = {{"rule", f.rule_id},
              {"pack", f.pack},
              {"severity", to_string(f.severity)},
              {"kind", f.kind == Finding::Kind::missing ? "missing" : "match"},
              {"message", f.message},
              {"file", f.file},
              {"start", position(f.range.start)},
              {"end", position(f.range.end)},
              {"fingerprint", f.fingerprint},
              {"suppressed", f.suppressed},
              {"justification", f.suppressed ? json(f.justification) : json(nullptr)}};
  if (!f.explanation.empty()) out["explanation"] = f.explanation;  // --explain
  return out;
}

json tool_json() { return {{"name", "clauselint"}, {"version", CLAUSELINT_VERSION}}; }

json diagnostics_json(const std::vector<Diagnostic>& diagnostics) {
  json out = json::array();
  for (const Diagnostic& d : diagnostics) {
    json item = {{"file", d.file}, {"severity", to_string(d.severity)}, {"message", d.message}};
    if (d.position.line > 0) item["start"] = position(d.position);
    out.push_back(item);
  }
  return out;
}

void write_json(std::ostream& out, const Report& report) {
  json findings = json::array();
  std::size_t counts[3] = {0, 0, 0};
  std::size_t suppressed = 0;
  for (const Finding& f : report.findings) {
    findings.push_back(finding_json(f));
    if (f.suppressed)
      ++suppressed;
    else
      ++counts[static_cast<int>(f.severity)];
  }
  const json diagnostics = diagnostics_json(report.diagnostics);
  const json doc = {{"schema_version", kSchemaVersion},
                    {"tool", tool_json()},
                    {"files", report.files},
                    {"findings", findings},
                    {"diagnostics", diagnostics},
                    {"summary",
                     {{"files", report.files.size()},
                      {"linted", report.linted},
                      {"findings", report.findings.size() - suppressed},
                      {"errors", counts[2]},
                      {"warnings", counts[1]},
                      {"notes", counts[0]},
                      {"suppressed", suppressed},
                      {"successful", report.successful}}}};
  out << doc.dump(2, ' ', false, json::error_handler_t::replace) << '\n';  // invalid UTF-8 -> U+FFFD
}

void write_jsonl(std::ostream& out, const std::vector<Finding>& findings) {
  for (const Finding& f : findings) out << finding_json(f).dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
}

void write_jsonl(std::ostream& out, const Report& report) { write_jsonl(out, report.findings); }

}  // namespace clauselint
