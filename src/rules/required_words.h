// What literal text any match of a pattern must contain, as a tree of
// "atoms": the prefilter (prefilter.h) looks for the atoms in a block of
// text and runs the pattern only where its tree holds.
//
// The analysis reads PCRE2 syntax as the packs compile it (caseless, UTF,
// UCP) and may only over-approximate: a tree that holds for every text the
// pattern can match. Atoms are normalised (normalize_block below) and at
// least kMinAtomBytes long, or kDigitAtom (for \d); parts that give no usable atom (\w+, a long class, a
// dropped lookaround, an optional part) hold everywhere. A construct the
// analysis does not know (back-references, recursion, verbs, conditionals)
// gives a tree that holds everywhere: that pattern runs on every block.
//
// Cost: one pass over the pattern; the tree is small (sets of alternatives
// are cut at kMaxAlternatives).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace clauselint {

struct AtomTree {
  enum class Kind { everywhere, atom, all_of, any_of };
  Kind kind = Kind::everywhere;
  std::string atom;             // Kind::atom: case-folded literal text
  std::vector<AtomTree> parts;  // all_of, any_of
};

inline constexpr std::size_t kMinAtomBytes = 3;
// The atom a \d needs: a block with a decimal digit (any Unicode Nd, as
// PCRE2's \d with UCP). No normalised text holds its first byte.
inline constexpr std::string_view kDigitAtom =
    "\x01"
    "digit";
inline constexpr std::size_t kMaxAlternatives = 16;

AtomTree required_atoms(std::string_view pcre);

// The form atoms are written in and looked for: a block of valid UTF-8 with
// each character of \w (letters, numbers, "_") case-folded as PCRE2's
// caseless matching compares them, each run of other characters turned into
// one " ", and a " " at each end; appended to `out`. So "\bwe\b" needs " we "
// and "e-?mail" needs "email" or "e mail".
void normalize_block(std::string_view text, std::string& out);

// For tests and traces: "all('privacy', any('notify', 'inform'))".
std::string to_string(const AtomTree& tree);

// A compact form for the table built at build time (tools/precompile_packs):
// "*", "a7:privacy", "&2:" or "|2:" followed by two trees. deserialize()
// reads one tree from the front of `text` and moves past it; a malformed
// text gives a tree that holds everywhere.
std::string serialize(const AtomTree& tree);
AtomTree deserialize(std::string_view& text);

}  // namespace clauselint
