// Prevalence::write_text, write_csv and write_svg (prevalence.h).
#include <algorithm>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "clauselint/prevalence.h"
#include "report/svg.h"

namespace clauselint {
namespace {

double share(std::size_t with, std::size_t of) {
  return of ? 100.0 * static_cast<double>(with) / static_cast<double>(of) : 0;
}

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (const char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

void Prevalence::write_text(std::ostream& out) const {
  const auto gs = groups();
  std::size_t width = 4;
  for (const auto& r : rules_) width = std::max(width, r.size());
  std::vector<std::string> headers;
  for (const auto& g : gs) headers.push_back(fmt::format("{} ({})", g, policies(g)));
  fmt::print(out, "{:<{}}", "RULE", width);
  for (const auto& h : headers) fmt::print(out, "  {:>{}}", h, std::max<std::size_t>(h.size(), 13));
  out << '\n';
  for (const auto& r : rules_) {
    fmt::print(out, "{:<{}}", r, width);
    for (std::size_t i = 0; i < gs.size(); ++i) {
      const std::string cell = fmt::format("{} {:5.1f}%", with(gs[i], r), share(with(gs[i], r), policies(gs[i])));
      fmt::print(out, "  {:>{}}", cell, std::max<std::size_t>(headers[i].size(), 13));
    }
    out << '\n';
  }
}

void Prevalence::write_csv(std::ostream& out) const {
  out << "group,rule,policies,with_finding,share\n";
  for (const auto& g : groups())
    for (const auto& r : rules_)
      fmt::print(out, "{},{},{},{},{:.4f}\n", csv_field(g), csv_field(r), policies(g), with(g, r),
                 share(with(g, r), policies(g)) / 100.0);
}

void Prevalence::write_svg(std::ostream& out) const {
  const auto gs = groups();
  const std::vector<std::string> rs(rules_.begin(), rules_.end());
  const int step = 90, left = 60, top = 30, plot_h = 240;
  const int plot_w = step * static_cast<int>(std::max<std::size_t>(gs.size(), 2) - 1);
  const int legend_x = left + plot_w + 40;
  const int width = legend_x + 260;
  const int height = std::max(top + plot_h + 60, top + 20 * static_cast<int>(rs.size()) + 20);
  auto x_of = [&](std::size_t i) { return gs.size() == 1 ? left + plot_w / 2 : left + step * static_cast<int>(i); };
  auto y_of = [&](double percent) { return top + plot_h - percent * plot_h / 100.0; };

  fmt::print(out,
             "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" "
             "font-family=\"sans-serif\" font-size=\"12\">\n",
             width, height, width, height);
  fmt::print(out, "<title>Share of policies with each finding, by group</title>\n");
  fmt::print(out, "<rect width=\"{}\" height=\"{}\" fill=\"white\"/>\n", width, height);
  for (int percent = 0; percent <= 100; percent += 25) {  // grid and y axis
    fmt::print(out, "<line x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" stroke=\"#ddd\"/>\n", left, y_of(percent),
               left + plot_w, y_of(percent));
    fmt::print(out, "<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">{}%</text>\n", left - 6, y_of(percent) + 4,
               percent);
  }
  for (std::size_t i = 0; i < gs.size(); ++i)  // x axis: the groups
    fmt::print(out, "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", x_of(i), top + plot_h + 18,
               xml_escape(gs[i]));
  for (std::size_t k = 0; k < rs.size(); ++k) {
    const char* colour = kPalette[k % std::size(kPalette)];
    std::string points;
    for (std::size_t i = 0; i < gs.size(); ++i)
      points += fmt::format("{}{},{:.1f}", i ? " " : "", x_of(i), y_of(share(with(gs[i], rs[k]), policies(gs[i]))));
    fmt::print(out, "<g><title>{}</title>\n", xml_escape(rs[k]));
    fmt::print(out, "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"/>\n", points, colour);
    for (std::size_t i = 0; i < gs.size(); ++i)
      fmt::print(
          out,
          "<circle cx=\"{}\" cy=\"{:.1f}\" r=\"3\" fill=\"{}\"><title>{} in {}: {} of {} ({:.1f}%)</title></circle>\n",
          x_of(i), y_of(share(with(gs[i], rs[k]), policies(gs[i]))), colour, xml_escape(rs[k]), xml_escape(gs[i]),
          with(gs[i], rs[k]), policies(gs[i]), share(with(gs[i], rs[k]), policies(gs[i])));
    fmt::print(out, "</g>\n");
    const int y = top + 20 * static_cast<int>(k);
    fmt::print(out, "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"2\"/>\n", legend_x, y,
               legend_x + 18, y, colour);
    fmt::print(out, "<text x=\"{}\" y=\"{}\">{}</text>\n", legend_x + 24, y + 4, xml_escape(rs[k]));
  }
  out << "</svg>\n";
}

}  // namespace clauselint
