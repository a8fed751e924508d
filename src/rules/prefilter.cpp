#include "clauselint/prefilter.h"

#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <unordered_map>

#include <fmt/format.h>
#include <unicode/uchar.h>

#include "clauselint/content_hash.h"
#include "clauselint/pattern.h"
#include "clauselint/rule_set.h"
#include "model/utf8.h"
#include "rules/required_words.h"

namespace clauselint {
namespace {

constexpr int kHashBits = 16;

// The build-time table: regex hash and length -> serialised tree.
struct Precomputed {
  std::string_view table;
  std::once_flag once;
  std::unordered_map<std::uint64_t, std::pair<std::size_t, std::string_view>> trees;

  const std::string_view* find(std::string_view regex) {
    std::call_once(once, [this] {
      for (std::string_view rest = table; !rest.empty();) {
        const std::size_t end = rest.find('\n');
        std::string_view line = rest.substr(0, end);
        rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
        const std::size_t a = line.find(' '), b = line.find(' ', a + 1);
        if (a == std::string_view::npos || b == std::string_view::npos) continue;
        const std::uint64_t hash = std::strtoull(std::string(line.substr(0, a)).c_str(), nullptr, 16);
        const std::size_t length = std::strtoull(std::string(line.substr(a + 1, b - a - 1)).c_str(), nullptr, 10);
        trees[hash] = {length, line.substr(b + 1)};
      }
    });
    const auto it = trees.find(fnv1a(regex));
    return it != trees.end() && it->second.first == regex.size() ? &it->second.second : nullptr;
  }
};

Precomputed& precomputed() {
  static Precomputed p;
  return p;
}

std::uint32_t hash3(const char* p) {
  const std::uint32_t key = static_cast<unsigned char>(p[0]) | static_cast<unsigned char>(p[1]) << 8 |
                            static_cast<std::uint32_t>(static_cast<unsigned char>(p[2])) << 16;
  return (key * 2654435761u) >> (32 - kHashBits);
}

// True when `text` (valid UTF-8) has a character that PCRE2's \d matches
// with UCP: Unicode's decimal digits (ICU may know a newer Unicode: a few
// more, never fewer).
bool has_digit(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      if (byte >= '0' && byte <= '9') return true;
      ++i;
      continue;
    }
    std::size_t length = 1;
    bool valid = true;
    const char32_t cp = utf8::decode(text, i, length, valid);
    if (!valid || u_charType(static_cast<UChar32>(cp)) == U_DECIMAL_DIGIT_NUMBER) return true;
    i += length;
  }
  return false;
}

}  // namespace

struct Prefilter::Tables {
  struct Node {
    AtomTree::Kind kind;
    int atom = -1;
    std::vector<int> parts;
  };
  std::vector<std::string> atoms;
  std::map<std::string, int, std::less<>> atom_ids;
  std::vector<Node> nodes;
  std::vector<int> roots;  // per matcher: a node, or -1 (runs everywhere)
  std::vector<std::vector<int>> buckets = std::vector<std::vector<int>>(std::size_t{1} << kHashBits);
  std::vector<std::string> sources;  // per matcher, for describe()
  int digit_atom = -1;               // kDigitAtom's id, when a tree has it

  int add(const AtomTree& tree) {
    Node node{tree.kind, -1, {}};
    if (tree.kind == AtomTree::Kind::atom) {
      auto [it, inserted] = atom_ids.try_emplace(tree.atom, static_cast<int>(atoms.size()));
      if (inserted) {
        atoms.push_back(tree.atom);
        if (tree.atom == kDigitAtom)
          digit_atom = it->second;  // found by has_digit(), not by the hash
        else
          buckets[hash3(tree.atom.data())].push_back(it->second);
      }
      node.atom = it->second;
    }
    for (const auto& part : tree.parts) node.parts.push_back(add(part));
    nodes.push_back(std::move(node));
    return static_cast<int>(nodes.size()) - 1;
  }
};

Prefilter::Prefilter(const std::vector<Matcher>& matchers) : t_(std::make_unique<Tables>()) {
  for (const Matcher& m : matchers) {
    AtomTree tree;
    if (!m.pattern) {
    } else if (const std::string_view* known = precomputed().find(m.pattern->source())) {
      std::string_view text = *known;
      tree = deserialize(text);
    } else {
      tree = required_atoms(m.pattern->source());
    }
    t_->roots.push_back(tree.kind == AtomTree::Kind::everywhere ? -1 : t_->add(tree));
    t_->sources.push_back(m.pattern ? m.pattern->source() : std::string());
  }
}

