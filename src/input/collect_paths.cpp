#include <algorithm>
#include <filesystem>
#include <functional>
#include <system_error>

#include <fmt/format.h>

#include "clauselint/input.h"

namespace fs = std::filesystem;

namespace clauselint {

bool is_policy_extension(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".md" || ext == ".markdown" || ext == ".txt" || ext == ".html" || ext == ".htm";
}

namespace {

bool skipped_directory(const fs::path& dir) {
  const std::string name = dir.filename().string();
  return (name.size() > 1 && name[0] == '.') || name == "node_modules";
}

// Why `path` cannot be linted, from the error of stat(): the real cause
// ("Too many levels of symbolic links", "File name too long", "Permission
// denied"), not always "no such file".
std::string missing_reason(const std::error_code& ec) {
  if (!ec || ec == std::errc::no_such_file_or_directory) return "no such file or directory";
  return fmt::format("cannot read it: {}", ec.message());
}

// Walks `root` without following symbolic links to folders; an unreadable
// folder is reported (never skipped silently) and the walk goes on.
void walk(const fs::path& root, std::vector<std::string>& found, std::vector<Diagnostic>& diagnostics) {
  std::vector<fs::path> pending = {root};
  while (!pending.empty()) {
    const fs::path dir = std::move(pending.back());
    pending.pop_back();
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    std::vector<fs::path> subdirs;
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      std::error_code entry_ec;
      const fs::file_status link = it->symlink_status(entry_ec);
      if (fs::is_directory(link)) {
        if (!skipped_directory(it->path())) subdirs.push_back(it->path());
        continue;
      }
      if (is_policy_extension(it->path().string()) && it->is_regular_file(entry_ec))
        found.push_back(it->path().string());
    }
    if (ec)
      diagnostics.push_back({dir.string(),
                             {},
                             Severity::error,
                             fmt::format("cannot read directory: {}; its policies were not linted", ec.message())});
    // Depth first, in name order (the files are sorted at the end anyway).
    std::sort(subdirs.begin(), subdirs.end(), std::greater<>());
    for (auto& d : subdirs) pending.push_back(std::move(d));
  }
}

}  // namespace

CollectedPaths collect_paths(const std::vector<std::string>& paths) {
  CollectedPaths out;
  bool stdin_named = false;
  for (const auto& path : paths) {
    if (path == "-") {
      if (stdin_named) {  // two threads would read it at once
        out.diagnostics.push_back(
            {"-", {}, Severity::error, "standard input ('-') is named more than once: it can be read only once"});
        continue;
      }
      stdin_named = true;
      out.files.push_back(path);
      continue;
    }
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      out.diagnostics.push_back({path, {}, Severity::error, missing_reason(ec)});
      continue;
    }
    if (!fs::is_directory(status)) {
      out.files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    const std::size_t before = out.diagnostics.size();
    walk(path, found, out.diagnostics);
    if (found.empty() && out.diagnostics.size() == before)
      out.diagnostics.push_back(
          {path,
           {},
           Severity::error,
           "directory holds no policy files (.md, .markdown, .txt, .html, .htm): name the files to lint"});
    std::sort(found.begin(), found.end());
    out.files.insert(out.files.end(), found.begin(), found.end());
  }
  return out;
}

}  // namespace clauselint
