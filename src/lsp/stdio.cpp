// The server on file descriptors: read, frame, handle, write.
#include <unistd.h>

#include <cerrno>
#include <csignal>

#include "clauselint/lsp.h"

namespace clauselint::lsp {
namespace {

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace

int run_stdio(int in_fd, int out_fd) {
  std::signal(SIGPIPE, SIG_IGN);  // a client that closed its end is an error from write(), not a kill
  bool output_ok = true;
  LspServer server([&](std::string body) { output_ok = output_ok && write_all(out_fd, frame(body)); });
  FrameReader reader;
  std::string chunk(64 * 1024, '\0');
  for (;;) {
    const ssize_t n = ::read(in_fd, chunk.data(), chunk.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return 1;  // the client went away without `exit`
    reader.feed(std::string_view(chunk.data(), static_cast<std::size_t>(n)));
    while (auto frame = reader.next()) {
      if (frame->ok)
        server.handle(frame->text);
      else
        server.framing_error(frame->text);
      if (const auto code = server.exit_code()) return *code;
    }
    if (!output_ok) return 1;  // the client closed its end
  }
}

}  // namespace clauselint::lsp
