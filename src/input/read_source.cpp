#include <fmt/format.h>

#include "clauselint/bounded_read.h"
#include "clauselint/input.h"

namespace clauselint {

LoadedSource read_source(const std::string& path, const std::string& display_name) {
  // At most kMaxInputBytes + 1 bytes are read, whatever the file is.
  BoundedRead read = read_bounded(path, kMaxInputBytes);
  if (!read.ok) {
    LoadedSource failed;
    const std::string message =
        read.too_large
            ? fmt::format(
                  "file is too large (more than {} MiB): split it, or lint the policy text alone (docs/limits.md)",
                  kMaxInputBytes / (1024 * 1024))
            : fmt::format("cannot read {}: {}", path == "-" ? "standard input" : "file", read.error);
    failed.diagnostics.push_back({display_name, {}, Severity::error, message});
    return failed;
  }
  return decode_source(display_name, std::move(read.bytes));
}

}  // namespace clauselint
