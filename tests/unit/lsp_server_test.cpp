// The language server in-process: lifecycle, the protocol's errors, and
// thousands of random and truncated messages without a crash.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include <nlohmann/json.hpp>

#include "clauselint/lsp.h"
#include "lsp/documents.h"

using json = nlohmann::json;
using clauselint::lsp::LspServer;

namespace {

struct Session {
  std::vector<json> out;
  LspServer server{[this](std::string body) { out.push_back(json::parse(body)); }};
  json call(const json& message) {
    out.clear();
    server.handle(message.dump());
    return out.empty() ? json() : out.back();
  }
  json raw(std::string_view body) {
    out.clear();
    server.handle(body);
    return out.empty() ? json() : out.back();
  }
};

json request(int id, const std::string& method, json params = json::object()) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
}
json notification(const std::string& method, json params = json::object()) {
  return {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}
int error_code(const json& reply) { return reply.contains("error") ? reply["error"]["code"].get<int>() : 0; }

const char* kPolicy =
    "# Privacy policy\n\nWe collect your e-mail address.\n\n## Cookies\n\nWe use cookies.\n\n"
    "## Contact\n\nWrite to privacy@example.com.\n";

}  // namespace

TEST_CASE("lsp server: lifecycle and the protocol's errors", "[lsp]") {
  Session s;
  CHECK(error_code(s.call(request(1, "textDocument/hover"))) == -32002);
  CHECK(s.call(notification("textDocument/didOpen")).is_null());  // dropped before initialize
  const json init =
      s.call(request(2, "initialize", {{"capabilities", {{"general", {{"positionEncodings", {"utf-8", "utf-16"}}}}}}}));
  CHECK(init["result"]["capabilities"]["positionEncoding"] == "utf-8");
  CHECK(error_code(s.call(request(3, "initialize"))) == -32600);
  CHECK(error_code(s.raw("{oops")) == -32700);
  CHECK(s.raw("{oops")["id"].is_null());
  CHECK(error_code(s.raw("\"just a string\"")) == -32600);
  CHECK(error_code(s.raw("[]")) == -32600);
  CHECK(error_code(s.raw(R"({"jsonrpc":"2.0","id":{"x":1},"method":"shutdown"})")) == -32600);
  CHECK(error_code(s.raw(R"({"jsonrpc":"1.0","id":4,"method":"shutdown"})")) == -32600);
  CHECK(error_code(s.raw(R"({"jsonrpc":"2.0","id":4,"method":7})")) == -32600);
  CHECK(error_code(s.raw("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"a\xff\"}")) == -32700);  // invalid UTF-8
  CHECK(error_code(s.call(request(5, "no/such/method"))) == -32601);
  CHECK(s.call(notification("no/such/notification")).is_null());
  CHECK(s.raw(R"({"jsonrpc":"2.0","id":"x","result":null})").is_null());  // a reply to the server: ignored
  CHECK(error_code(s.call(request(6, "textDocument/hover", {{"textDocument", {{"uri", "file:///nope.md"}}}}))) ==
        -32602);
  CHECK(error_code(s.call(request(7, "textDocument/codeAction", {{"textDocument", 5}}))) == -32602);
  // Bad notification params: logged, no crash.
  const json logged = s.call(notification("textDocument/didOpen", {{"textDocument", {{"uri", 1}}}}));
  CHECK(logged["method"] == "window/logMessage");
  CHECK(!s.server.exit_code());
  CHECK(s.call(request(8, "shutdown"))["result"].is_null());
  CHECK(error_code(s.call(request(9, "textDocument/hover"))) == -32600);
  s.call(notification("exit"));
  CHECK(s.server.exit_code() == 0);
}

