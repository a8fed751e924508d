// Paths as findings show them, made relative to a root folder (baselines,
// SARIF, GitHub annotations) or written into a URI (SARIF).
// Cost: relative_to_root resolves both paths on the file system
// (weakly_canonical: symbolic links of the parts that exist).
// Errors: none are raised; a path outside the root gives nullopt.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace clauselint {

// `shown_path` relative to `root` (the current folder when empty), with "/"
// separators; nullopt when it lies outside `root`.
std::optional<std::string> relative_to_root(const std::string& shown_path, const std::string& root);
std::string percent_encode(std::string_view path);  // for URIs: keeps A-Z a-z 0-9 - . _ ~ /

}  // namespace clauselint
