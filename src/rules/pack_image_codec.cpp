// Encoding and decoding of compiled pack images (pack_image.h). The layout:
// "CLPK", version (4 bytes), payload size (8), FNV-1a of the payload (8),
// then the payload as ByteWriter fields in the order written below.
#include "rules/pack_image_codec.h"

#include <bit>
#include <cstring>

#include "clauselint/content_hash.h"
#include "clauselint/extractors.h"
#include "clauselint/pack_image.h"
#include "rules/byte_codec.h"

namespace clauselint {
namespace {

constexpr std::string_view kMagic = "CLPK";
constexpr std::uint32_t kImageVersion = 2;  // 2: pack_image_checksum()
constexpr std::size_t kHeaderSize = 4 + 4 + 8 + 8;
constexpr int kMaxConditionDepth = 256;  // packs nest far less (kMaxYamlDepth)
constexpr std::string_view kExtractPrefix = "extract: ";

enum MatcherKind : std::uint8_t { kRegex = 0, kExtractor = 1, kRegexWithCode = 3 };  // (2: unused)

template <typename T>
void put_fixed(std::string& out, T value) {
  for (std::size_t i = 0; i < sizeof(T); ++i) out += static_cast<char>((value >> (8 * i)) & 0xff);
}
template <typename T>
T get_fixed(std::string_view in, std::size_t at) {
  T value = 0;
  for (std::size_t i = 0; i < sizeof(T); ++i)
    value |= static_cast<T>(static_cast<unsigned char>(in[at + i])) << (8 * i);
  return value;
}

void put_strings(ByteWriter& w, const std::vector<std::string>& list) {
  w.u(list.size());
  for (const auto& s : list) w.str(s);
}
std::vector<std::string> get_strings(ByteReader& r) {
  std::vector<std::string> list(r.count());
  for (auto& s : list) s = r.str();
  return list;
}
void put_ints(ByteWriter& w, const std::vector<int>& list) {
  w.u(list.size());
  for (const int v : list) w.i(v);
}
std::vector<int> get_ints(ByteReader& r) {
  std::vector<int> list(r.count());
  for (int& v : list) v = static_cast<int>(r.i());
  return list;
}

void put_condition(ByteWriter& w, const Condition& c) {
  w.u(static_cast<std::uint64_t>(c.kind));
  w.i(c.matcher);
  w.str(c.front_matter);
  w.u(c.children.size());
  for (const auto& child : c.children) put_condition(w, child);
  w.u(c.within ? static_cast<std::uint64_t>(*c.within) + 1 : 0);
  w.i(c.near);
  w.i(c.at_least);
  put_ints(w, c.unless);
}
Condition get_condition(ByteReader& r, int depth) {
  Condition c;
  if (depth > kMaxConditionDepth) {
    r.fail();
    return c;
  }
  c.kind = static_cast<Condition::Kind>(r.u() % 5);
  c.matcher = static_cast<int>(r.i());
  c.front_matter = r.str();
  c.children.resize(r.count());
  for (auto& child : c.children) child = get_condition(r, depth + 1);
  if (const std::uint64_t within = r.u(); within > 0) c.within = static_cast<Scope>((within - 1) % 4);
  c.near = static_cast<int>(r.i());
  c.at_least = static_cast<int>(r.i());
  c.unless = get_ints(r);
  return c;
}
void put_optional(ByteWriter& w, const std::optional<Condition>& c) {
  w.u(c ? 1 : 0);
  if (c) put_condition(w, *c);
}
std::optional<Condition> get_optional(ByteReader& r) {
  if (r.u() == 0) return std::nullopt;
  return get_condition(r, 0);
}

void put_rule(ByteWriter& w, const Rule& rule) {
  for (const std::string* s :
       {&rule.id, &rule.pack, &rule.title, &rule.message, &rule.help, &rule.topic_message, &rule.weak_of})
    w.str(*s);
  w.u(rule.shared);
  w.u(static_cast<std::uint64_t>(rule.severity));
  w.u(static_cast<std::uint64_t>(rule.kind));
  w.u(static_cast<std::uint64_t>(rule.precision));
  for (const auto* list : {&rule.citations, &rule.tags, &rule.pass_examples, &rule.fail_examples})
    put_strings(w, *list);
  put_condition(w, rule.check);
  for (const auto* c : {&rule.when, &rule.topic, &rule.locate}) put_optional(w, *c);
  put_ints(w, rule.belongs_under);
  w.u(rule.elements.size());
  for (const auto& [name, condition] : rule.elements) {
    w.str(name);
    put_condition(w, condition);
  }
}
Rule get_rule(ByteReader& r) {
  Rule rule;
  for (std::string* s :
       {&rule.id, &rule.pack, &rule.title, &rule.message, &rule.help, &rule.topic_message, &rule.weak_of})
    *s = r.str();
  rule.shared = r.u() != 0;
  rule.severity = static_cast<Severity>(r.u() % 3);
  rule.kind = static_cast<Rule::Kind>(r.u() % 2);
  rule.precision = static_cast<Precision>(r.u() % 4);
  for (auto* list : {&rule.citations, &rule.tags, &rule.pass_examples, &rule.fail_examples}) *list = get_strings(r);
  rule.check = get_condition(r, 0);
  for (auto* c : {&rule.when, &rule.topic, &rule.locate}) *c = get_optional(r);
  rule.belongs_under = get_ints(r);
  rule.elements.resize(r.count());
  for (auto& [name, condition] : rule.elements) {
    name = r.str();
    condition = get_condition(r, 0);
  }
  return rule;
}

void put_matcher(ByteWriter& w, const Matcher& m, bool with_code) {
  w.str(m.source);
  w.str(m.name);
  const bool extractor = m.source.starts_with(kExtractPrefix) && m.name == m.source;  // as pack_terms.cpp makes them
  const std::string code = m.pattern && !extractor && with_code ? m.pattern->serialize() : "";
  w.u(extractor ? kExtractor : code.empty() ? kRegex : kRegexWithCode);  // (every matcher has a pattern)
  w.str(extractor ? m.source.substr(kExtractPrefix.size()) : m.pattern->source());
  if (!code.empty()) w.str(code);
}
// `keep_code`: the image's bytes outlive the process, so patterns may point
// into them for their serialized code.
Matcher get_matcher(ByteReader& r, bool keep_code) {
  Matcher m;
  m.source = r.str();
  m.name = r.str();
  const std::uint64_t kind = r.u();
  const std::string_view text = r.view();
  if (kind == kRegex || kind == kRegexWithCode) {
    const std::string_view code = kind == kRegexWithCode ? r.view() : std::string_view();
    m.pattern = Pattern::deferred(text, keep_code ? code : std::string_view());
  } else if (kind == kExtractor) {
    const Extractor* ex = find_extractor(text);
    if (!ex) {  // an extractor this binary lacks
      r.fail();
      return m;
    }
    m.pattern = Pattern::deferred(ex->regex);
    m.accept = ex->accept;
  } else {
    r.fail();  // an unknown kind: a matcher without a pattern would crash the evaluator
  }
  return m;
}

bool all_indexes_in(const Condition& c, std::size_t matchers) {
  auto in = [&](int i) { return i >= -1 && static_cast<std::size_t>(i + 1) <= matchers; };
  bool ok = in(c.matcher);
  for (const int u : c.unless) ok = ok && u >= 0 && in(u);
  for (const auto& child : c.children) ok = ok && all_indexes_in(child, matchers);
  return ok;
}
bool rule_indexes_in(const Rule& rule, std::size_t matchers) {
  bool ok = all_indexes_in(rule.check, matchers);
  for (const auto* c : {&rule.when, &rule.topic, &rule.locate}) ok = ok && (!*c || all_indexes_in(**c, matchers));
  for (const auto& element : rule.elements) ok = ok && all_indexes_in(element.second, matchers);
  for (const int m : rule.belongs_under) ok = ok && m >= 0 && static_cast<std::size_t>(m) < matchers;
  return ok;
}

void put_payload(ByteWriter& w, const PackImage& image, bool with_code) {
  for (const std::string* s : {&image.pack.name, &image.pack.file, &image.pack.description}) w.str(*s);
  w.u(image.pack.is_default);
  w.u(image.pack.library);
  w.i(image.name_line);
  w.i(image.name_column);
  w.u(image.vocabulary);
  w.u(image.fragments.size());
  for (const auto& [name, regex] : image.fragments) {
    w.str(name);
    w.str(regex);
  }
  w.u(image.matchers.size());
  for (const auto& m : image.matchers) put_matcher(w, m, with_code);
  w.u(image.rules.size());
  for (const auto& rule : image.rules) put_rule(w, rule);
  w.u(image.shared.size());
  for (const auto& ref : image.shared) {
    w.str(ref.id);
    put_strings(w, ref.citations);
    put_strings(w, ref.tags);
    w.i(ref.line);
    w.i(ref.column);
  }
  w.u(image.order.size());
  for (const bool is_shared : image.order) w.u(is_shared);
}

void get_payload(ByteReader& r, PackImage& image, bool keep_code) {
  for (std::string* s : {&image.pack.name, &image.pack.file, &image.pack.description}) *s = r.str();
  image.pack.is_default = r.u() != 0;
  image.pack.library = r.u() != 0;
  image.name_line = static_cast<int>(r.i());
  image.name_column = static_cast<int>(r.i());
  image.vocabulary = r.u() != 0;
  for (std::size_t n = r.count(); n > 0 && r.ok(); --n) {
    std::string name = r.str();
    image.fragments[name] = r.str();
  }
  image.matchers.resize(r.count());
  for (auto& m : image.matchers) m = get_matcher(r, keep_code);
  image.rules.resize(r.count());
  for (auto& rule : image.rules) rule = get_rule(r);
  image.shared.resize(r.count());
  for (auto& ref : image.shared) {
    ref.id = r.str();
    ref.citations = get_strings(r);
    ref.tags = get_strings(r);
    ref.line = static_cast<int>(r.i());
    ref.column = static_cast<int>(r.i());
  }
  image.order.resize(r.count());
  for (std::size_t i = 0; i < image.order.size(); ++i) image.order[i] = r.u() != 0;
}

}  // namespace

std::string encode_pack_image(const PackImage& image, bool with_code) {
  ByteWriter w;
  put_payload(w, image, with_code);
  std::string out(kMagic);
  put_fixed<std::uint32_t>(out, kImageVersion);
  put_fixed<std::uint64_t>(out, w.bytes().size());
  put_fixed<std::uint64_t>(out, pack_image_checksum(w.bytes()));
  return out + w.bytes();
}

bool pack_image_intact(std::string_view image) {
  return image.size() >= kHeaderSize && image.substr(0, 4) == kMagic &&
         get_fixed<std::uint32_t>(image, 4) == kImageVersion &&
         get_fixed<std::uint64_t>(image, 8) == image.size() - kHeaderSize &&
         get_fixed<std::uint64_t>(image, 16) == pack_image_checksum(image.substr(kHeaderSize));
}

std::uint64_t pack_image_checksum(std::string_view payload) {
  std::uint64_t h = kFnvOffset ^ payload.size();
  std::size_t i = 0;
  for (; i + 8 <= payload.size(); i += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, payload.data() + i, sizeof word);
    if constexpr (std::endian::native == std::endian::big) word = __builtin_bswap64(word);  // little-endian everywhere
    h = (h ^ word) * 0x9E3779B97F4A7C15ull;  // both steps are one-to-one: any one changed word changes h
    h ^= h >> 29;
  }
  return fnv1a(payload.substr(i), h);
}

std::optional<PackImage> decode_pack_image(std::string_view image, bool keep_code) {
  if (!pack_image_intact(image)) return std::nullopt;
  ByteReader r(image.substr(kHeaderSize));
  PackImage out;
  get_payload(r, out, keep_code);
  std::size_t own = 0, shared = 0;
  for (const bool is_shared : out.order) ++(is_shared ? shared : own);
  bool ok = r.ok() && r.at_end() && own == out.rules.size() && shared == out.shared.size();
  for (const auto& rule : out.rules) ok = ok && rule_indexes_in(rule, out.matchers.size());
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace clauselint
