#include "clauselint/precision.h"

#include <yaml-cpp/yaml.h>

#include "rules/builtin_packs_data.h"

namespace clauselint {

std::string_view to_string(Precision p) {
  switch (p) {
    case Precision::very_high: return "very-high";
    case Precision::high: return "high";
    case Precision::medium: return "medium";
    case Precision::low: return "low";
  }
  return "low";
}

std::optional<Precision> parse_precision(std::string_view name) {
  for (const Precision p : {Precision::low, Precision::medium, Precision::high, Precision::very_high})
    if (to_string(p) == name) return p;
  return std::nullopt;
}

Precision precision_level(double measured, int findings) {
  if (findings < 3) return Precision::low;
  if (findings < 10) return measured >= 0.85 ? Precision::medium : Precision::low;
  if (measured >= 0.98) return Precision::very_high;
  if (measured >= 0.95) return Precision::high;
  if (measured >= 0.85) return Precision::medium;
  return Precision::low;
}

const std::map<std::string, MeasuredPrecision, std::less<>>& builtin_precision() {
  static const auto table = [] {
    std::map<std::string, MeasuredPrecision, std::less<>> out;
    for (const auto* f = detail::embedded_files; f->file; ++f) {
      if (std::string_view(f->file) != "rules/measured/precision.yaml") continue;
      try {
        const YAML::Node root = YAML::Load(std::string(f->text));
        for (const auto& kv : root["rules"]) {
          MeasuredPrecision m;
          m.precision = kv.second["precision"].as<double>(0);
          m.findings = kv.second["findings"].as<int>(0);
          m.level = parse_precision(kv.second["level"].as<std::string>("low")).value_or(Precision::low);
          out[kv.first.as<std::string>()] = m;
        }
      } catch (const YAML::Exception&) {
        // A broken generated file is caught by the test that regenerates it.
      }
    }
    return out;
  }();
  return table;
}

Precision builtin_precision_of(std::string_view rule_id) {
  const auto& table = builtin_precision();
  const auto it = table.find(rule_id);
  return it == table.end() ? Precision::low : it->second.level;
}

}  // namespace clauselint
