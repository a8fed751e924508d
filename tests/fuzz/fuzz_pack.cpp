// libFuzzer target: the rule-pack loader (YAML limits, yaml-cpp, validation, regex compilation).
#include <cstddef>
#include <cstdint>
#include <string>

#include "clauselint/rule_set.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  clauselint::RuleSet rules;
  (void)rules.load_pack(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.yaml");
  return 0;
}
