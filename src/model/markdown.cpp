#include "clauselint/markdown.h"

#include <md4c.h>
#include <algorithm>

#include "model/document_builder.h"
#include "model/entities.h"
#include "model/front_matter.h"
#include "model/text_builder.h"

namespace clauselint {
namespace {

// Receives md4c's callbacks and turns them into blocks of normalised text.
class MarkdownReader {
 public:
  MarkdownReader(Document& doc, std::size_t body_offset)
      : doc_(doc), base_(doc.source->text().data()), size_(doc.source->text().size()), builder_(doc) {
    last_origin_ = static_cast<std::uint32_t>(body_offset);
  }

  int enter_block(MD_BLOCKTYPE type, void* detail) {
    finish_leaf();
    stack_.push_back(type);
    if (type == MD_BLOCK_HTML) html_begin_ = html_end_ = 0;
    if (type == MD_BLOCK_H) heading_level_ = static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
    return 0;
  }
  int leave_block(MD_BLOCKTYPE type) {
    finish_leaf();
    stack_.pop_back();
    // An HTML block's text is prose too (<div><p>...</p></div>): read it as HTML.
    if (type == MD_BLOCK_HTML && html_end_ > html_begin_) read_html(doc_, builder_, html_begin_, html_end_);
    return 0;
  }

  int enter_span(MD_SPANTYPE type, void* detail) {
    if (type == MD_SPAN_STRONG) ++strong_depth_;
    if (type == MD_SPAN_A) {
      const auto* a = static_cast<MD_SPAN_A_DETAIL*>(detail);
      links_.push_back({std::string(a->href.text, a->href.size), origin_of(a->href.text), text().size()});
    }
    return 0;
  }
  int leave_span(MD_SPANTYPE type) {
    if (type == MD_SPAN_STRONG) --strong_depth_;
    if (type == MD_SPAN_A && !links_.empty()) {
      const Link link = std::move(links_.back());
      links_.pop_back();
      show_destination(link);
    }
    return 0;
  }

  int on_text(MD_TEXTTYPE type, const MD_CHAR* p, MD_SIZE size) {
    if (!stack_.empty() && stack_.back() == MD_BLOCK_HTML) {
      if (inside(p)) {
        if (html_end_ == html_begin_) html_begin_ = origin_of(p);
        html_end_ = origin_of(p) + size;
      }
      return 0;
    }
    if (!stack_.empty() && type == MD_TEXT_HTML) {
      if (inside(p)) builder_.add_raw_html(origin_of(p), origin_of(p) + size);
      inline_html(std::string_view(p, size), p);
      return 0;
    }
    if (stack_.empty()) return 0;
    if (!open_) open_leaf();
    const std::string_view chunk(p, size);
    switch (type) {
      case MD_TEXT_BR:
      case MD_TEXT_SOFTBR: builder_.text.append_space(last_origin_); return 0;
      case MD_TEXT_NULLCHAR: builder_.text.append_mapped("\xEF\xBF\xBD", origin_of(p)); break;
      case MD_TEXT_ENTITY:
        builder_.text.append_mapped(decode_entity(chunk), origin_of(p));
        if (inside(p)) doc_.source_lengths[origin_of(p)] = static_cast<std::uint32_t>(size);
        break;
      default:
        if (inside(p))
          builder_.text.append_source(chunk, origin_of(p));
        else
          builder_.text.append_mapped(chunk, last_origin_);
    }
    if (inside(p)) last_origin_ = origin_of(p) + size;
    if (strong_depth_ == 0 && chunk.find_first_not_of(" \t\r\n") != std::string_view::npos) all_strong_ = false;
    return 0;
  }

  void finish() {
    finish_leaf();
    builder_.finish();
  }

 private:
  struct Link {
    std::string href;
    std::uint32_t origin;
    std::size_t text_begin;
  };

  std::string& text() { return builder_.text.text(); }

  // Inline <a href="...">...</a> in Markdown: its destination is shown like a
  // Markdown link's.
  void inline_html(std::string_view html, const char* p) {
    if (html.starts_with("</a") || html.starts_with("</A")) {
      if (!html_links_.empty()) {
        show_destination(html_links_.back());
        html_links_.pop_back();
      }
      return;
    }
    if (!(html.starts_with("<a ") || html.starts_with("<A ") || html.starts_with("<a\n"))) return;
    const auto at = html.find("href");
    if (at == std::string_view::npos) return;
    auto q = html.find_first_of("\"'", at);
    if (q == std::string_view::npos) return;
    const auto close = html.find(html[q], q + 1);
    if (close == std::string_view::npos) return;
    const std::string_view href = html.substr(q + 1, close - q - 1);
    if (!open_) open_leaf();
    html_links_.push_back({std::string(href), origin_of(p + q + 1), text().size()});
  }
  bool inside(const char* p) const { return p >= base_ && p < base_ + size_; }
  std::uint32_t origin_of(const char* p) const {
    return inside(p) ? static_cast<std::uint32_t>(p - base_) : last_origin_;
  }
  int list_depth() const { return static_cast<int>(std::count(stack_.begin(), stack_.end(), MD_BLOCK_LI)); }
  bool in_stack(MD_BLOCKTYPE type) const { return std::find(stack_.begin(), stack_.end(), type) != stack_.end(); }

