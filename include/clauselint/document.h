// The document model: what rules see of a policy.
//
// A Document holds one normalised text for the whole policy. Each block
// (heading, paragraph, list item, table cell, code block) is one line of that
// text, joined by "\n"; within a block, inline markup is gone, curly quotes
// and apostrophes are straight, dashes are "-", and every run of white space
// (line wraps included) is one space. A link whose destination differs from
// its visible text is followed by " <destination>", so rules can see
// "contact us <mailto:privacy@example.com>".
//
// Every byte of `text` maps back to the source byte it came from, so any
// range of `text` has a source line and column (see source.h).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "clauselint/source.h"

namespace clauselint {

enum class BlockKind { heading, paragraph, list_item, table_cell, code };

struct TextRange {
  std::uint32_t begin = 0;  // byte offsets into Document::text
  std::uint32_t end = 0;
  bool contains(TextRange r) const { return begin <= r.begin && r.end <= end; }
};

struct Block {
  BlockKind kind = BlockKind::paragraph;
  int level = 0;        // headings: 1-6, or 7 for a bold line used as a heading;
                        // list items: nesting depth (1 = top level)
  bool quoted = false;  // inside a block quote
  TextRange range;
  int section = -1;  // innermost enclosing section, -1 before any heading
};

struct Section {
  int heading_block = -1;  // -1 for the text before the first heading
  int level = 0;
  int parent = -1;  // enclosing section, -1 at top level
  TextRange range;  // heading plus body, subsections included
};

struct Sentence {
  TextRange range;
  int block = -1;
};

// A field of YAML front matter, with the position of its value.
struct FrontMatterField {
  std::string value;  // scalars as written; other nodes as YAML text
  Position position;
};

// An HTML comment in the source ("<!-- ... -->"), e.g. a suppression.
struct Comment {
  std::string text;         // between "<!--" and "-->", trimmed
  std::uint32_t begin = 0;  // source byte offsets of "<!--" and just past "-->"
  std::uint32_t end = 0;
};

class Document {
 public:
  std::shared_ptr<const SourceFile> source;
  std::string text;                   // normalised text rules see
  std::vector<std::uint32_t> origin;  // source byte offset for each byte of text
  std::vector<Block> blocks;          // in source order
  std::vector<Section> sections;      // in source order
  std::vector<Sentence> sentences;    // in source order, within blocks
  std::vector<TextRange> paragraphs;  // blocks, with a lead-in ending ":" joined to its list
  std::map<std::string, FrontMatterField> front_matter;
  // Front-matter fields naming the policy's dates (last_updated, lastUpdated,
  // effective_date, ...), by key; a generic page `date:` is not one of them.
  std::map<std::string, FrontMatterField> policy_dates;
  // Source lengths of characters that stand for more than one source
  // character (an entity such as "&amp;"), by source offset.
  std::map<std::uint32_t, std::uint32_t> source_lengths;
  std::vector<Comment> comments;      // HTML comments, in source order (never prose)
  std::size_t ignored_html_tags = 0;  // tags nested deeper than kMaxHtmlDepth, read as text only

  // Source position of the character at text offset `offset`.
  Position position_of(std::uint32_t offset) const;
  // Source range of text range `r` (end is one past its last character).
  SourceRange source_range(TextRange r) const;
  std::string_view slice(TextRange r) const { return std::string_view(text).substr(r.begin, r.end - r.begin); }
  // The document's title block: the first level-1 heading, else the first
  // heading, else the first block; -1 for an empty document.
  int title_block() const;
  // Index of the sentence holding text offset `offset`, or -1.
  int sentence_at(std::uint32_t offset) const;
};

}  // namespace clauselint
