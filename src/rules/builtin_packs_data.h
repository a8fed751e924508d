// The embedded pack table written by cmake/embed_packs.cmake.
#pragma once

#include <cstddef>
#include <string_view>

namespace clauselint::detail {

struct EmbeddedPack {
  const char* name;
  const char* file;
  std::string_view yaml;
};

extern const EmbeddedPack embedded_packs[];
extern const std::size_t embedded_pack_count;

}  // namespace clauselint::detail
