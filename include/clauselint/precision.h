// How far a rule's findings can be trusted, measured on labelled real
// policies (in the style of CodeQL's @precision): very-high >= 0.98,
// high >= 0.95, medium >= 0.85, low below that. A rule measured on too few
// findings to tell (fewer than 3) counts as low, and fewer than 10 findings
// support at most medium.
//
// The built-in levels live in rules/measured/precision.yaml, written by
// `clauselint accuracy --write-precision` and compiled into the binary.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace clauselint {

enum class Precision { low, medium, high, very_high };

std::string_view to_string(Precision p);                          // "very-high", ...
std::optional<Precision> parse_precision(std::string_view name);  // null for an unknown name
// The level `findings` findings with this precision support: fewer than 3
// findings measure nothing (low), fewer than 10 support at most medium.
Precision precision_level(double measured, int findings);

struct MeasuredPrecision {
  Precision level = Precision::low;
  double precision = 0;  // tp / (tp + fp)
  int findings = 0;      // tp + fp on the labelled policies
};

// The measured levels of the built-in rules, by rule id.
const std::map<std::string, MeasuredPrecision, std::less<>>& builtin_precision();
// The level of a built-in rule; low when it was never measured.
Precision builtin_precision_of(std::string_view rule_id);

}  // namespace clauselint
