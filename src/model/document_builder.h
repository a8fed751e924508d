// Assembles a Document from blocks of normalised text: sections from the
// headings, paragraph units, and sentences. Shared by the input formats.
#pragma once

#include <vector>

#include "clauselint/diagnostic.h"
#include "clauselint/document.h"
#include "model/text_builder.h"

namespace clauselint {

class DocumentBuilder {
 public:
  explicit DocumentBuilder(Document& doc) : doc_(doc) {}

  TextBuilder text;

  // Ends the block being written to `text`. A short paragraph set entirely in
  // bold (`strong_only`) is taken as a heading below all real ones (level 7),
  // as converted policies often write "**Cookies**" for a heading.
  void add_block(BlockKind kind, int level, bool quoted, bool strong_only);

  // Records raw HTML found at source bytes [begin, end); finish() takes the
  // comments out of it.
  void add_raw_html(std::uint32_t begin, std::uint32_t end);

  // Computes section ranges, paragraph units and sentences; moves the text
  // into the document.
  void finish();

 private:
  Document& doc_;
  std::vector<int> open_sections_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> raw_html_;
};

}  // namespace clauselint

namespace clauselint {

// Reads the HTML at source bytes [begin, end) of `doc` into `builder`: a
// whole HTML file, or an HTML block inside Markdown (src/model/html.cpp).
void read_html(Document& doc, DocumentBuilder& builder, std::uint32_t begin, std::uint32_t end);
// A note when read_html() ignored over-deep tags (doc.ignored_html_tags).
void note_ignored_html_tags(const Document& doc, std::vector<Diagnostic>& diagnostics);

}  // namespace clauselint
