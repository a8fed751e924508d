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

// Other files under rules/ (rules/measured/precision.yaml); ends with a null file.
struct EmbeddedFile {
  const char* file;
  std::string_view text;
};

extern const EmbeddedPack embedded_packs[];
extern const EmbeddedFile embedded_files[];
extern const std::size_t embedded_pack_count;

}  // namespace clauselint::detail
