#include "clauselint/bounded_read.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace clauselint {
namespace {

std::string size_text(std::size_t bytes) {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) return fmt::format("{} MiB", bytes / (1024 * 1024));
  if (bytes >= 1024 && bytes % 1024 == 0) return fmt::format("{} KiB", bytes / 1024);
  return fmt::format("{} bytes", bytes);
}

// Waits until `fd` has data (or its writer hung up); false after `ms`.
bool wait_readable(int fd, int ms) {
  pollfd p{fd, POLLIN, 0};
  for (;;) {
    const int rc = poll(&p, 1, ms);
    if (rc < 0 && errno == EINTR) continue;
    return rc > 0;
  }
}

// Opens `path` ("-": standard input, fd 0) for reading; -1, with `error`,
// when it cannot or must not be read (a directory, a socket).
int open_for_reading(const std::string& path, bool& named_fifo, std::string& error) {
  struct stat st {};
  if (path == "-") {
    if (fstat(0, &st) == 0 && S_ISDIR(st.st_mode)) {
      error = "standard input is a directory";
      return -1;
    }
    return 0;
  }
  if (stat(path.c_str(), &st) != 0) {
    error = std::strerror(errno);
    return -1;
  }
  if (S_ISDIR(st.st_mode)) {
    error = "it is a directory";
    return -1;
  }
  if (S_ISSOCK(st.st_mode)) {
    error = "it is a socket";
    return -1;
  }
  named_fifo = S_ISFIFO(st.st_mode);
  // O_NONBLOCK: opening a FIFO with no writer must not block.
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | (named_fifo ? O_NONBLOCK : 0));
  if (fd < 0) error = std::strerror(errno);
  return fd;
}

}  // namespace

BoundedRead read_bounded(const std::string& path, std::size_t limit, int fifo_wait_ms) {
  BoundedRead r;
  const bool is_stdin = path == "-";
  bool named_fifo = false;
  const int fd = open_for_reading(path, named_fifo, r.error);
  if (fd < 0) return r;
  if (named_fifo) {
    if (!wait_readable(fd, fifo_wait_ms)) {
      close(fd);
      r.error = fmt::format("it is a FIFO (named pipe) and nothing was written to it within {} s", fifo_wait_ms / 1000);
      return r;
    }
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  }
  std::size_t capacity = 64 * 1024;
  r.bytes.resize(std::min(capacity, limit + 1));
  std::size_t used = 0;
  for (;;) {
    if (used == r.bytes.size()) {
      if (used > limit) break;
      r.bytes.resize(std::min(r.bytes.size() * 2, limit + 1));
    }
    const ssize_t n = read(fd, r.bytes.data() + used, r.bytes.size() - used);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN && named_fifo && wait_readable(fd, fifo_wait_ms)) continue;
      r.error = errno == EAGAIN ? std::string("the FIFO's writer stopped writing") : std::strerror(errno);
      if (!is_stdin) close(fd);
      r.bytes.clear();
      return r;
    }
    if (n == 0) break;
    used += static_cast<std::size_t>(n);
  }
  if (!is_stdin) close(fd);
  r.bytes.resize(used);
  r.bytes.shrink_to_fit();  // the text is kept for the report: do not keep the 64 KiB read buffer with it
  r.too_large = used > limit;
  r.ok = !r.too_large;
  if (r.too_large) r.error = fmt::format("it is larger than the limit of {}", size_text(limit));
  return r;
}

std::string describe_read_failure(const BoundedRead& r, std::string_view what, std::size_t limit) {
  if (r.too_large) return fmt::format("{} is too large (more than {}): see docs/limits.md", what, size_text(limit));
  return fmt::format("cannot read {}: {}", what, r.error);
}

}  // namespace clauselint
