#include <fmt/format.h>
#include <fmt/ostream.h>

#include "clauselint/report.h"

namespace clauselint {

void write_text(std::ostream& out, const std::vector<Finding>& findings) {
  for (const Finding& f : findings)
    fmt::print(out, "{}:{}:{}: {}: {} [{}]\n", f.file, f.range.start.line, f.range.start.column, to_string(f.severity),
               f.message, f.rule_id);
}

}  // namespace clauselint
