// JSON-RPC dispatch: the LSP lifecycle (initialize, shutdown, exit), document
// sync, hover and code actions, and the protocol's errors for bad input.
#include <fmt/format.h>

#include "clauselint/json_depth.h"
#include "clauselint/lsp.h"
#include "lsp/features.h"

namespace clauselint::lsp {
namespace {

enum ErrorCode {
  kParseError = -32700,
  kInvalidRequest = -32600,
  kMethodNotFound = -32601,
  kInvalidParams = -32602,
  kInternalError = -32603,
  kServerNotInitialized = -32002,
};

// LSP messages nest a few levels; nlohmann::json copies and destroys values
// recursively, so a body nested a million levels deep would overflow the stack.
constexpr int kMaxJsonDepth = 64;
// Bytes scanned to apply one didChange's edits (edits x document size).
constexpr double kMaxChangeWork = 4.0 * 1024 * 1024 * 1024;

// A params problem: answered with -32602 (requests) or logged (notifications).
struct BadParams {
  std::string what;
};

const json& member(const json& object, const char* key, json::value_t type, const char* what) {
  if (!object.is_object()) throw BadParams{fmt::format("{} must be an object", what)};
  const auto it = object.find(key);
  const bool ok =
      it != object.end() &&
      (it->type() == type || (type == json::value_t::number_integer && it->type() == json::value_t::number_unsigned));
  if (!ok) throw BadParams{fmt::format("{}.{} is missing or has the wrong type", what, key)};
  return *it;
}

int integer(const json& object, const char* key, const char* what) {
  const json& v = member(object, key, json::value_t::number_integer, what);
  const auto n = v.get<long long>();
  if (n < 0 || n > 0x7fffffff) throw BadParams{fmt::format("{}.{} is out of range", what, key)};
  return static_cast<int>(n);
}

LspPosition position_param(const json& p, const char* what) {
  return {integer(p, "line", what), integer(p, "character", what)};
}

LspRange range_param(const json& r, const char* what) {
  return {position_param(member(r, "start", json::value_t::object, what), what),
          position_param(member(r, "end", json::value_t::object, what), what)};
}

const std::string& string_param(const json& object, const char* key, const char* what) {
  return member(object, key, json::value_t::string, what).get_ref<const std::string&>();
}

}  // namespace

struct LspServer::Impl {
  std::function<void(std::string)> send;
  bool initialized = false;
  bool shut_down = false;
  std::optional<int> exit_code;
  Encoding encoding = Encoding::utf16;
  bool watch_registration = false;  // the client can watch files for us
  Workspace workspace;
  std::map<std::string, OpenDocument> documents;  // by URI

