#include "clauselint/pack_cache.h"

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "clauselint/bounded_read.h"
#include "clauselint/content_hash.h"
#include "clauselint/limits.h"
#include "clauselint/pack_image.h"
#include "rules/pack_image_codec.h"

namespace clauselint {
namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

std::string cache_folder() {
  if (const std::string off = env("CLAUSELINT_NO_CACHE"); !off.empty() && off != "0") return "";
  if (std::string dir = env("CLAUSELINT_CACHE_DIR"); !dir.empty()) return dir;
  if (const std::string xdg = env("XDG_CACHE_HOME"); !xdg.empty() && xdg.front() == '/')
    return xdg + "/clauselint/packs";
  if (const std::string home = env("HOME"); !home.empty()) return home + "/.cache/clauselint/packs";
  return "";
}

}  // namespace

std::string pack_cache_entry(std::string_view yaml) {
  const std::string_view build = pack_build_id();
  const std::string folder = build.empty() ? "" : cache_folder();
  if (folder.empty()) return "";
  // Two 64-bit hashes of the text and the build: 128 bits of key.
  const std::uint64_t a = fnv1a(yaml, fnv1a(build));
  const std::uint64_t b = fnv1a(yaml, fnv1a(build, fnv1a("clauselint pack cache")));
  return fmt::format("{}/{:016x}{:016x}.clpk", folder, a, b);
}

std::optional<std::string> read_pack_cache(const std::string& entry) {
  if (entry.empty()) return std::nullopt;
  BoundedRead read = read_bounded(entry, 16 * kMaxPackBytes);
  if (!read.ok || !decode_pack_image(read.bytes)) return std::nullopt;
  return std::move(read.bytes);
}

void write_pack_cache(const std::string& entry, std::string_view image) {
  if (entry.empty()) return;
  std::error_code ec;
  const std::filesystem::path path(entry);
  std::filesystem::create_directories(path.parent_path(), ec);
  if (ec) return;
  const std::string temporary = fmt::format("{}.{}.tmp", entry, ::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(image.data(), static_cast<std::streamsize>(image.size()));
    if (!out.flush()) {
      std::filesystem::remove(temporary, ec);
      return;
    }
  }
  std::filesystem::rename(temporary, path, ec);
  if (ec) std::filesystem::remove(temporary, ec);
}

}  // namespace clauselint
