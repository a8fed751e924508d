// The language server, `clauselint lsp`: live diagnostics in editors over the
// Language Server Protocol (3.17), JSON-RPC framed on standard input/output.
//
// Contract: FrameReader cuts a byte stream into message bodies by their
// `Content-Length` headers; a bad or oversized header (limit kMaxMessageBytes)
// comes back as an error value, after which the reader resynchronises on the
// next header. LspServer::handle() takes one body and sends every response
// and notification (diagnostics, logs) through the sink it was built with.
// Nothing throws: malformed JSON gets -32700 (id null), a wrong shape -32600,
// an unknown method -32601 (unknown notifications are ignored), bad params
// -32602, a request before `initialize` -32002 and one after `shutdown`
// -32600. `exit` ends the server: status 0 after `shutdown`, else 1.
//
// Documents are Markdown, plain text or HTML, kept in sync by full or
// incremental changes, with positions in UTF-16 code units (the LSP default)
// or UTF-8 when the client offers it. Each one is linted with the rules of its
// nearest .clauselint.yaml (cached per config file, reloaded when it or its
// pack files change); config and pack errors are published on those files.
//
// Cost: each didOpen/didChange parses and lints the whole document once, on
// the calling thread (bench/lsp-latency.sh: a median of 10-15 ms for a 22 KB
// policy with the default packs); hover and code actions reuse that result.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace clauselint::lsp {

// The largest message body accepted (docs/limits.md).
inline constexpr std::size_t kMaxMessageBytes = 64u * 1024u * 1024u;
// The largest header block ("Content-Length: ...\r\n...\r\n\r\n").
inline constexpr std::size_t kMaxHeaderBytes = 8u * 1024u;

class FrameReader {
 public:
  struct Frame {
    bool ok = true;    // false: a framing error, `text` says what is wrong
    std::string text;  // the body, or the error message
  };
  void feed(std::string_view bytes);
  // The next complete body or framing error; nullopt until more bytes arrive.
  std::optional<Frame> next();
  // Bytes held that are not yet a complete message (a truncated stream).
  std::size_t pending() const { return buffer_.size() - start_; }

 private:
  bool resync();  // drops bytes up to the next "Content-Length"; false if none yet
  std::string buffer_;
  std::size_t start_ = 0;
  bool resyncing_ = false;
};

// "Content-Length: N\r\n\r\n" + body.
std::string frame(std::string_view body);

class LspServer {
 public:
  // `send` receives each outgoing message body (JSON text, valid UTF-8).
  explicit LspServer(std::function<void(std::string)> send);
  ~LspServer();
  LspServer(const LspServer&) = delete;
  LspServer& operator=(const LspServer&) = delete;

  void handle(std::string_view body);
  // Tells the client about a framing error (a -32700 response, id null).
  void framing_error(std::string_view what);
  // Set once `exit` arrived: the process exit status (0 after shutdown, else 1).
  std::optional<int> exit_code() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Runs a server on file descriptors (standard input and output for
// `clauselint lsp`) until `exit` or the end of input. Returns the exit status:
// that of `exit`, or 1 when the input ended without one.
int run_stdio(int in_fd, int out_fd);

}  // namespace clauselint::lsp