  void open_leaf() {
    open_ = true;
    all_strong_ = true;
    quoted_ = in_stack(MD_BLOCK_QUOTE);
    level_ = 0;
    switch (stack_.back()) {
      case MD_BLOCK_H:
        kind_ = BlockKind::heading;
        level_ = heading_level_;
        break;
      case MD_BLOCK_LI:
        kind_ = BlockKind::list_item;
        level_ = list_depth();
        break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD: kind_ = BlockKind::table_cell; break;
      case MD_BLOCK_CODE: kind_ = BlockKind::code; break;
      default:
        kind_ = in_stack(MD_BLOCK_LI) ? BlockKind::list_item : BlockKind::paragraph;
        if (kind_ == BlockKind::list_item) level_ = list_depth();
    }
  }

  void finish_leaf() {
    if (!open_) return;
    open_ = false;
    builder_.add_block(kind_, level_, quoted_, all_strong_ && kind_ == BlockKind::paragraph);
  }

  // "[contact us](mailto:a@b.example)" reads "contact us <mailto:a@b.example>".
  void show_destination(const Link& link) {
    if (link.href.empty()) return;
    std::string_view shown = std::string_view(text()).substr(link.text_begin);
    if (shown.starts_with(' ')) shown.remove_prefix(1);
    std::string_view bare = link.href;
    if (bare.starts_with("mailto:")) bare.remove_prefix(7);
    if (shown == link.href || shown == bare) return;
    builder_.text.append_mapped(" <", link.origin);
    const bool contiguous =
        link.origin + link.href.size() <= size_ && std::string_view(base_ + link.origin, link.href.size()) == link.href;
    if (contiguous)
      builder_.text.append_source(link.href, link.origin);
    else
      builder_.text.append_mapped(link.href, link.origin);
    builder_.text.append_mapped(">", link.origin);
  }

  Document& doc_;
  const char* base_;
  std::size_t size_;
  DocumentBuilder builder_;
  std::vector<MD_BLOCKTYPE> stack_;
  std::vector<Link> links_;
  std::vector<Link> html_links_;
  std::uint32_t html_begin_ = 0;
  std::uint32_t html_end_ = 0;
  std::uint32_t last_origin_ = 0;
  int heading_level_ = 0;
  int strong_depth_ = 0;
  bool open_ = false;
  bool all_strong_ = false;
  bool quoted_ = false;
  int level_ = 0;
  BlockKind kind_ = BlockKind::paragraph;
};

}  // namespace

Document parse_markdown(std::shared_ptr<const SourceFile> source, std::vector<Diagnostic>& diagnostics) {
  Document doc;
  doc.source = std::move(source);
  const std::size_t body = read_front_matter(doc, diagnostics);
  MarkdownReader reader(doc, body);

  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS | MD_FLAG_NOINDENTEDCODEBLOCKS;
  parser.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) {
    return static_cast<MarkdownReader*>(u)->enter_block(t, d);
  };
  parser.leave_block = [](MD_BLOCKTYPE t, void*, void* u) { return static_cast<MarkdownReader*>(u)->leave_block(t); };
  parser.enter_span = [](MD_SPANTYPE t, void* d, void* u) { return static_cast<MarkdownReader*>(u)->enter_span(t, d); };
  parser.leave_span = [](MD_SPANTYPE t, void*, void* u) { return static_cast<MarkdownReader*>(u)->leave_span(t); };
  parser.text = [](MD_TEXTTYPE t, const MD_CHAR* p, MD_SIZE n, void* u) {
    return static_cast<MarkdownReader*>(u)->on_text(t, p, n);
  };
  const std::string& text = doc.source->text();
  if (md_parse(text.data() + body, static_cast<MD_SIZE>(text.size() - body), &parser, &reader) != 0)
    diagnostics.push_back({doc.source->path(), {}, Severity::error, "the Markdown parser failed on this file"});
  reader.finish();
  note_ignored_html_tags(doc, diagnostics);
  return doc;
}

}  // namespace clauselint
