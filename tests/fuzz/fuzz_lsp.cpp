// libFuzzer target: the language server's message handling in-process. The
// input is a byte stream from a client: it is cut into frames (Content-Length
// headers, truncated or not) and each body is handled by a server that has
// been initialized and has a policy open; the whole input is also handled as
// one body. No crash, no hang, no leak, whatever the bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "clauselint/lsp.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::size_t sent = 0;
  clauselint::lsp::LspServer server([&](std::string body) { sent += body.size(); });
  server.handle(R"({"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{}}})");
  server.handle(
      R"({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":)"
      R"({"uri":"untitled:fuzz","languageId":"markdown","version":1,"text":"# Policy\n\n## Cookies\n\nWe use cookies. \ud83d\udcdd\n"}}})");
  clauselint::lsp::FrameReader reader;
  reader.feed(input);
  while (auto frame = reader.next()) {
    if (frame->ok)
      server.handle(frame->text);
    else
      server.framing_error(frame->text);
    if (server.exit_code()) return 0;
  }
  server.handle(input);
  return 0;
}
