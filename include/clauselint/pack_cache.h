// The cache of compiled user packs: a pack file's image (pack_image.h), so
// that later runs load it without parsing its YAML.
//
// Where: $CLAUSELINT_CACHE_DIR, else $XDG_CACHE_HOME/clauselint/packs, else
// ~/.cache/clauselint/packs. CLAUSELINT_NO_CACHE=1 turns it off.
// Keys: an entry is named by a hash of the pack's bytes and the binary's
// build id (pack_build_id()), so an edited pack or another clauselint build
// never meets an old entry (no build id, as in the unit tests: no cache).
// Errors: a missing, damaged or unreadable entry reads as absent, and is
// rewritten; a folder that cannot be created or written is not an error
// (the pack is compiled on each run). Writes are atomic (rename).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace clauselint {

// The entry's path for a pack of this text; "" when there is no cache.
std::string pack_cache_entry(std::string_view yaml);

// The entry's image when it is there and whole (it decodes), else nullopt.
std::optional<std::string> read_pack_cache(const std::string& entry);

// Stores `image` at `entry`; failures are ignored (see above).
void write_pack_cache(const std::string& entry, std::string_view image);

}  // namespace clauselint
