// The AtomTree type's operations (rules/atom_tree.h and required_words.h):
// the combinators that keep trees flat and small, and the text forms for
// traces and for the table built at build time.
#include "rules/atom_tree.h"

#include <algorithm>
#include <cctype>
#include <unordered_set>

namespace clauselint {
namespace {

void print(const AtomTree& t, std::string& out) {
  switch (t.kind) {
    case AtomTree::Kind::everywhere: out += "*"; return;
    case AtomTree::Kind::atom: out += t.atom == kDigitAtom ? std::string("\\d") : "'" + t.atom + "'"; return;
    case AtomTree::Kind::all_of:
    case AtomTree::Kind::any_of:
      out += t.kind == AtomTree::Kind::all_of ? "all(" : "any(";
      for (std::size_t i = 0; i < t.parts.size(); ++i) {
        if (i) out += ", ";
        print(t.parts[i], out);
      }
      out += ")";
      return;
  }
}

}  // namespace

AtomTree everywhere() { return {}; }

AtomTree all_of(std::vector<AtomTree> parts) {
  AtomTree out{AtomTree::Kind::all_of, {}, {}};
  for (auto& p : parts) {
    if (p.kind == AtomTree::Kind::everywhere) continue;
    if (p.kind == AtomTree::Kind::all_of) {
      for (auto& q : p.parts) out.parts.push_back(std::move(q));
    } else {
      out.parts.push_back(std::move(p));
    }
  }
  if (out.parts.empty()) return everywhere();
  if (out.parts.size() == 1) return std::move(out.parts.front());
  return out;
}

AtomTree any_of(std::vector<AtomTree> parts) {
  AtomTree out{AtomTree::Kind::any_of, {}, {}};
  for (auto& p : parts) {
    if (p.kind == AtomTree::Kind::everywhere) return everywhere();
    if (p.kind == AtomTree::Kind::any_of) {
      for (auto& q : p.parts) out.parts.push_back(std::move(q));
    } else {
      out.parts.push_back(std::move(p));
    }
  }
  if (out.parts.empty()) return everywhere();
  if (out.parts.size() == 1) return std::move(out.parts.front());
  return out;
}

// Once per tree: in each any_of, duplicates go, and so does an atom that
// begins or ends with another alternative ("kind regards" or "regards"
// needs "regards").
void simplify(AtomTree& tree) {
  for (auto& part : tree.parts) simplify(part);
  if (tree.kind != AtomTree::Kind::any_of) return;
  AtomTree& out = tree;
  std::unordered_set<std::string_view> atoms;
  for (const auto& a : out.parts)
    if (a.kind == AtomTree::Kind::atom) atoms.insert(a.atom);
  auto implied = [&](const AtomTree& a) {  // a shorter alternative begins or ends it
    if (a.kind != AtomTree::Kind::atom) return false;
    const std::string_view text = a.atom;
    for (std::size_t length = kMinAtomBytes; length < text.size(); ++length)
      if (atoms.count(text.substr(0, length)) || atoms.count(text.substr(text.size() - length))) return true;
    return false;
  };
  std::vector<bool> drop;
  for (const auto& a : out.parts) drop.push_back(implied(a));
  std::vector<AtomTree> kept;
  for (std::size_t i = 0; i < out.parts.size(); ++i)
    if (!drop[i]) kept.push_back(std::move(out.parts[i]));
  out.parts = std::move(kept);
  std::sort(out.parts.begin(), out.parts.end(), [](const AtomTree& a, const AtomTree& b) {
    return a.kind == AtomTree::Kind::atom && b.kind == AtomTree::Kind::atom ? a.atom < b.atom : a.kind < b.kind;
  });
  out.parts.erase(std::unique(out.parts.begin(), out.parts.end(),
                              [](const AtomTree& a, const AtomTree& b) {
                                return a.kind == AtomTree::Kind::atom && b.kind == AtomTree::Kind::atom &&
                                       a.atom == b.atom;
                              }),
                  out.parts.end());
  if (out.parts.size() == 1) {
    AtomTree only = std::move(out.parts.front());
    tree = std::move(only);
  }
}

std::string to_string(const AtomTree& tree) {
  std::string out;
  print(tree, out);
  return out;
}

void serialize_into(const AtomTree& tree, std::string& out) {
  switch (tree.kind) {
    case AtomTree::Kind::everywhere: out += '*'; return;
    case AtomTree::Kind::atom: out += 'a' + std::to_string(tree.atom.size()) + ':' + tree.atom; return;
    case AtomTree::Kind::all_of:
    case AtomTree::Kind::any_of:
      out += (tree.kind == AtomTree::Kind::all_of ? '&' : '|') + std::to_string(tree.parts.size()) + ':';
      for (const auto& part : tree.parts) serialize_into(part, out);
      return;
  }
}

std::string serialize(const AtomTree& tree) {
  std::string out;
  serialize_into(tree, out);
  return out;
}

AtomTree deserialize(std::string_view& text) {
  if (text.empty()) return everywhere();
  const char kind = text.front();
  text.remove_prefix(1);
  if (kind == '*') return everywhere();
  std::size_t n = 0;
  while (!text.empty() && std::isdigit(static_cast<unsigned char>(text.front()))) {
    n = n * 10 + static_cast<std::size_t>(text.front() - '0');
    text.remove_prefix(1);
  }
  if (text.empty() || text.front() != ':') return everywhere();
  text.remove_prefix(1);
  if (kind == 'a') {
    if (n > text.size()) return everywhere();
    AtomTree atom{AtomTree::Kind::atom, std::string(text.substr(0, n)), {}};
    text.remove_prefix(n);
    return atom;
  }
  if (kind != '&' && kind != '|') return everywhere();
  AtomTree tree{kind == '&' ? AtomTree::Kind::all_of : AtomTree::Kind::any_of, {}, {}};
  for (std::size_t i = 0; i < n; ++i) {
    if (text.empty()) return everywhere();  // cut short: an any_of missing parts would hold too rarely
    tree.parts.push_back(deserialize(text));
  }
  return tree;
}

}  // namespace clauselint
