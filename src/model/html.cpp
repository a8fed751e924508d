#include <gumbo.h>

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "clauselint/limits.h"
#include "clauselint/markdown.h"
#include "clauselint/parse.h"
#include "model/document_builder.h"
#include "model/entities.h"
#include "model/html_depth.h"

namespace clauselint {
namespace {

bool is_skipped(GumboTag tag) {
  return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_TEMPLATE || tag == GUMBO_TAG_HEAD ||
         tag == GUMBO_TAG_NOSCRIPT || tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_MATH || tag == GUMBO_TAG_IFRAME;
}

bool is_inline(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_A:
    case GUMBO_TAG_ABBR:
    case GUMBO_TAG_B:
    case GUMBO_TAG_BDI:
    case GUMBO_TAG_BDO:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_CITE:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_DATA:
    case GUMBO_TAG_DFN:
    case GUMBO_TAG_EM:
    case GUMBO_TAG_FONT:
    case GUMBO_TAG_I:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_INS:
    case GUMBO_TAG_DEL:
    case GUMBO_TAG_KBD:
    case GUMBO_TAG_LABEL:
    case GUMBO_TAG_MARK:
    case GUMBO_TAG_Q:
    case GUMBO_TAG_S:
    case GUMBO_TAG_SAMP:
    case GUMBO_TAG_SMALL:
    case GUMBO_TAG_SPAN:
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_SUB:
    case GUMBO_TAG_SUP:
    case GUMBO_TAG_TIME:
    case GUMBO_TAG_TT:
    case GUMBO_TAG_U:
    case GUMBO_TAG_VAR:
    case GUMBO_TAG_WBR:
    case GUMBO_TAG_BIG:
    case GUMBO_TAG_STRIKE:
    case GUMBO_TAG_NOBR: return true;
    default: return false;
  }
}

class HtmlReader {
 public:
  // `text` is the source text, or a copy of it with over-deep tags blanked.
  HtmlReader(Document& doc, DocumentBuilder& builder, const std::string& text)
      : doc_(doc), text_(text), builder_(builder) {}

