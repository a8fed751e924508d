// The block memo's inside (the contract is in clauselint/block_memo.h), for
// the Evaluator. Private to src/engine/.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "clauselint/pattern.h"

namespace clauselint {

class BlockMemo;

// One document's searches through this thread's memo.
class RememberedSearch {
 public:
  // Null when no MemoScope is active on this thread (or CLAUSELINT_NO_MEMO).
  // Empties a full memo, so construct it before the document's searches.
  static BlockMemo* active();
  RememberedSearch(BlockMemo& memo, std::string_view text);

  // Pattern::find_in_blocks() (same arguments and results), answering from
  // the memo for the blocks it knows and remembering the others. `check`
  // identifies `accept` with its context: the same check, the same results.
  Pattern::Problem find_in_blocks(const Pattern& pattern, std::uintptr_t check, std::vector<Match>& out,
                                  Pattern::Accept accept, const void* context, const std::vector<std::uint32_t>* only);

 private:
  std::uint32_t block_id(std::size_t block);
  std::string_view lead(std::uint32_t start, int characters) const;

  BlockMemo& memo_;
  std::string_view text_;
  std::vector<std::uint32_t> starts_;  // every block's start offset
  std::vector<std::int64_t> ids_;      // per block: its id in the memo, or -1 (not looked up yet)
};

}  // namespace clauselint
