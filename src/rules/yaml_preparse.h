// Start-up time: the built-in packs' YAML is parsed on other threads, all
// at once, while the first pack is being loaded, so that loading the default
// set waits for the largest pack only (yaml-cpp parses about 5 MB/s).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

namespace clauselint {

// Starts parsing each text (a built-in pack's embedded YAML, which lives as
// long as the program). Texts already started are skipped.
void preparse_yaml(const std::vector<std::string_view>& texts);

// Waits until every parse started has finished (before returning to code
// that may exit: a parse still running at exit would race yaml-cpp's statics).
void wait_preparsed_yaml();

// The parsed text, when preparse_yaml() started it (waits for it); null
// otherwise. Throws what YAML::Load throws.
std::optional<YAML::Node> take_preparsed_yaml(std::string_view text);

}  // namespace clauselint
