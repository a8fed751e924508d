// FNV-1a, 64-bit: the hash behind finding fingerprints and the keys and
// checksums of cached packs. Fast and stable across builds and machines;
// not for adversarial use (collisions can be made on purpose).
#pragma once

#include <cstdint>
#include <string_view>

namespace clauselint {

inline constexpr std::uint64_t kFnvOffset = 1469598103934665603ull;

constexpr std::uint64_t fnv1a(std::string_view text, std::uint64_t hash = kFnvOffset) {
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

}  // namespace clauselint
