// A progress line for long runs, on standard error: files done of all, MB/s
// and the time left ("clauselint: 1234/20000 files, 3.1 MB/s, 0:52 left").
// It redraws at most ten times a second, in place ("\r"), and clear()
// erases it so that other messages print on a clean line.
//
// Cost: a clock read per file; nothing when disabled.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdio>

namespace clauselint {

class Progress {
 public:
  Progress(std::size_t files, bool enabled, std::FILE* out = stderr);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void advance(std::size_t bytes);  // one more file done, of `bytes` bytes
  void clear();                     // erase the line (it comes back on the next advance)

  // Whether to show it by default: standard error is a terminal and the
  // report does not go to one (the user is waiting for a file or a pipe).
  static bool wanted();

 private:
  void draw();
  std::FILE* out_;
  bool enabled_;
  bool shown_ = false;
  std::size_t files_, done_ = 0, bytes_ = 0;
  std::chrono::steady_clock::time_point start_, drawn_;
};

}  // namespace clauselint
