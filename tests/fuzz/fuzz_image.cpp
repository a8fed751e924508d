// libFuzzer target: compiled pack images (pack_image.h), as read from the
// user-pack cache. An input that compiles as a pack is turned into its image,
// loaded, then loaded again with one payload byte changed and the checksum
// made to match, so that the decoder itself (not just the checksum) sees
// damaged payloads; any other input is loaded as an image's payload.
#include <cstddef>
#include <cstdint>
#include <string>

#include "clauselint/content_hash.h"
#include "clauselint/pack_image.h"
#include "clauselint/rule_set.h"

namespace {

constexpr std::size_t kHeader = 24;  // "CLPK", version, size, checksum

std::string seal(const std::string& payload) {
  std::string out = "CLPK";
  auto put = [&](std::uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
  };
  put(2, 4);
  put(payload.size(), 8);
  put(clauselint::pack_image_checksum(payload), 8);
  return out + payload;
}

void load(const std::string& image) {
  clauselint::RuleSet set;
  (void)set.load_image(image, "fuzz.yaml");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  std::vector<clauselint::Diagnostic> diagnostics;
  if (input.find("clauselint-pack:") != std::string::npos) {
    const auto image = clauselint::compile_pack(input, "fuzz.yaml", diagnostics);
    if (!image || image->size() <= kHeader) return 0;
    load(*image);
    std::string payload = image->substr(kHeader);
    const std::uint64_t h = clauselint::fnv1a(input);
    payload[h % payload.size()] = static_cast<char>(h >> 32);
    load(seal(payload));
    load(seal(payload.substr(0, (h >> 16) % payload.size())));
    return 0;
  }
  load(seal(input));
  return 0;
}
