#include "engine/jit_ahead.h"

namespace clauselint {

JitAhead::JitAhead(std::vector<const Pattern*> patterns)
    : thread_([this, patterns = std::move(patterns)] {
        for (const Pattern* p : patterns) {
          if (stop_.load(std::memory_order_relaxed)) return;
          p->compile_jit();
        }
      }) {}

JitAhead::~JitAhead() {
  stop_ = true;
  thread_.join();
}

}  // namespace clauselint
