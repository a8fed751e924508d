// clauselint history: write_history_text and write_history_json (diff_report.h).
#include <algorithm>

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <fmt/ranges.h>

#include "clauselint/diff_report.h"
#include "clauselint/safe_text.h"
#include "report/json_finding.h"

namespace clauselint {
namespace {

using json = nlohmann::ordered_json;

std::string state_text(const TimelineRevision& r) {
  if (r.state == TimelineRevision::State::deleted) return "no clauses";
  if (r.state == TimelineRevision::State::unreadable) return "not linted: " + r.note;
  if (r.missing.empty()) return "no clause missing";
  return fmt::format("missing: {}", fmt::join(r.missing, ", "));
}

std::string change_text(const GitRevision& g) {
  if (g.change == 'R') return fmt::format("renamed from {}", printable(g.old_path));
  if (g.change == 'C') return fmt::format("copied from {}", printable(g.old_path));
  if (g.change == 'A') return "added";
  if (g.change == 'D' && !g.renamed_to.empty())
    return fmt::format("renamed to {} (history goes on under that name)", printable(g.renamed_to));
  if (g.change == 'D') return "deleted";
  return "changed";
}

// Why a clause disappeared, when it went with the file.
std::string gone(const TimelineRevision& r) {
  if (r.state != TimelineRevision::State::deleted) return "";
  return r.git.renamed_to.empty() ? " (file deleted)" : fmt::format(" (renamed to {})", printable(r.git.renamed_to));
}

std::string who(const GitRevision& g) { return fmt::format("{} {} {}", g.short_commit, g.date, printable(g.author)); }

json commit_json(const GitRevision& g) { return {{"commit", g.commit}, {"date", g.iso_date}, {"author", g.author}}; }

}  // namespace

void write_history_text(std::ostream& out, const Timeline& t) {
  fmt::print(out, "{}: {} revision{} (oldest first)\n", printable(t.path), t.revisions.size(),
             t.revisions.size() == 1 ? "" : "s");
  std::size_t author_width = 0;
  for (const auto& r : t.revisions) author_width = std::max(author_width, printable(r.git.author).size());
  for (const auto& r : t.revisions)
    fmt::print(out, "  {} {} {:<{}}  {} {}; {}  \"{}\"\n", r.git.short_commit, r.git.date, printable(r.git.author),
               author_width, printable(r.git.path), change_text(r.git), state_text(r), printable(r.git.subject));
  if (t.revisions.back().state == TimelineRevision::State::deleted)
    fmt::print(out, "  ({} is not in the last revision)\n", printable(t.path));
  for (const TimelineRow& row : t.rows) {
    fmt::print(out, "\n{}: {}\n", row.rule, printable(row.title));
    if (row.spans.empty()) out << "  never present\n";
    for (const ClauseSpan& s : row.spans) {
      fmt::print(out, "  appeared     {}\n", who(t.revisions[s.from].git));
      if (s.to)
        fmt::print(out, "  disappeared  {}{}\n", who(t.revisions[*s.to].git), gone(t.revisions[*s.to]));
      else
        out << "  present at the last revision\n";
    }
  }
}

void write_history_json(std::ostream& out, const Timeline& t) {
  json revisions = json::array();
  for (const auto& r : t.revisions) {
    json item = commit_json(r.git);
    item["subject"] = r.git.subject;
    item["change"] = std::string(1, r.git.change);
    item["path"] = r.git.path;
    if (!r.git.old_path.empty()) item["old_path"] = r.git.old_path;
    if (!r.git.renamed_to.empty()) item["renamed_to"] = r.git.renamed_to;
    item["state"] = r.state == TimelineRevision::State::linted    ? "linted"
                    : r.state == TimelineRevision::State::deleted ? "deleted"
                                                                  : "unreadable";
    if (!r.note.empty()) item["note"] = r.note;
    item["missing"] = std::vector<std::string>(r.missing.begin(), r.missing.end());
    revisions.push_back(item);
  }
  json rules = json::array();
  for (const TimelineRow& row : t.rows) {
    json spans = json::array();
    for (const ClauseSpan& s : row.spans)
      spans.push_back({{"appeared", commit_json(t.revisions[s.from].git)},
                       {"disappeared", s.to ? commit_json(t.revisions[*s.to].git) : json(nullptr)}});
    rules.push_back({{"rule", row.rule}, {"title", row.title}, {"spans", spans}});
  }
  const json doc = {
      {"schema_version", 1}, {"tool", tool_json()}, {"path", t.path}, {"revisions", revisions}, {"rules", rules}};
  out << doc.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

}  // namespace clauselint
