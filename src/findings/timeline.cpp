// compute_spans (timeline.h).
#include "clauselint/timeline.h"

namespace clauselint {

void compute_spans(Timeline& timeline, const std::vector<std::pair<std::string, std::string>>& rules) {
  timeline.rows.clear();
  for (const auto& [rule, title] : rules) {
    TimelineRow row{rule, title, {}};
    bool present = false;
    for (std::size_t i = 0; i < timeline.revisions.size(); ++i) {
      const TimelineRevision& r = timeline.revisions[i];
      bool now = present;
      if (r.state == TimelineRevision::State::linted) now = !r.missing.count(rule);
      if (r.state == TimelineRevision::State::deleted) now = false;
      if (now && !present) row.spans.push_back({i, std::nullopt});
      if (!now && present) row.spans.back().to = i;
      present = now;
    }
    timeline.rows.push_back(std::move(row));
  }
}

}  // namespace clauselint
