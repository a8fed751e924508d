// A compiled PCRE2 pattern: caseless, UTF and UCP (Unicode-aware \w, \b, \d)
// by default, and matched with limits so that no pattern, however badly
// written, can hang a run.
//
// Cost: compile once per run (a deferred pattern on first use); searches are
// interpreted until the pattern has searched 64 KiB in all, then JIT-compiled
// (once, thread-safe): JIT compiling costs more than a one-file run saves,
// unless another core compiles them ahead (compile_jit(); the engine does so
// for a run of one file of 8 KiB or more, see src/engine/jit_ahead.h).
// find_all() scans a text once, O(n) for sane patterns. A match that exceeds
// the match or depth limit stops the scan and returns an error instead of
// hanging.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "clauselint/limits.h"

namespace clauselint {

struct Match {
  std::uint32_t begin = 0;  // byte offsets into the text searched
  std::uint32_t end = 0;
  bool operator==(const Match&) const = default;
};

class Pattern {
 public:
  struct Compiled;
  // Compiles `regex`. On failure returns null and sets `error` to PCRE2's
  // message and `error_offset` to the offset in `regex` where it failed.
  static std::shared_ptr<const Pattern> compile(std::string_view regex, std::string& error, std::size_t& error_offset);
  // A pattern compiled on first use: for the built-in packs, which the test
  // suite compiles (so that a run pays only for the patterns it uses). A
  // regex that does not compile makes each search report compile_error().
  // With `serialized` (serialize()'s bytes, which must outlive the pattern:
  // the built-in packs' images), first use decodes instead of compiling, and
  // compiles only when this PCRE2 refuses the bytes (another version).
  static std::shared_ptr<const Pattern> deferred(std::string_view regex, std::string_view serialized = {});
  // The compiled code as pcre2_serialize_encode() writes it (compiling a
  // deferred pattern now); "" when it does not compile.
  std::string serialize() const;
  // Compiles now if deferred; PCRE2's message, or "" when it compiles.
  std::string compile_error() const;
  // JIT-compiles now (once; thread-safe), so that later searches run the
  // JIT code: for a thread that prepares the patterns a file will need.
  void compile_jit() const;
  ~Pattern();
  Pattern(const Pattern&) = delete;
  Pattern& operator=(const Pattern&) = delete;

  // Appends every non-overlapping match in `text` (valid UTF-8) to `out`.
  // A match that `accept` rejects is dropped and the search goes on from its
  // second character, so it cannot hide a shorter match inside it.
  // Returns an empty string, or a message when a limit was hit.
  using Accept = bool (*)(std::string_view match, const void* context);
  std::string find_all(std::string_view text, std::vector<Match>& out, Accept accept = nullptr,
                       const void* context = nullptr) const;
  // What stopped a scan early (see find_in_blocks); empty `what` when none.
  struct Problem {
    enum class Kind { none, limit, rejections, budget } kind = Kind::none;
    std::string what;          // PCRE2's error, or the limit's description
    std::uint32_t offset = 0;  // text offset where the scan stopped
    explicit operator bool() const { return kind != Kind::none; }
  };
  // As find_all(), for a text of blocks joined by "\n" where no match may
  // span two blocks: each block is searched on its own (a match cannot run
  // past its block, so a rejected match is never retried across the whole
  // text), and the scan stops at the file's match budget (MatchBudget).
  // With `only`, just the blocks starting at those offsets (in order) are
  // searched: those where the prefilter (prefilter.h) found the pattern's words.
  // With `rejecting`, the start of each block where `accept` rejected a match.
  Problem find_in_blocks(std::string_view text, std::vector<Match>& out, Accept accept = nullptr,
                         const void* context = nullptr, const std::vector<std::uint32_t>* only = nullptr,
                         std::vector<std::uint32_t>* rejecting = nullptr) const;
  // True when the pattern matches somewhere in `text`.
  bool search(std::string_view text) const;

  const std::string& source() const { return source_; }
  // A number no other Pattern of this process has had: a key for memos.
  std::uint64_t id() const { return id_; }
  // How many characters before a match's start the pattern may inspect, at
  // most: one (\b, \B, (?m)^) without lookbehinds, else a bound from its
  // lookbehinds; compiles a deferred pattern. -1 when it does not compile.
  int reach_back() const;

 private:
  explicit Pattern(std::string source);
  std::string source_;
  std::uint64_t id_;
  Compiled* compiled_ = nullptr;
};

// The start offset of each block of `text`: the "\n"-separated parts that
// find_in_blocks() searches one by one (the first starts at 0, even when empty).
std::vector<std::uint32_t> block_starts(std::string_view text);

// The matching time one file may use, on this thread: set by the runner for
// each file (kMatchBudgetMs, or CLAUSELINT_MATCH_BUDGET_MS); find_in_blocks()
// stops once it is spent. Without a MatchBudget in scope there is no limit.
class MatchBudget {
 public:
  explicit MatchBudget(std::uint32_t milliseconds);
  ~MatchBudget();
  MatchBudget(const MatchBudget&) = delete;
  MatchBudget& operator=(const MatchBudget&) = delete;
  static bool spent();                      // the budget in scope on this thread is used up
  static std::uint32_t milliseconds();      // the budget in scope (0: none)
  static std::uint32_t from_environment();  // CLAUSELINT_MATCH_BUDGET_MS, else kMatchBudgetMs

 private:
  MatchBudget* previous_;
  std::int64_t deadline_ns_;
  std::uint32_t ms_;
};

// Limits applied to every match (see pcre2_set_match_limit/depth_limit).
inline constexpr std::uint32_t kMatchLimit = 1'000'000;
inline constexpr std::uint32_t kDepthLimit = 10'000;

}  // namespace clauselint
