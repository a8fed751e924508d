// Framing: JSON-RPC bodies behind "Content-Length: N\r\n\r\n" headers.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <variant>

#include <fmt/format.h>

#include "clauselint/lsp.h"

namespace clauselint::lsp {
namespace {

constexpr std::string_view kLengthHeader = "content-length";

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Case-insensitive search for "content-length" from `from`.
std::size_t find_length_header(std::string_view text, std::size_t from) {
  for (std::size_t i = from; i + kLengthHeader.size() <= text.size(); ++i)
    if (iequals(text.substr(i, kLengthHeader.size()), kLengthHeader)) return i;
  return std::string_view::npos;
}

// The Content-Length of a header block (without its final empty line), or
// what is wrong with it.
std::variant<std::size_t, std::string> content_length(std::string_view headers) {
  std::optional<std::size_t> length;
  while (!headers.empty()) {
    const std::size_t eol = std::min(headers.find("\r\n"), headers.size());
    const std::string_view line = headers.substr(0, eol);
    headers.remove_prefix(std::min(eol + 2, headers.size()));
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) return std::string("a message header line has no ':'");
    if (!iequals(trim(line.substr(0, colon)), kLengthHeader)) continue;  // Content-Type and others
    const std::string_view value = trim(line.substr(colon + 1));
    std::size_t n = 0;
    const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    const bool numeric = !value.empty() && ptr == value.data() + value.size() &&
                         (ec == std::errc() || ec == std::errc::result_out_of_range);
    if (!numeric) return fmt::format("Content-Length '{}' is not a number", value.substr(0, 24));
    if (ec == std::errc::result_out_of_range || n > kMaxMessageBytes)
      return fmt::format("Content-Length {} is more than the limit of {} bytes; the message was skipped",
                         value.substr(0, 24), kMaxMessageBytes);
    length = n;
  }
  if (!length) return std::string("a message header has no Content-Length");
  return *length;
}

}  // namespace

std::string frame(std::string_view body) { return fmt::format("Content-Length: {}\r\n\r\n{}", body.size(), body); }

void FrameReader::feed(std::string_view bytes) {
  if (start_ > 0 && start_ >= buffer_.size() / 2) {  // compact: amortised O(n)
    buffer_.erase(0, start_);
    start_ = 0;
  }
  buffer_.append(bytes);
}

bool FrameReader::resync() {
  const std::string_view held = std::string_view(buffer_).substr(start_);
  const std::size_t at = find_length_header(held, 0);
  if (at == std::string_view::npos) {  // keep a tail that may be the start of a header
    const std::size_t keep = std::min(held.size(), kLengthHeader.size() - 1);
    start_ = buffer_.size() - keep;
    return false;
  }
  start_ += at;
  resyncing_ = false;
  return true;
}

std::optional<FrameReader::Frame> FrameReader::next() {
  if (resyncing_ && !resync()) return std::nullopt;
  const std::string_view held = std::string_view(buffer_).substr(start_);
  if (held.empty()) return std::nullopt;
  // Blank lines between messages are tolerated.
  std::size_t lead = 0;
  while (lead < held.size() && (held[lead] == '\r' || held[lead] == '\n')) ++lead;
  if (lead > 0) {
    start_ += lead;
    return next();
  }
  const std::size_t end = held.find("\r\n\r\n");
  if (end == std::string_view::npos) {
    if (held.size() > kMaxHeaderBytes) {
      start_ += 1;  // skip what cannot be a header and look for the next one
      resyncing_ = true;
      return Frame{false,
                   fmt::format("message header longer than {} bytes without an empty line ending it", kMaxHeaderBytes)};
    }
    return std::nullopt;
  }
  if (end > kMaxHeaderBytes) {
    start_ += 1;
    resyncing_ = true;
    return Frame{false, fmt::format("message header longer than {} bytes", kMaxHeaderBytes)};
  }
  const auto length = content_length(held.substr(0, end));
  if (const auto* problem = std::get_if<std::string>(&length)) {
    // Skipped, not stored (an oversized body too: waiting for gigabytes a
    // client will not send would be a hang): look for the next header.
    start_ += end + 4;
    resyncing_ = true;
    return Frame{false, *problem};
  }
  const std::size_t n = std::get<std::size_t>(length);
  if (held.size() - end - 4 < n) return std::nullopt;  // the body is still coming
  Frame frame{true, std::string(held.substr(end + 4, n))};
  start_ += end + 4 + n;
  return frame;
}

}  // namespace clauselint::lsp
