// Severity of a finding or a diagnostic: note < warning < error.
#pragma once

#include <optional>
#include <string_view>

namespace clauselint {

enum class Severity { note = 0, warning = 1, error = 2 };

// "note", "warning" or "error".
std::string_view to_string(Severity s);

// Parses "note" | "warning" | "error"; nullopt for anything else.
std::optional<Severity> parse_severity(std::string_view text);

}  // namespace clauselint