TEST_CASE("lsp server: hostile sizes and nesting", "[lsp]") {
  Session s;
  s.call(request(1, "initialize"));
  // A million levels of nesting: refused before parsing (no stack overflow).
  const std::string deep =
      R"({"jsonrpc":"2.0","id":2,"method":"x","params":)" + std::string(1000000, '[') + std::string(1000000, ']') + "}";
  CHECK(error_code(s.raw(deep)) == -32600);
  CHECK(s.raw(deep)["error"]["message"].get<std::string>().find("levels deep") != std::string::npos);
  CHECK(error_code(s.raw(std::string(3000000, '{'))) == -32600);
  // Brackets inside strings do not count.
  CHECK(
      error_code(s.raw(
          R"({"jsonrpc":"2.0","id":3,"method":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["})")) ==
      -32601);
  // A document larger than the policy limit: a diagnostic on it, no lint.
  const json big = s.call(notification("textDocument/didOpen", {{"textDocument",
                                                                 {{"uri", "untitled:big"},
                                                                  {"languageId", "markdown"},
                                                                  {"version", 1},
                                                                  {"text", std::string(17u << 20, 'a')}}}}));
  REQUIRE(big["params"]["diagnostics"].size() == 1);
  CHECK(big["params"]["diagnostics"][0]["message"].get<std::string>().find("too large") != std::string::npos);
}

TEST_CASE("lsp server: exit without shutdown is status 1", "[lsp]") {
  Session s;
  s.call(notification("exit"));
  CHECK(s.server.exit_code() == 1);
}

TEST_CASE("lsp server: diagnostics on open and change, in UTF-8 when negotiated", "[lsp]") {
  Session s;
  s.call(request(1, "initialize", {{"capabilities", {{"general", {{"positionEncodings", {"utf-8"}}}}}}}));
  const std::string uri = "untitled:policy";
  json published = s.call(
      notification("textDocument/didOpen",
                   {{"textDocument", {{"uri", uri}, {"languageId", "markdown"}, {"version", 1}, {"text", kPolicy}}}}));
  REQUIRE(published["method"] == "textDocument/publishDiagnostics");
  bool cookie = false;
  for (const json& d : published["params"]["diagnostics"])
    if (d["code"] == "cookie-opt-out") {
      cookie = true;
      CHECK(d["range"]["start"]["line"] == 4);  // the Cookies heading
      CHECK(d["severity"] == 1);
      CHECK(d["source"] == "clauselint");
    }
  CHECK(cookie);
  // Add a refusal to the Cookies section: the finding goes.
  published = s.call(notification(
      "textDocument/didChange",
      {{"textDocument", {{"uri", uri}, {"version", 2}}},
       {"contentChanges",
        {{{"range", {{"start", {{"line", 6}, {"character", 15}}}, {"end", {{"line", 6}, {"character", 15}}}}},
          {"text", " You can block or delete cookies in your browser's settings."}}}}}));
  for (const json& d : published["params"]["diagnostics"]) CHECK(d["code"] != "cookie-opt-out");
  // Not a policy: not linted.
  CHECK(
      s.call(notification("textDocument/didOpen",
                          {{"textDocument",
                            {{"uri", "file:///x/a.py"}, {"languageId", "python"}, {"version", 1}, {"text", "x = 1"}}}}))
          .is_null());
  // Text that is no policy (blank): a diagnostic, no crash.
  published = s.call(notification(
      "textDocument/didOpen",
      {{"textDocument", {{"uri", "untitled:blank"}, {"languageId", "markdown"}, {"version", 1}, {"text", "  \n"}}}}));
  CHECK(published["params"]["diagnostics"].size() == 1);
}

