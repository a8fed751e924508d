// clauselint history --svg: write_timeline_svg (diff_report.h). One column
// per revision (oldest on the left), one row per rule, a bar where its
// clause was present. Self-contained: no scripts, fonts or links.
#include <algorithm>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "clauselint/diff_report.h"
#include "report/svg.h"

namespace clauselint {
namespace {

struct Layout {
  int left = 0, top = 90, step = 84, row_h = 24, width = 0, height = 0;
  int x(std::size_t revision) const { return left + step * static_cast<int>(revision); }
  int y(std::size_t row) const { return top + row_h * static_cast<int>(row); }
};

Layout layout_of(const Timeline& t) {
  Layout l;
  std::size_t label = 4;
  for (const auto& row : t.rows) label = std::max(label, row.rule.size());
  l.left = 16 + 7 * static_cast<int>(label) + 12;
  l.width = l.x(std::max<std::size_t>(t.revisions.size(), 1)) + 16;
  l.width = std::max(l.width, 16 + 7 * static_cast<int>(t.path.size() + 52));
  l.height = l.y(t.rows.size()) + 16;
  return l;
}

void write_columns(std::ostream& out, const Timeline& t, const Layout& l) {
  for (std::size_t i = 0; i < t.revisions.size(); ++i) {
    const TimelineRevision& r = t.revisions[i];
    const int x = l.x(i);
    const char* fill = r.state == TimelineRevision::State::linted ? "white" : "#eeeeee";
    fmt::print(out, "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"#dddddd\"/>\n", x,
               l.top - 4, l.step, l.row_h * static_cast<int>(t.rows.size()) + 4, fill);
    const std::string state = r.state == TimelineRevision::State::deleted      ? "deleted"
                              : r.state == TimelineRevision::State::unreadable ? "not linted"
                                                                               : "";
    fmt::print(out, "<g><title>{} {} {}: {}{}</title>\n", r.git.short_commit, r.git.date, xml_escape(r.git.author),
               xml_escape(r.git.subject), state.empty() ? "" : " (" + state + ")");
    fmt::print(out, "<text x=\"{}\" y=\"44\" font-family=\"monospace\">{}</text>\n", x + 4, r.git.short_commit);
    fmt::print(out, "<text x=\"{}\" y=\"60\">{}</text>\n", x + 4, r.git.date);
    if (!state.empty()) fmt::print(out, "<text x=\"{}\" y=\"76\" fill=\"#888888\">{}</text>\n", x + 4, state);
    out << "</g>\n";
  }
}

void write_rows(std::ostream& out, const Timeline& t, const Layout& l) {
  for (std::size_t k = 0; k < t.rows.size(); ++k) {
    const TimelineRow& row = t.rows[k];
    const char* colour = kPalette[k % std::size(kPalette)];
    const int y = l.y(k);
    fmt::print(out, "<text x=\"16\" y=\"{}\">{}</text>\n", y + 15, xml_escape(row.rule));
    for (const ClauseSpan& s : row.spans) {
      const std::size_t end = s.to.value_or(t.revisions.size());
      const auto& from = t.revisions[s.from].git;
      const std::string until =
          s.to ? fmt::format("until {} ({})", t.revisions[*s.to].git.short_commit, t.revisions[*s.to].git.date)
               : std::string("to the last revision");
      fmt::print(out,
                 "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\" fill=\"{}\">"
                 "<title>{}: present from {} ({}) {}</title></rect>\n",
                 l.x(s.from) + 2, y + 3, l.step * static_cast<int>(end - s.from) - 4, l.row_h - 6, colour,
                 xml_escape(row.rule), from.short_commit, from.date, until);
    }
  }
}

}  // namespace

void write_timeline_svg(std::ostream& out, const Timeline& t) {
  const Layout l = layout_of(t);
  fmt::print(out,
             "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" "
             "font-family=\"sans-serif\" font-size=\"12\">\n",
             l.width, l.height, l.width, l.height);
  fmt::print(out, "<title>Clauses of {} over its git history</title>\n", xml_escape(t.path));
  fmt::print(out, "<rect width=\"{}\" height=\"{}\" fill=\"white\"/>\n", l.width, l.height);
  fmt::print(out,
             "<text x=\"16\" y=\"20\" font-weight=\"bold\">{}: clauses present, by revision (oldest first)</text>\n",
             xml_escape(t.path));
  write_columns(out, t, l);
  write_rows(out, t, l);
  out << "</svg>\n";
}

}  // namespace clauselint
