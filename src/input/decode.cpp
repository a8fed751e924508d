#include <algorithm>

#include <fmt/format.h>

#include "clauselint/input.h"
#include "model/utf8.h"

namespace clauselint {
namespace {

bool starts_with(const std::string& s, std::string_view prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

// UTF-16 (after its BOM) to UTF-8; unpaired surrogates become U+FFFD.
std::string from_utf16(std::string_view bytes, bool big_endian, bool& had_errors) {
  std::string out;
  out.reserve(bytes.size());
  auto unit = [&](std::size_t i) -> char32_t {
    const auto a = static_cast<unsigned char>(bytes[i]);
    const auto b = static_cast<unsigned char>(bytes[i + 1]);
    return big_endian ? static_cast<char32_t>((a << 8) | b) : static_cast<char32_t>((b << 8) | a);
  };
  std::size_t i = 0;
  for (; i + 1 < bytes.size(); i += 2) {
    char32_t cp = unit(i);
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < bytes.size()) {
      const char32_t lo = unit(i + 2);
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        i += 2;
      } else {
        cp = utf8::kReplacement;
        had_errors = true;
      }
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
      cp = utf8::kReplacement;
      had_errors = true;
    }
    utf8::append(out, cp);
  }
  if (i < bytes.size()) had_errors = true;  // odd trailing byte
  return out;
}

// UTF-16 without a byte-order mark: ASCII-range text leaves a NUL in every
// other byte. Looks at the first 8 KiB; 0 none, 1 little-endian, 2 big-endian.
int bomless_utf16(std::string_view bytes) {
  const std::size_t n = std::min<std::size_t>(bytes.size(), 8192) & ~std::size_t{1};
  if (n < 4) return 0;
  std::size_t zero_even = 0, zero_odd = 0;
  for (std::size_t i = 0; i < n; i += 2) {
    zero_even += bytes[i] == '\0';
    zero_odd += bytes[i + 1] == '\0';
  }
  const std::size_t pairs = n / 2;
  if (zero_odd * 10 >= pairs * 9 && zero_even * 10 < pairs) return 1;
  if (zero_even * 10 >= pairs * 9 && zero_odd * 10 < pairs) return 2;
  return 0;
}

// `bytes` without a UTF-8 byte-order mark, or transcoded from UTF-16 (with
// or without a byte-order mark); `encoding_note` says what was done.
std::string without_bom_or_utf16(std::string bytes, std::string& encoding_note) {
  std::string text;
  if (starts_with(bytes, "\xEF\xBB\xBF")) {
    text = bytes.substr(3);
  } else if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF")) {
    bool had_errors = false;
    text = from_utf16(std::string_view(bytes).substr(2), bytes[0] == '\xFE', had_errors);
    if (had_errors) encoding_note = "invalid UTF-16 (unpaired surrogate or odd length) was replaced with U+FFFD";
  } else if (const int utf16 = bytes.find('\0') == std::string::npos ? 0 : bomless_utf16(bytes); utf16 != 0) {
    bool had_errors = false;
    text = from_utf16(bytes, utf16 == 2, had_errors);
    encoding_note =
        fmt::format("read as UTF-16{} (it has no byte-order mark){}: save the file as UTF-8", utf16 == 2 ? "BE" : "LE",
                    had_errors ? ", invalid UTF-16 was replaced with U+FFFD" : "");
  } else {
    text = std::move(bytes);
  }
  return text;
}

}  // namespace

LoadedSource decode_source(std::string path, std::string bytes) {
  LoadedSource result;
  auto reject = [&](std::string message) {
    result.diagnostics.push_back({path, {}, Severity::error, std::move(message)});
    return result;
  };
  if (bytes.size() > kMaxInputBytes)
    return reject(
        fmt::format("file is too large ({} bytes; the limit is {} MiB): split it, or lint the policy text alone",
                    bytes.size(), kMaxInputBytes / (1024 * 1024)));

  std::string encoding_note;
  std::string text = without_bom_or_utf16(std::move(bytes), encoding_note);

  if (text.find('\0') != std::string::npos)
    return reject(
        "file looks binary (it contains NUL bytes), not a policy: lint the Markdown, text or HTML source instead");

  // Repair invalid UTF-8: each bad byte becomes U+FFFD; report the first.
  std::size_t first_bad = std::string::npos;
  std::size_t bad_count = 0;
  std::string repaired;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len;
    bool valid;
    const char32_t cp = utf8::decode(text, i, len, valid);
    if (!valid) {
      if (first_bad == std::string::npos) {
        first_bad = i;
        repaired.assign(text, 0, i);
      }
      ++bad_count;
      utf8::append(repaired, cp);
    } else if (first_bad != std::string::npos) {
      repaired.append(text, i, len);
    }
    i += len;
  }
  Position bad_position;
  if (first_bad != std::string::npos) {
    bad_position = SourceFile("", repaired).locate(first_bad);
    text = std::move(repaired);
  }

  if (text.find_first_not_of(" \t\r\n\f\v") == std::string::npos)
    return reject("file is empty: there is no policy text to lint");

  result.source = std::make_shared<const SourceFile>(path, std::move(text));
  if (first_bad != std::string::npos)
    result.diagnostics.push_back({path, bad_position, Severity::note,
                                  fmt::format("invalid UTF-8 ({} byte{}) replaced with U+FFFD; save the file as UTF-8",
                                              bad_count, bad_count == 1 ? "" : "s")});
  if (!encoding_note.empty()) result.diagnostics.push_back({path, {}, Severity::note, encoding_note});
  return result;
}

}  // namespace clauselint
