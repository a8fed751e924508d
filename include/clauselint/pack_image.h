// Compiled rule packs: a pack parsed and validated once, kept as a binary
// image that loads with no YAML parsing and no regex compilation (its
// patterns compile on first use, as built-in patterns always do).
//
// The built-in packs are compiled at build time (tools/compile_packs) into
// the clauselint binary; user packs are cached by content (pack_cache.h).
// RuleSet::load_image() adds an image exactly as load_pack() adds the YAML
// it came from: `cli/engine-identical` checks that findings are the same.
//
// An image is "CLPK", a format version, the payload's size and checksum, and
// the payload. One of another version, or whose size or checksum do not
// match, is rejected as a value (an error Diagnostic), never half read.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clauselint/diagnostic.h"

namespace clauselint {

// The image of a pack, or nullopt with the pack's errors in `diagnostics`.
// `file` names the pack in diagnostics. `with_code` adds each pattern's
// compiled PCRE2 code (for the built-in images only: it is used only from
// images registered with use_builtin_pack_images, whose bytes stay put).
std::optional<std::string> compile_pack(std::string_view yaml, const std::string& file,
                                        std::vector<Diagnostic>& diagnostics, bool with_code = false);

// Whether `image` is whole: magic, version, size and checksum (cheap: one
// pass over the bytes). load_image() checks the same.
bool pack_image_intact(std::string_view image);
// The checksum of an image's payload (the bytes after its 24-byte header):
// eight bytes at a time (FNV-1a byte by byte cost 3 ms of every start-up).
// Detects damage, not tampering.
std::uint64_t pack_image_checksum(std::string_view payload);

// The images of the built-in packs, for load_packs() (the binary registers
// them at start-up; without them, as in the unit tests, packs load from
// their YAML). `blob` is tools/precompile_packs' table and `build_id` its
// hash of the loader that made it; both must outlive the process.
void use_builtin_pack_images(std::string_view blob, std::string_view build_id);
// The registered build id ("" when none): part of the user-pack cache key.
std::string_view pack_build_id();
// The image of a built-in pack, or "" (none registered, or turned off by
// CLAUSELINT_NO_PRECOMPILED=1, which makes every pack load from its YAML).
std::string_view builtin_pack_image(std::string_view name);

}  // namespace clauselint