  void write(const json& message) { send(message.dump(-1, ' ', false, json::error_handler_t::replace)); }
  void respond(const json& id, json result) { write({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}}); }
  void error(const json& id, int code, const std::string& message) {
    write({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
  }
  void notify(const char* method, json params) {
    write({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }
  void log(int type, const std::string& message) {
    notify("window/logMessage", {{"type", type}, {"message", message}});
  }

  void handle(std::string_view body);
  void dispatch(const std::string& method, const json& params, const json* id);
  void request(const std::string& method, const json& params, const json& id);
  void notification(const std::string& method, const json& params);
  void register_watchers();
  void did_open(const json& params);
  void did_change(const json& params);
  json initialize(const json& params);
  void publish(OpenDocument& doc);
  void relint_all();
  OpenDocument& document(const json& params, const char* what);
};

void LspServer::Impl::handle(std::string_view body) {
  if (json_nested_deeper_than(body, kMaxJsonDepth)) {
    error(nullptr, kInvalidRequest, fmt::format("the message nests JSON more than {} levels deep", kMaxJsonDepth));
    return;
  }
  json message = json::parse(body, nullptr, false);  // no exceptions: discarded on error
  if (message.is_discarded()) {
    error(nullptr, kParseError, "the message is not valid JSON (or not valid UTF-8)");
    return;
  }
  if (!message.is_object()) {
    error(nullptr, kInvalidRequest,
          message.is_array() ? "batches are not supported by the Language Server Protocol"
                             : "a JSON-RPC message must be an object");
    return;
  }
  const auto id_it = message.find("id");
  const bool has_id = id_it != message.end();
  const bool id_ok = has_id && (id_it->is_string() || id_it->is_number_integer() || id_it->is_number_unsigned());
  const json id = id_ok ? *id_it : json(nullptr);
  const auto method_it = message.find("method");
  if (method_it == message.end()) {
    if (has_id && (message.contains("result") || message.contains("error"))) return;  // a reply to our request
    error(id, kInvalidRequest, "the message has no 'method'");
    return;
  }
  if (!method_it->is_string() || (has_id && !id_ok) || message.value("jsonrpc", json()) != "2.0") {
    error(id, kInvalidRequest,
          !method_it->is_string() ? "'method' must be a string"
          : (has_id && !id_ok)    ? "'id' must be a string or an integer"
                                  : "'jsonrpc' must be \"2.0\"");
    return;
  }
  const std::string& method = method_it->get_ref<const std::string&>();
  const auto params_it = message.find("params");
  const json params = params_it == message.end() ? json::object() : *params_it;
  if (params_it != message.end() && !params.is_object() && !params.is_array()) {
    if (has_id) error(id, kInvalidRequest, "'params' must be an object or an array");
    return;
  }
  try {
    dispatch(method, params, has_id ? &id : nullptr);
  } catch (const BadParams& e) {
    if (has_id)
      error(id, kInvalidParams, fmt::format("invalid params for {}: {}", method, e.what));
    else
      log(1, fmt::format("clauselint: ignored {}: {}", method, e.what));
  } catch (const std::exception& e) {
    if (has_id)
      error(id, kInternalError, fmt::format("{} failed: {}", method, e.what()));
    else
      log(1, fmt::format("clauselint: {} failed: {}", method, e.what()));
  }
}

void LspServer::Impl::dispatch(const std::string& method, const json& params, const json* id) {
  if (method == "exit") {
    exit_code = shut_down ? 0 : 1;
    return;
  }
  if (!initialized) {
    if (method == "initialize" && id) {
      respond(*id, initialize(params));
      initialized = true;
    } else if (id) {
      error(*id, kServerNotInitialized, fmt::format("'{}' before 'initialize'", method));
    }
    return;  // notifications before initialize are dropped
  }
  if (shut_down) {
    if (id) error(*id, kInvalidRequest, fmt::format("'{}' after 'shutdown': only 'exit' is expected", method));
    return;
  }
  if (id)
    request(method, params, *id);
  else
    notification(method, params);
}

void LspServer::Impl::request(const std::string& method, const json& params, const json& id) {
  if (method == "initialize") {
    error(id, kInvalidRequest, "'initialize' was already received");
  } else if (method == "shutdown") {
    shut_down = true;
    respond(id, nullptr);
  } else if (method == "textDocument/hover") {
    OpenDocument& doc = document(params, "params");
    const LspPosition at =
        position_param(member(params, "position", json::value_t::object, "params"), "params.position");
    respond(id, hover(doc, at, workspace.setup_for(doc.path).rules, encoding));
  } else if (method == "textDocument/codeAction") {
    OpenDocument& doc = document(params, "params");
    const LspRange range = range_param(member(params, "range", json::value_t::object, "params"), "params.range");
    respond(id, code_actions(doc, range, workspace.setup_for(doc.path).rules, encoding));
  } else {
    error(id, kMethodNotFound, fmt::format("unknown method '{}'", method));
  }
}

void LspServer::Impl::notification(const std::string& method, const json& params) {
  if (method == "initialized") {
    if (watch_registration) register_watchers();
  } else if (method == "textDocument/didOpen") {
    did_open(params);
  } else if (method == "textDocument/didChange") {
    did_change(params);
  } else if (method == "textDocument/didClose") {
    const std::string& uri =
        string_param(member(params, "textDocument", json::value_t::object, "params"), "uri", "params.textDocument");
    if (documents.erase(uri)) notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}});
  } else if (method == "workspace/didChangeWatchedFiles") {
    workspace.invalidate();
    relint_all();
  }
  // Other notifications (didSave, $/cancelRequest, $/setTrace, ...) need nothing.
}

void LspServer::Impl::register_watchers() {
  json watchers = json::array({{{"globPattern", "**/.clauselint.yaml"}}, {{"globPattern", "**/*.{yaml,yml}"}}});
  write({{"jsonrpc", "2.0"},
         {"id", "clauselint/watch-config"},
         {"method", "client/registerCapability"},
         {"params",
          {{"registrations", json::array({{{"id", "clauselint/watch-config"},
                                           {"method", "workspace/didChangeWatchedFiles"},
                                           {"registerOptions", {{"watchers", watchers}}}}})}}}});
}

void LspServer::Impl::did_open(const json& params) {
  const json& item = member(params, "textDocument", json::value_t::object, "params");
  OpenDocument doc;
  doc.uri = string_param(item, "uri", "params.textDocument");
  doc.language = string_param(item, "languageId", "params.textDocument");
  doc.text = string_param(item, "text", "params.textDocument");
  if (item.contains("version") && item["version"].is_number_integer()) doc.version = item["version"].get<int>();
  doc.path = path_from_uri(doc.uri);
  const auto format = policy_format(doc.language, doc.path);
  if (!format) return;  // not a policy: not ours to lint
  doc.format = *format;
  publish(documents.insert_or_assign(doc.uri, std::move(doc)).first->second);
}

void LspServer::Impl::did_change(const json& params) {
  OpenDocument& doc = document(params, "params");
  const json& changes = member(params, "contentChanges", json::value_t::array, "params");
  // Each change costs a pass over the text: a message of a million edits to
  // a large document would keep the server busy for hours (docs/limits.md).
  if (static_cast<double>(changes.size()) * static_cast<double>(doc.text.size() + 1024) > kMaxChangeWork) {
    log(1, fmt::format("clauselint: {} changes to a {}-byte document in one message are too many: ignored; "
                       "reopen the document",
                       changes.size(), doc.text.size()));
    return;
  }
  for (const json& change : changes) {
    const std::string& text = string_param(change, "text", "params.contentChanges[]");
    std::optional<LspRange> range;
    if (change.contains("range")) range = range_param(change["range"], "params.contentChanges[].range");
    if (range && doc.text.size() + text.size() > kMaxMessageBytes) {  // docs/limits.md
      log(1, fmt::format("clauselint: a change would make {} larger than {} bytes: ignored", doc.uri.substr(0, 200),
                         kMaxMessageBytes));
      continue;
    }
    apply_change(doc.text, range, text, encoding);
  }
  const json& item = params["textDocument"];
  if (item.contains("version") && item["version"].is_number_integer()) doc.version = item["version"].get<int>();
  publish(doc);
}

OpenDocument& LspServer::Impl::document(const json& params, const char* what) {
  const std::string& uri =
      string_param(member(params, "textDocument", json::value_t::object, what), "uri", "params.textDocument");
  const auto it = documents.find(uri);
  if (it == documents.end()) throw BadParams{fmt::format("the document {} is not open", uri.substr(0, 200))};
  return it->second;
}

json LspServer::Impl::initialize(const json& params) {
  if (!params.is_object()) throw BadParams{"params must be an object"};
  const json capabilities = params.value("capabilities", json::object());
  const json general = capabilities.is_object() ? capabilities.value("general", json::object()) : json::object();
  encoding = Encoding::utf16;
  if (general.is_object() && general.contains("positionEncodings") && general["positionEncodings"].is_array())
    for (const json& e : general["positionEncodings"])
      if (e == "utf-8") encoding = Encoding::utf8;
  const json workspace_caps =
      capabilities.is_object() ? capabilities.value("workspace", json::object()) : json::object();
  watch_registration = false;
  if (workspace_caps.is_object() && workspace_caps.contains("didChangeWatchedFiles")) {
    const json& watched = workspace_caps["didChangeWatchedFiles"];
    watch_registration =
        watched.is_object() && watched.contains("dynamicRegistration") && watched["dynamicRegistration"] == true;
  }
  return {{"capabilities",
           {{"positionEncoding", encoding == Encoding::utf8 ? "utf-8" : "utf-16"},
            {"textDocumentSync", {{"openClose", true}, {"change", 2}}},
            {"hoverProvider", true},
            {"codeActionProvider", {{"codeActionKinds", json::array({"quickfix"})}}}}},
          {"serverInfo", {{"name", "clauselint"}, {"version", CLAUSELINT_VERSION}}}};
}

void LspServer::Impl::publish(OpenDocument& doc) {
  const LintSetup setup = workspace.setup_for(doc.path);
  const auto problems = lint(doc, setup);
  json params = {{"uri", doc.uri}, {"diagnostics", document_diagnostics(doc, problems, setup, encoding)}};
  params["version"] = doc.version;
  notify("textDocument/publishDiagnostics", std::move(params));
  for (const auto& [file, list] : workspace.take_problem_changes())
    notify("textDocument/publishDiagnostics",
           {{"uri", uri_from_path(file)}, {"diagnostics", file_diagnostics(file, list, encoding)}});
}

void LspServer::Impl::relint_all() {
  for (auto& [uri, doc] : documents) publish(doc);
}

LspServer::LspServer(std::function<void(std::string)> send) : impl_(std::make_unique<Impl>()) {
  impl_->send = std::move(send);
}
LspServer::~LspServer() = default;

void LspServer::handle(std::string_view body) {
  try {
    impl_->handle(body);
  } catch (...) {  // out of memory, or a bug: the server goes on
    impl_->error(nullptr, kInternalError, "internal error handling a message");
  }
}

void LspServer::framing_error(std::string_view what) { impl_->error(nullptr, kParseError, std::string(what)); }

std::optional<int> LspServer::exit_code() const { return impl_->exit_code; }

}  // namespace clauselint::lsp
