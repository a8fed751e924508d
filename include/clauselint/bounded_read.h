// Reading a whole file, or standard input, with a size limit that holds
// whatever the file is: never more than `limit` + 1 bytes are read (so
// /dev/zero, /dev/urandom or a huge file cost at most that), directories and
// sockets are refused with a clear reason, a named FIFO that nobody writes to
// is given up after `fifo_wait_ms`, and every read error (EIO, EISDIR,
// /proc/self/mem) is returned as a message, never thrown.
#pragma once

#include <cstddef>
#include <string>

namespace clauselint {

struct BoundedRead {
  bool ok = false;
  bool too_large = false;  // more than `limit` bytes: `bytes` holds limit + 1 of them
  std::string bytes;
  std::string error;  // when !ok: what went wrong, e.g. "is a directory", "Permission denied"
};

inline constexpr int kFifoWaitMs = 5000;  // a named FIFO with no writer: give up after this

// Reads `path` ("-" is standard input), at most `limit` + 1 bytes.
// The error text does not repeat the path.
BoundedRead read_bounded(const std::string& path, std::size_t limit, int fifo_wait_ms = kFifoWaitMs);

// The message for a failed read, e.g. "cannot read rule pack: is a directory"
// or "rule pack is too large (more than 4 MiB): ...".
std::string describe_read_failure(const BoundedRead& r, std::string_view what, std::size_t limit);

}  // namespace clauselint