  void walk(const GumboNode* node, int depth = 0) {
    if (depth > kMaxHtmlDepth) {  // deeper than any real page: its text, without structure, and no recursion
      walk_flat(node);
      return;
    }
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
      append_text(node->v.text);
      return;
    }
    if (node->type == GUMBO_NODE_COMMENT) {  // not prose; kept for suppressions
      const GumboText& c = node->v.text;
      if (inside(c.original_text.data)) {
        const auto begin = static_cast<std::uint32_t>(c.original_text.data - text_.data());
        builder_.add_raw_html(begin, begin + static_cast<std::uint32_t>(c.original_text.length));
      }
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT && node->type != GUMBO_NODE_TEMPLATE)
      return;
    const GumboTag tag = node->type == GUMBO_NODE_DOCUMENT ? GUMBO_TAG_HTML : node->v.element.tag;
    if (is_skipped(tag)) return;
    if (tag == GUMBO_TAG_BR) {
      builder_.text.append_space(last_origin_);
      return;
    }
    if (tag == GUMBO_TAG_IMG) {
      if (const GumboAttribute* alt = gumbo_get_attribute(&node->v.element.attributes, "alt")) append_attribute(*alt);
      return;
    }
    const bool inline_tag = is_inline(tag);
    if (!inline_tag) finish_leaf();
    const Context saved = context_;
    switch (tag) {
      case GUMBO_TAG_H1:
      case GUMBO_TAG_H2:
      case GUMBO_TAG_H3:
      case GUMBO_TAG_H4:
      case GUMBO_TAG_H5:
      case GUMBO_TAG_H6:
        context_.kind = BlockKind::heading;
        context_.level = static_cast<int>(tag - GUMBO_TAG_H1) + 1;
        break;
      case GUMBO_TAG_LI:
      case GUMBO_TAG_DT:
      case GUMBO_TAG_DD: context_.kind = BlockKind::list_item; break;
      case GUMBO_TAG_TD:
      case GUMBO_TAG_TH: context_.kind = BlockKind::table_cell; break;
      case GUMBO_TAG_PRE: context_.kind = BlockKind::code; break;
      case GUMBO_TAG_BLOCKQUOTE: context_.quoted = true; break;
      case GUMBO_TAG_STRONG:
      case GUMBO_TAG_B: ++context_.strong; break;
      default: break;
    }
    const GumboVector& children =
        node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) walk(static_cast<const GumboNode*>(children.data[i]), depth + 1);
    if (tag == GUMBO_TAG_A) show_destination(node);
    if (!inline_tag) finish_leaf();
    context_ = saved;
  }

  void finish() { finish_leaf(); }

  // The text of a subtree, in document order, with an explicit stack.
  void walk_flat(const GumboNode* root) {
    std::vector<const GumboNode*> pending = {root};
    while (!pending.empty()) {
      const GumboNode* node = pending.back();
      pending.pop_back();
      if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
        append_text(node->v.text);
        continue;
      }
      if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) continue;
      if (is_skipped(node->v.element.tag)) continue;
      if (node->v.element.tag == GUMBO_TAG_BR) {
        builder_.text.append_space(last_origin_);
        continue;
      }
      const GumboVector& children = node->v.element.children;
      for (unsigned i = children.length; i-- > 0;) pending.push_back(static_cast<const GumboNode*>(children.data[i]));
    }
  }

 private:
  struct Context {
    BlockKind kind = BlockKind::paragraph;
    int level = 0;
    bool quoted = false;
    int strong = 0;
  };

  bool inside(const char* p) const { return p >= text_.data() && p < text_.data() + text_.size(); }

  void open_leaf() {
    if (open_) return;
    open_ = true;
    all_strong_ = true;
    leaf_ = context_;
  }

  void finish_leaf() {
    if (!open_) return;
    open_ = false;
    builder_.add_block(leaf_.kind, leaf_.level, leaf_.quoted, all_strong_ && leaf_.kind == BlockKind::paragraph);
  }

  // Raw source text with entities decoded as we go, each character mapped
  // to its source offset.
  void append_raw(std::string_view raw, std::uint32_t origin) {
    std::size_t i = 0;
    while (i < raw.size()) {
      const std::size_t amp = raw.find('&', i);
      const std::size_t plain_end = amp == std::string_view::npos ? raw.size() : amp;
      builder_.text.append_source(raw.substr(i, plain_end - i), origin + static_cast<std::uint32_t>(i));
      if (amp == std::string_view::npos) break;
      // An entity is at most 32 bytes: look no further for its ';' (a search
      // to the end of the text for every '&' was quadratic).
      const std::size_t semi = raw.substr(0, std::min(raw.size(), amp + 34)).find(';', amp);
      const std::string_view entity =
          semi == std::string_view::npos || semi - amp > 32 ? raw.substr(amp, 1) : raw.substr(amp, semi - amp + 1);
      const std::string decoded = decode_entity(entity);
      const auto at = origin + static_cast<std::uint32_t>(amp);
      builder_.text.append_mapped(decoded, at);
      if (entity.size() > 1) doc_.source_lengths[at] = static_cast<std::uint32_t>(entity.size());
      i = amp + entity.size();
    }
    last_origin_ = origin + static_cast<std::uint32_t>(raw.size());
  }

  void append_text(const GumboText& t) {
    if (!open_) {
      if (std::string_view(t.text).find_first_not_of(" \t\r\n\f") == std::string_view::npos) return;
      open_leaf();
    }
    if (context_.strong == 0 && std::string_view(t.text).find_first_not_of(" \t\r\n\f") != std::string_view::npos)
      all_strong_ = false;
    if (inside(t.original_text.data)) {
      append_raw(std::string_view(t.original_text.data, t.original_text.length),
                 static_cast<std::uint32_t>(t.original_text.data - text_.data()));
    } else {
      builder_.text.append_mapped(t.text, static_cast<std::uint32_t>(t.start_pos.offset));
    }
  }

  // An attribute's value (alt text, a link destination), without its quotes.
  void append_attribute(const GumboAttribute& a) {
    if (std::string_view(a.value).empty()) return;
    open_leaf();
    std::string_view raw(a.original_value.data, a.original_value.length);
    std::uint32_t origin = static_cast<std::uint32_t>(a.value_start.offset);
    if (!raw.empty() && (raw.front() == '"' || raw.front() == '\'')) {
      raw = raw.substr(1, raw.size() >= 2 ? raw.size() - 2 : 0);
      ++origin;
    }
    if (inside(raw.data()))
      append_raw(raw, origin);
    else
      builder_.text.append_mapped(a.value, origin);
  }

  void show_destination(const GumboNode* node) {
    const GumboAttribute* href = gumbo_get_attribute(&node->v.element.attributes, "href");
    if (!href || std::string_view(href->value).empty() || !open_) return;
    std::string_view bare = href->value;
    if (bare.starts_with("mailto:")) bare.remove_prefix(7);
    const std::string& text = builder_.text.text();
    if (text.ends_with(bare) || text.ends_with(href->value)) return;  // the link text is the address
    builder_.text.append_mapped(" <", static_cast<std::uint32_t>(href->value_start.offset));
    append_attribute(*href);
    builder_.text.append_mapped(">", last_origin_);
  }

  Document& doc_;
  const std::string& text_;
  DocumentBuilder& builder_;
  Context context_;
  Context leaf_;
  bool open_ = false;
  bool all_strong_ = false;
  std::uint32_t last_origin_ = 0;
};

}  // namespace

