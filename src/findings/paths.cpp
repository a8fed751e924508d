// Paths relative to a root folder, and percent-encoded for URIs (paths.h).
#include "clauselint/paths.h"

#include <cctype>
#include <filesystem>

#include <fmt/format.h>

namespace clauselint {

namespace fs = std::filesystem;

std::string percent_encode(std::string_view path) {
  std::string out;
  for (const unsigned char c : path) {
    if (std::isalnum(c) || std::string_view("-._~/").find(static_cast<char>(c)) != std::string_view::npos)
      out += static_cast<char>(c);
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

std::optional<std::string> relative_to_root(const std::string& shown_path, const std::string& root) {
  std::error_code ec;
  const fs::path absolute = fs::weakly_canonical(fs::absolute(shown_path, ec), ec);
  const fs::path relative =
      absolute.lexically_relative(fs::weakly_canonical(root.empty() ? fs::current_path() : fs::path(root), ec));
  if (relative.empty() || *relative.begin() == "..") return std::nullopt;
  return relative.generic_string();
}

}  // namespace clauselint
