// Reading policy files: raw bytes in, a UTF-8 SourceFile out.
//
// decode_source() strips a UTF-8 BOM, transcodes UTF-16 with a BOM, repairs
// invalid UTF-8 (each bad byte becomes U+FFFD, reported once as a note with
// the first bad position) and rejects input that is not a policy: empty or
// blank text, binary data (NUL bytes), or more than kMaxInputBytes.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "clauselint/diagnostic.h"
#include "clauselint/source.h"

namespace clauselint {

inline constexpr std::size_t kMaxInputBytes = 16u * 1024u * 1024u;

struct LoadedSource {
  std::shared_ptr<const SourceFile> source;  // null when the input was rejected
  std::vector<Diagnostic> diagnostics;       // notes, and an error when rejected
};

LoadedSource decode_source(std::string path, std::string bytes);

// Reads `path` from disk ("-" reads standard input, shown as `display_name`).
LoadedSource read_source(const std::string& path, const std::string& display_name);

// Expands the command line's paths: files are kept as given, directories are
// walked (sorted, skipping hidden folders and node_modules) for files whose
// extension is one clauselint reads. A missing path, or a directory holding
// no policy files, is an error diagnostic.
struct CollectedPaths {
  std::vector<std::string> files;
  std::vector<Diagnostic> diagnostics;
};
CollectedPaths collect_paths(const std::vector<std::string>& paths);

// True for the extensions read as policies: .md .markdown .txt .html .htm.
bool is_policy_extension(const std::string& path);

}  // namespace clauselint
