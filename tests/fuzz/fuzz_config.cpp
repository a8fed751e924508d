// libFuzzer target: the config reader, then planning a run with what it read (globs included).
#include <cstddef>
#include <cstdint>
#include <string>

#include "clauselint/config.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<clauselint::Diagnostic> diagnostics;
  const auto config =
      clauselint::parse_config(std::string(reinterpret_cast<const char*>(data), size), ".clauselint.yaml", diagnostics);
  if (!config) return 0;
  (void)clauselint::effective_config(*config, "docs/policies/privacy-policy.md", {});
  (void)clauselint::describe(clauselint::effective_config(*config, "a/b/c.md", {}));
  return 0;
}