Prefilter::~Prefilter() = default;

std::size_t Prefilter::filtered_matchers() const {
  std::size_t n = 0;
  for (const int root : t_->roots) n += root >= 0;
  return n;
}

std::size_t Prefilter::atoms() const { return t_->atoms.size(); }

std::string Prefilter::describe(int id) const {
  return to_string(required_atoms(t_->sources.at(static_cast<std::size_t>(id))));
}

std::string Prefilter::table_line(std::string_view regex) {
  return fmt::format("{:016x} {} {}\n", fnv1a(regex), regex.size(), serialize(required_atoms(regex)));
}

void Prefilter::use_precomputed(std::string_view table) { precomputed().table = table; }

bool Prefilter::enabled() {
  const char* off = std::getenv("CLAUSELINT_NO_PREFILTER");
  return !off || !*off || std::strcmp(off, "0") == 0;
}

Prefilter::Scan Prefilter::scan(std::string_view text) const {
  Scan scan;
  scan.owner_ = this;
  scan.block_starts_ = block_starts(text);
  const std::size_t words = (scan.block_starts_.size() + 63) / 64;
  scan.atom_blocks_.resize(t_->atoms.size());
  std::string folded;
  for (std::size_t block = 0; block < scan.block_starts_.size(); ++block) {
    const std::size_t begin = scan.block_starts_[block];
    const std::size_t end = block + 1 < scan.block_starts_.size() ? scan.block_starts_[block + 1] - 1 : text.size();
    folded.clear();
    normalize_block(text.substr(begin, end - begin), folded);
    const char* data = folded.data();
    const std::size_t size = folded.size();
    if (t_->digit_atom >= 0 && has_digit(text.substr(begin, end - begin))) {
      auto& bits = scan.atom_blocks_[static_cast<std::size_t>(t_->digit_atom)];
      if (bits.empty()) bits.resize(words);
      bits[block / 64] |= std::uint64_t{1} << (block % 64);
    }
    for (std::size_t p = 0; p + kMinAtomBytes <= size; ++p) {
      const auto& bucket = t_->buckets[hash3(data + p)];
      for (const int atom : bucket) {
        const std::string& a = t_->atoms[static_cast<std::size_t>(atom)];
        if (a.size() > size - p || std::memcmp(a.data(), data + p, a.size()) != 0) continue;
        auto& bits = scan.atom_blocks_[static_cast<std::size_t>(atom)];
        if (bits.empty()) bits.resize(words);
        bits[block / 64] |= std::uint64_t{1} << (block % 64);
      }
    }
  }
  return scan;
}

void Prefilter::Scan::evaluate(int index, std::vector<std::uint64_t>& out) const {
  const auto& node = owner_->t_->nodes[static_cast<std::size_t>(index)];
  const std::size_t words = (block_starts_.size() + 63) / 64;
  if (node.kind == AtomTree::Kind::atom) {
    const auto& bits = atom_blocks_[static_cast<std::size_t>(node.atom)];
    out = bits.empty() ? std::vector<std::uint64_t>(words) : bits;
    return;
  }
  const bool all = node.kind == AtomTree::Kind::all_of;
  out.assign(words, all ? ~std::uint64_t{0} : 0);
  std::vector<std::uint64_t> nested;
  for (const int part : node.parts) {
    const auto& child = owner_->t_->nodes[static_cast<std::size_t>(part)];
    const std::vector<std::uint64_t>* bits = &nested;
    if (child.kind == AtomTree::Kind::atom) {  // (most parts: no copy)
      bits = &atom_blocks_[static_cast<std::size_t>(child.atom)];
      if (bits->empty()) {
        if (all) std::fill(out.begin(), out.end(), 0);
        continue;
      }
    } else {
      evaluate(part, nested);
    }
    for (std::size_t w = 0; w < words; ++w) out[w] = all ? out[w] & (*bits)[w] : out[w] | (*bits)[w];
  }
}

std::optional<std::vector<std::uint32_t>> Prefilter::Scan::blocks_for(int id) const {
  const int root = owner_->t_->roots.at(static_cast<std::size_t>(id));
  if (root < 0) return std::nullopt;
  std::vector<std::uint64_t> bits;
  evaluate(root, bits);
  std::vector<std::uint32_t> out;
  for (std::size_t block = 0; block < block_starts_.size(); ++block)
    if (bits[block / 64] >> (block % 64) & 1) out.push_back(block_starts_[block]);
  return out;
}

}  // namespace clauselint
