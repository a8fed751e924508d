#include "clauselint/progress.h"

#include <unistd.h>

#include <cmath>

#include <fmt/format.h>

namespace clauselint {

Progress::Progress(std::size_t files, bool enabled, std::FILE* out)
    : out_(out), enabled_(enabled), files_(files), start_(std::chrono::steady_clock::now()) {}

Progress::~Progress() { clear(); }

bool Progress::wanted() { return isatty(fileno(stderr)) != 0 && isatty(fileno(stdout)) == 0; }

void Progress::advance(std::size_t bytes) {
  ++done_;
  bytes_ += bytes;
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (shown_ && now - drawn_ < std::chrono::milliseconds(100) && done_ < files_) return;
  drawn_ = now;
  draw();
}

void Progress::draw() {
  const double seconds = std::chrono::duration<double>(drawn_ - start_).count();
  const double mb_per_s = seconds > 0 ? static_cast<double>(bytes_) / 1048576.0 / seconds : 0;
  const double left = done_ > 0 ? seconds / static_cast<double>(done_) * static_cast<double>(files_ - done_) : 0;
  const long whole = std::lround(left);
  std::fputs(fmt::format("\rclauselint: {}/{} files, {:.1f} MB/s, {}:{:02} left\x1b[K", done_, files_, mb_per_s,
                         whole / 60, whole % 60)
                 .c_str(),
             out_);
  std::fflush(out_);
  shown_ = true;
}

void Progress::clear() {
  if (!shown_) return;
  std::fputs("\r\x1b[K", out_);
  std::fflush(out_);
  shown_ = false;
}

}  // namespace clauselint
