#include "model/document_builder.h"

#include <algorithm>
#include <cctype>

#include "model/sentences.h"

namespace clauselint {
namespace {

// Short, and not ending like a sentence: the shape of a bold or capitals heading.
bool heading_shaped(std::string_view text) {
  const auto words = std::count(text.begin(), text.end(), ' ') + 1;
  if (words > 12 || text.empty()) return false;
  const char last = text.back();
  if (last == '!' || last == '?') return false;
  if (last == '.') return std::none_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  return true;
}

// "INFORMATION WE COLLECT": plain-text and converted policies set their
// headings in capitals. A short paragraph with letters, none lower-case.
bool looks_like_caps_heading(std::string_view text) {
  const auto letters = std::count_if(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  return letters >= 3 && heading_shaped(text) &&
         std::none_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

void DocumentBuilder::add_block(BlockKind kind, int level, bool quoted, bool strong_only) {
  const TextRange range = text.end_block();
  if (range.begin == range.end) return;
  const std::string_view body = std::string_view(text.text()).substr(range.begin, range.end - range.begin);
  if (kind == BlockKind::paragraph && !quoted && (strong_only ? heading_shaped(body) : looks_like_caps_heading(body))) {
    kind = BlockKind::heading;
    level = 7;
  }
  Block block{kind, level, quoted, range, -1};
  const int index = static_cast<int>(doc_.blocks.size());
  if (kind == BlockKind::heading) {
    while (!open_sections_.empty() && doc_.sections[static_cast<std::size_t>(open_sections_.back())].level >= level)
      open_sections_.pop_back();
    Section section{index, level, open_sections_.empty() ? -1 : open_sections_.back(), {range.begin, range.end}};
    open_sections_.push_back(static_cast<int>(doc_.sections.size()));
    doc_.sections.push_back(section);
  }
  if (open_sections_.empty() && kind != BlockKind::heading && doc_.sections.empty()) {
    // Text before the first heading is a section of its own (no heading).
    doc_.sections.push_back(Section{-1, 0, -1, {range.begin, range.end}});
  }
  block.section = !open_sections_.empty() ? open_sections_.back() : (doc_.sections.empty() ? -1 : 0);
  doc_.blocks.push_back(block);
}

void DocumentBuilder::add_raw_html(std::uint32_t begin, std::uint32_t end) {
  if (!raw_html_.empty() && begin <= raw_html_.back().second + 2 && begin >= raw_html_.back().first) {
    raw_html_.back().second = std::max(raw_html_.back().second, end);  // the next line of the same HTML
    return;
  }
  raw_html_.emplace_back(begin, end);
}

// Comments inside the raw HTML spans; a comment may run over several spans.
static void collect_comments(Document& doc, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& spans) {
  const std::string& src = doc.source->text();
  for (const auto& [begin, end] : spans) {
    std::size_t at = src.find("<!--", begin);
    while (at != std::string::npos && at < end) {
      const std::size_t close = src.find("-->", at + 4);
      if (close == std::string::npos) break;
      std::string_view body = std::string_view(src).substr(at + 4, close - at - 4);
      while (!body.empty() && std::isspace(static_cast<unsigned char>(body.front()))) body.remove_prefix(1);
      while (!body.empty() && std::isspace(static_cast<unsigned char>(body.back()))) body.remove_suffix(1);
      doc.comments.push_back(
          {std::string(body), static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(close + 3)});
      at = src.find("<!--", close + 3);
    }
  }
}

void DocumentBuilder::finish() {
  collect_comments(doc_, raw_html_);
  doc_.text = std::move(text.text());
  doc_.origin = std::move(text.origin());
  const auto end = static_cast<std::uint32_t>(doc_.text.size());

  // A section runs to the next heading of the same or a higher level; the
  // text before the first heading, to that heading.
  for (std::size_t s = 0; s < doc_.sections.size(); ++s) {
    auto& section = doc_.sections[s];
    section.range.end = end;
    for (std::size_t t = s + 1; t < doc_.sections.size(); ++t) {
      if (doc_.sections[t].level <= section.level || section.heading_block < 0) {
        section.range.end = doc_.blocks[static_cast<std::size_t>(doc_.sections[t].heading_block)].range.begin;
        break;
      }
    }
  }

  // Paragraph units: each block, except that a paragraph ending in ":" takes
  // the list items that follow it ("We will tell you: - by e-mail ...").
  // A list item ending in ":" likewise takes the items nested below it.
  for (std::size_t b = 0; b < doc_.blocks.size(); ++b) {
    const Block& first = doc_.blocks[b];
    TextRange unit = first.range;
    const bool colon = unit.end > unit.begin && doc_.text[unit.end - 1] == ':';
    const bool lead_in = colon && (first.kind == BlockKind::paragraph || first.kind == BlockKind::list_item);
    while (lead_in && b + 1 < doc_.blocks.size() && doc_.blocks[b + 1].kind == BlockKind::list_item &&
           (first.kind == BlockKind::paragraph || doc_.blocks[b + 1].level > first.level)) {
      ++b;
      unit.end = doc_.blocks[b].range.end;
    }
    doc_.paragraphs.push_back(unit);
  }

  for (std::size_t b = 0; b < doc_.blocks.size(); ++b) {
    const auto& block = doc_.blocks[b];
    if (block.kind == BlockKind::heading) {
      doc_.sentences.push_back({block.range, static_cast<int>(b)});
      continue;
    }
    for (const TextRange r : split_sentences(doc_.slice(block.range)))
      doc_.sentences.push_back({{block.range.begin + r.begin, block.range.begin + r.end}, static_cast<int>(b)});
  }
}

}  // namespace clauselint
