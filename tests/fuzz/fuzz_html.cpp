// libFuzzer target: the HTML reader (decode, gumbo, the walk) on any bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "clauselint/input.h"
#include "clauselint/parse.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  clauselint::LoadedSource loaded =
      clauselint::decode_source("fuzz.html", std::string(reinterpret_cast<const char*>(data), size));
  if (!loaded.source) return 0;
  std::vector<clauselint::Diagnostic> diagnostics;
  const clauselint::Document doc =
      clauselint::parse_document(loaded.source, clauselint::InputFormat::html, diagnostics);
  for (const auto& block : doc.blocks) (void)doc.source_range(block.range);
  return 0;
}
