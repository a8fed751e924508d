// The prefilter: one pass over a document finds, for every matcher, the
// blocks (paragraphs, headings, list items: the "\n"-separated parts of
// Document::text) where it can possibly match, so that its PCRE2 pattern
// runs on those blocks only.
//
// A matcher can match in a block only if the block contains the literal
// words its pattern requires (required_words.h: a tree of atoms, case-folded).
// The pass case-folds each block and looks up every 3-byte window in a hash
// of the atoms' first three bytes, then compares the candidates.
//
// Contract: results are identical with and without it (a block is skipped
// only when no match can end there); CLAUSELINT_NO_PREFILTER=1 turns it off,
// for the test that checks that.
// Cost: build is linear in the patterns' size (no regex compilation); a
// scan is linear in the text, plus the atoms compared at each candidate.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clauselint {

struct Matcher;

class Prefilter {
 public:
  explicit Prefilter(const std::vector<Matcher>& matchers);
  ~Prefilter();
  Prefilter(const Prefilter&) = delete;
  Prefilter& operator=(const Prefilter&) = delete;

  // What one document's pass found.
  class Scan {
   public:
    // The start offsets of the blocks where matcher `id` may match, in
    // order; nullopt when it must run everywhere (no usable atoms).
    std::optional<std::vector<std::uint32_t>> blocks_for(int id) const;

   private:
    friend class Prefilter;
    const Prefilter* owner_ = nullptr;
    std::vector<std::uint32_t> block_starts_;
    std::vector<std::vector<std::uint64_t>> atom_blocks_;  // per atom: a bitset over blocks (empty: nowhere)
    void evaluate(int node, std::vector<std::uint64_t>& out) const;
  };
  Scan scan(std::string_view text) const;

  // Matchers that have atoms (the others always run), and atoms in all.
  std::size_t filtered_matchers() const;
  std::size_t atoms() const;
  // For traces and tests: the matcher's tree, "all('privacy', any(...))".
  std::string describe(int id) const;

  // False when CLAUSELINT_NO_PREFILTER is set to a non-empty value other than "0".
  static bool enabled();

  // Atom trees computed at build time for the built-in packs' patterns
  // (tools/precompile_packs writes the table; the binary registers it before
  // loading any pack), so that start-up does not analyse them. A pattern not
  // in the table is analysed when the prefilter is built.
  static std::string table_line(std::string_view regex);  // one line of the table
  static void use_precomputed(std::string_view table);    // the table must outlive every Prefilter

 private:
  struct Tables;
  std::unique_ptr<Tables> t_;
};

}  // namespace clauselint