TEST_CASE("lsp server: thousands of random and truncated messages", "[lsp]") {
  const std::vector<std::string> seeds = {
      request(1, "initialize", {{"capabilities", json::object()}}).dump(),
      notification("textDocument/didOpen", {{"textDocument",
                                             {{"uri", "untitled:a"},
                                              {"languageId", "markdown"},
                                              {"version", 1},
                                              {"text", "# P\n\nWe use cookies. 📝\n"}}}})
          .dump(),
      notification(
          "textDocument/didChange",
          {{"textDocument", {{"uri", "untitled:a"}, {"version", 2}}},
           {"contentChanges",
            {{{"range", {{"start", {{"line", 2}, {"character", 3}}}, {"end", {{"line", 9}, {"character", 0}}}}},
              {"text", "x\r\ny"}}}}})
          .dump(),
      request(2, "textDocument/hover",
              {{"textDocument", {{"uri", "untitled:a"}}}, {"position", {{"line", 0}, {"character", 1}}}})
          .dump(),
      request(3, "textDocument/codeAction",
              {{"textDocument", {{"uri", "untitled:a"}}},
               {"range", {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 99}, {"character", 0}}}}}})
          .dump(),
      request(4, "shutdown").dump(),
  };
  std::mt19937 random(12);  // deterministic
  std::size_t replies = 0;
  LspServer server([&](std::string) { ++replies; });
  clauselint::lsp::FrameReader reader;
  for (int i = 0; i < 3000; ++i) {
    std::string message = seeds[random() % seeds.size()];
    switch (random() % 4) {
      case 0: message.resize(random() % (message.size() + 1)); break;  // truncated
      case 1:
        for (int k = 0; k < 4; ++k) message[random() % message.size()] = static_cast<char>(random());
        break;
      case 2: message.insert(random() % message.size(), message.substr(random() % message.size(), 12)); break;
      default: break;
    }
    server.handle(message);
    // The same through the framing, with some frames cut short.
    std::string framed = clauselint::lsp::frame(message);
    if (random() % 5 == 0) framed.resize(random() % framed.size());
    reader.feed(framed);
    while (auto f = reader.next()) {
      if (f->ok)
        server.handle(f->text);
      else
        server.framing_error(f->text);
    }
  }
  CHECK(replies > 1000);
}

namespace {

// Applies a TextEdit[] (non-overlapping, from one code action) to `text`, last first.
std::string apply_edits(std::string text, json edits, clauselint::lsp::Encoding e) {
  std::sort(edits.begin(), edits.end(), [](const json& a, const json& b) {
    return std::make_pair(a["range"]["start"]["line"].get<int>(), a["range"]["start"]["character"].get<int>()) >
           std::make_pair(b["range"]["start"]["line"].get<int>(), b["range"]["start"]["character"].get<int>());
  });
  for (const json& edit : edits) {
    const auto& r = edit["range"];
    clauselint::lsp::apply_change(text,
                                  clauselint::lsp::LspRange{{r["start"]["line"], r["start"]["character"]},
                                                            {r["end"]["line"], r["end"]["character"]}},
                                  edit["newText"].get<std::string>(), e);
  }
  return text;
}

json findings_of(const json& published, const std::string& rule) {
  json out = json::array();
  for (const json& d : published["params"]["diagnostics"])
    if (d.value("code", "") == rule) out.push_back(d);
  return out;
}

}  // namespace

TEST_CASE("lsp server: suppression code actions for matches, applied", "[lsp]") {
  Session s;
  s.call(request(1, "initialize"));
  const std::string text =
      "# Policy\n\nWe keep data safe.\nOur systems are 100% secure.\n\nOur servers are 100% secure.";
  json published = s.call(notification(
      "textDocument/didOpen",
      {{"textDocument", {{"uri", "untitled:m"}, {"languageId", "markdown"}, {"version", 1}, {"text", text}}}}));
  json matches = findings_of(published, "absolute-security-claim");
  REQUIRE(matches.size() == 2);
  CHECK(matches[0]["range"]["start"] == json({{"line", 3}, {"character", 16}}));
  std::string current = text;
  // On the first line of a paragraph: disable-next-line; inside a wrapped one: a disable/enable pair.
  for (const json& match : {matches[1], matches[0]}) {
    const json actions = s.call(request(2, "textDocument/codeAction",
                                        {{"textDocument", {{"uri", "untitled:m"}}},
                                         {"range", match["range"]},
                                         {"context", {{"diagnostics", json::array({match})}}}}))["result"];
    REQUIRE(actions.size() == 1);
    CHECK(actions[0]["title"].get<std::string>().find("Suppress absolute-security-claim") == 0);
    const json edits = actions[0]["edit"]["changes"]["untitled:m"];
    const std::string first = edits[0]["newText"];
    CHECK(first.find(" -- reason") != std::string::npos);
    current = apply_edits(current, edits, clauselint::lsp::Encoding::utf16);
    published =
        s.call(notification("textDocument/didChange", {{"textDocument", {{"uri", "untitled:m"}, {"version", 2}}},
                                                       {"contentChanges", {{{"text", current}}}}}));
  }
  CHECK(current.find("<!-- clauselint-disable-next-line absolute-security-claim -- reason") != std::string::npos);
  CHECK(current.find("<!-- clauselint-disable absolute-security-claim -- reason") != std::string::npos);
  CHECK(current.find("<!-- clauselint-enable absolute-security-claim -->") != std::string::npos);
  CHECK(findings_of(published, "absolute-security-claim").empty());
  CHECK(findings_of(published, "invalid-suppression").empty());
}

