#include "lsp/documents.h"

#include <cctype>
#include <filesystem>

#include "clauselint/input.h"

namespace clauselint::lsp {

void apply_change(std::string& text, const std::optional<LspRange>& range, std::string_view new_text, Encoding e) {
  if (!range) {
    text.assign(new_text);
    return;
  }
  const auto starts = line_starts(text);
  std::size_t begin = to_offset(text, starts, range->start, e);
  std::size_t end = to_offset(text, starts, range->end, e);
  if (end < begin) std::swap(begin, end);  // a reversed range: as if written in order
  text.replace(begin, end - begin, new_text);
}

std::string path_from_uri(std::string_view uri) {
  constexpr std::string_view scheme = "file://";
  if (uri.substr(0, scheme.size()) != scheme) return "";
  uri.remove_prefix(scheme.size());
  const std::size_t slash = uri.find('/');  // skip an authority ("file://localhost/...")
  if (slash == std::string_view::npos) return "";
  uri.remove_prefix(slash);
  std::string path;
  for (std::size_t i = 0; i < uri.size(); ++i) {
    const char c = uri[i];
    if (c == '?' || c == '#') break;
    auto hex = [](char h) -> int {
      if (h >= '0' && h <= '9') return h - '0';
      if (h >= 'a' && h <= 'f') return h - 'a' + 10;
      if (h >= 'A' && h <= 'F') return h - 'A' + 10;
      return -1;
    };
    if (c == '%' && i + 2 < uri.size() && hex(uri[i + 1]) >= 0 && hex(uri[i + 2]) >= 0) {
      path += static_cast<char>(hex(uri[i + 1]) * 16 + hex(uri[i + 2]));
      i += 2;
    } else {
      path += c;
    }
  }
  if (path.find('\0') != std::string::npos) return "";
  return path;
}

std::string uri_from_path(const std::string& path) {
  std::error_code ec;
  std::string absolute = std::filesystem::absolute(path, ec).lexically_normal().string();
  if (ec) absolute = path;
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string uri = "file://";
  for (const unsigned char c : absolute) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '.' || c == '_' || c == '~') {
      uri += static_cast<char>(c);
    } else {
      uri += '%';
      uri += kHex[c >> 4];
      uri += kHex[c & 15];
    }
  }
  return uri;
}

std::optional<InputFormat> policy_format(std::string_view language, const std::string& path) {
  if (language == "markdown" || language == "plaintext" || language == "text" || language == "mdx")
    return InputFormat::markdown;
  if (language == "html") return InputFormat::html;
  if (!path.empty() && is_policy_extension(path)) return input_format_for(path);
  return std::nullopt;
}

}  // namespace clauselint::lsp
