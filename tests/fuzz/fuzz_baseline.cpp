// libFuzzer target: the baseline reader.
#include <cstddef>
#include <cstdint>
#include <string>

#include "clauselint/baseline.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<clauselint::Diagnostic> diagnostics;
  (void)clauselint::parse_baseline(std::string(reinterpret_cast<const char*>(data), size), "baseline.json",
                                   diagnostics);
  return 0;
}