TEST_CASE("lsp server: the sample clause in HTML, under its heading", "[lsp]") {
  Session s;
  s.call(request(1, "initialize"));
  const std::string text =
      "<html><body>\n<h1>Privacy</h1>\n<p>Email privacy@example.com.</p>\n<h2>Cookies</h2>\n"
      "<p>We use cookies.</p>\n</body></html>\n";
  json published = s.call(notification(
      "textDocument/didOpen",
      {{"textDocument", {{"uri", "untitled:h.html"}, {"languageId", "html"}, {"version", 1}, {"text", text}}}}));
  const json missing = findings_of(published, "cookie-opt-out");
  REQUIRE(missing.size() == 1);
  CHECK(missing[0]["range"]["start"]["line"] == 3);
  const json actions = s.call(request(2, "textDocument/codeAction",
                                      {{"textDocument", {{"uri", "untitled:h.html"}}},
                                       {"range", missing[0]["range"]},
                                       {"context", {{"diagnostics", missing}}}}))["result"];
  json insert;
  for (const json& a : actions)
    if (a["title"] == "Insert a sample clause for cookie-opt-out") insert = a;
  REQUIRE(insert.is_object());
  const std::string fixed =
      apply_edits(text, insert["edit"]["changes"]["untitled:h.html"], clauselint::lsp::Encoding::utf16);
  CHECK(fixed.find("<h2>Cookies</h2>\n\n<p>") != std::string::npos);
  published =
      s.call(notification("textDocument/didChange", {{"textDocument", {{"uri", "untitled:h.html"}, {"version", 2}}},
                                                     {"contentChanges", {{{"text", fixed}}}}}));
  CHECK(findings_of(published, "cookie-opt-out").empty());
}

TEST_CASE("lsp server: the sample clause goes below a Setext heading's underline", "[lsp]") {
  Session s;
  s.call(request(1, "initialize"));
  const std::string text = "Privacy\n=======\n\nEmail privacy@example.com.\n\nCookies\n-------\nWe use cookies.\n";
  json published = s.call(notification(
      "textDocument/didOpen",
      {{"textDocument", {{"uri", "untitled:s"}, {"languageId", "markdown"}, {"version", 1}, {"text", text}}}}));
  const json missing = findings_of(published, "cookie-opt-out");
  REQUIRE(missing.size() == 1);
  CHECK(missing[0]["range"]["start"]["line"] == 5);
  const json actions = s.call(request(2, "textDocument/codeAction",
                                      {{"textDocument", {{"uri", "untitled:s"}}},
                                       {"range", missing[0]["range"]},
                                       {"context", {{"diagnostics", missing}}}}))["result"];
  REQUIRE(!actions.empty());
  const std::string fixed =
      apply_edits(text, actions[0]["edit"]["changes"]["untitled:s"], clauselint::lsp::Encoding::utf16);
  CHECK(fixed.find("Cookies\n-------\n\n") != std::string::npos);
  CHECK(fixed.find("\n\nWe use cookies.") != std::string::npos);  // a blank line keeps the paragraphs apart
  published = s.call(notification("textDocument/didChange", {{"textDocument", {{"uri", "untitled:s"}, {"version", 2}}},
                                                             {"contentChanges", {{{"text", fixed}}}}}));
  CHECK(findings_of(published, "cookie-opt-out").empty());
}
