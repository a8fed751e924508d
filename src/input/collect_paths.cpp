#include <algorithm>
#include <filesystem>
#include <system_error>

#include <fmt/format.h>

#include "clauselint/input.h"

namespace fs = std::filesystem;

namespace clauselint {

bool is_policy_extension(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".md" || ext == ".markdown" || ext == ".txt" || ext == ".html" || ext == ".htm";
}

namespace {

bool skipped_directory(const fs::path& dir) {
  const std::string name = dir.filename().string();
  return (name.size() > 1 && name[0] == '.') || name == "node_modules";
}

}  // namespace

CollectedPaths collect_paths(const std::vector<std::string>& paths) {
  CollectedPaths out;
  for (const auto& path : paths) {
    if (path == "-") {
      out.files.push_back(path);
      continue;
    }
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      out.diagnostics.push_back({path, {}, Severity::error, "no such file or directory"});
      continue;
    }
    if (!fs::is_directory(status)) {
      out.files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_directory(ec) && skipped_directory(it->path())) {
        it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec) && is_policy_extension(it->path().string())) found.push_back(it->path().string());
    }
    if (ec) out.diagnostics.push_back({path, {}, Severity::error, fmt::format("cannot walk directory: {}", ec.message())});
    if (found.empty() && !ec)
      out.diagnostics.push_back({path, {}, Severity::error,
                                 "directory holds no policy files (.md, .markdown, .txt, .html, .htm): name the files to lint"});
    std::sort(found.begin(), found.end());
    out.files.insert(out.files.end(), found.begin(), found.end());
  }
  return out;
}

}  // namespace clauselint
