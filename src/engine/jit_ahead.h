// JIT-compiles, on another thread, the patterns one document will search, in
// the order the rules ask for them, while this thread interprets; searches
// run the JIT code once it is there (pattern.h). For one file on a machine
// with a core to spare: a pre-commit hook, an editor's save. (A corpus run
// keeps every core busy and JIT-compiles the patterns that search most.)
// Private to src/engine/. Results do not depend on it: only which code runs.
#pragma once

#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

#include "clauselint/pattern.h"

namespace clauselint {

// Below this much text, interpreting every pattern costs less than compiling
// them (a 2 KB policy: the same time, a third more CPU).
inline constexpr std::size_t kJitAheadBytes = 8 * 1024;

class JitAhead {
 public:
  // The patterns must outlive this object.
  explicit JitAhead(std::vector<const Pattern*> patterns);
  ~JitAhead();  // waits for the pattern being compiled, and stops
  JitAhead(const JitAhead&) = delete;
  JitAhead& operator=(const JitAhead&) = delete;

 private:
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace clauselint
