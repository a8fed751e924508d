#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include <fmt/format.h>

#include "clauselint/input.h"

namespace clauselint {

LoadedSource read_source(const std::string& path, const std::string& display_name) {
  std::string bytes;
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    bytes = std::move(buffer).str();
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      LoadedSource failed;
      failed.diagnostics.push_back({display_name, {}, Severity::error,
                                    fmt::format("cannot open file: {}", std::strerror(errno))});
      return failed;
    }
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad()) {
      LoadedSource failed;
      failed.diagnostics.push_back({display_name, {}, Severity::error, "cannot read file: I/O error"});
      return failed;
    }
  }
  return decode_source(display_name, std::move(bytes));
}

}  // namespace clauselint
