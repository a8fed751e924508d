// The block memo: on this thread, what each pattern found in each block (a
// paragraph, heading or list item) it searched, so that a block seen again is
// not searched again. An archive of policies repeats most paragraphs (the same
// policy snapshot after snapshot, boilerplate shared between sites), and an
// editor re-lints a file whose paragraphs mostly did not change.
//
// Contract: findings are identical with and without it. A block's matches are
// reused only for the same pattern and the same acceptance check, on a block
// with the same text and the same characters before it, as far back as the
// pattern can look (its longest lookbehind, plus one for \b). A block whose
// search rejected a match, or a search that stopped early (a limit, the
// matching-time budget), is not remembered.
// Cost: a lookup per pattern and block searched; at most kMemoBytes per thread
// plus one document (a full memo is emptied before the next document).
// Off unless a MemoScope is active on the thread: the runner uses one when it
// lints more than one file, the language server always. CLAUSELINT_NO_MEMO=1
// turns it off everywhere (for the test that compares both).
#pragma once

#include <cstddef>

namespace clauselint {

inline constexpr std::size_t kMemoBytes = std::size_t{16} << 20;

class MemoScope {
 public:
  explicit MemoScope(bool on = true);
  ~MemoScope();
  MemoScope(const MemoScope&) = delete;
  MemoScope& operator=(const MemoScope&) = delete;

 private:
  bool previous_;
};

}  // namespace clauselint
