// Choosing a parser for a policy file and running it (parse.h).
#include "clauselint/parse.h"

#include <cctype>

#include "clauselint/markdown.h"

namespace clauselint {

std::optional<InputFormat> parse_input_format(std::string_view name) {
  if (name == "markdown" || name == "md" || name == "text") return InputFormat::markdown;
  if (name == "html") return InputFormat::html;
  return std::nullopt;
}

InputFormat input_format_for(const std::string& path) {
  const auto dot = path.find_last_of('.');
  std::string ext = dot == std::string::npos ? "" : path.substr(dot + 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == "html" || ext == "htm" || ext == "xhtml" ? InputFormat::html : InputFormat::markdown;
}

Document parse_document(std::shared_ptr<const SourceFile> source, InputFormat format,
                        std::vector<Diagnostic>& diagnostics) {
  return format == InputFormat::html ? parse_html(std::move(source), diagnostics)
                                     : parse_markdown(std::move(source), diagnostics);
}

}  // namespace clauselint