void note_ignored_html_tags(const Document& doc, std::vector<Diagnostic>& diagnostics) {
  if (doc.ignored_html_tags == 0) return;
  diagnostics.push_back({doc.source->path(),
                         {},
                         Severity::note,
                         fmt::format("HTML nested more than {} elements deep: {} deeper tags were ignored (their text "
                                     "was read); see docs/limits.md",
                                     kMaxHtmlDepth, doc.ignored_html_tags)});
}

namespace {

void destroy_gumbo_output(const GumboOptions& options, GumboOutput* output) { gumbo_destroy_output(&options, output); }

}  // namespace

Document parse_html(std::shared_ptr<const SourceFile> source, std::vector<Diagnostic>& diagnostics) {
  // gumbo recovers from every error, as browsers do
  Document doc;
  doc.source = std::move(source);
  const std::string& text = doc.source->text();
  DocumentBuilder builder(doc);
  read_html(doc, builder, 0, static_cast<std::uint32_t>(text.size()));
  builder.finish();
  note_ignored_html_tags(doc, diagnostics);
  return doc;
}

void read_html(Document& doc, DocumentBuilder& builder, std::uint32_t begin, std::uint32_t end) {
  const std::string* text = &doc.source->text();
  std::string limited;  // a copy, only when the HTML may nest too deeply
  if (may_nest_deeper(*text, begin, end, kMaxHtmlDepth)) {
    limited = *text;
    if (const std::size_t n = limit_html_depth(limited, begin, end, kMaxHtmlDepth); n > 0) {
      text = &limited;
      doc.ignored_html_tags += n;
    }
  }
  // No parse errors recorded: gumbo copies the stack of open elements into
  // each one, so unclosed elements cost memory quadratic in their number
  // (3 GB for 120 KB of "<span>"), and clauselint does not report them.
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  GumboOutput* output = gumbo_parse_with_options(&options, text->data() + begin, end - begin);
  HtmlReader reader(doc, builder, *text);
  reader.walk(output->document);
  reader.finish();
  destroy_gumbo_output(options, output);
}

}  // namespace clauselint
