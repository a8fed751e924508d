#include "clauselint/pattern.h"

#include <pcre2.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <mutex>

#include <fmt/format.h>

#include "clauselint/safe_text.h"

namespace clauselint {

namespace {

constexpr std::uint32_t kCompileOptions = PCRE2_CASELESS | PCRE2_UTF | PCRE2_UCP | PCRE2_USE_OFFSET_LIMIT;

std::string error_text(int code) {
  PCRE2_UCHAR buffer[256];
  pcre2_get_error_message(code, buffer, sizeof buffer);
  return reinterpret_cast<const char*>(buffer);
}

}  // namespace

// When a pattern has searched this many bytes (in all threads), it is
// JIT-compiled: compiling costs more than interpreting a few kilobytes, so a
// one-file run interprets most patterns and a corpus run JITs the busy ones.
// CLAUSELINT_JIT_AFTER_BYTES overrides it (0: at once), for the test that
// checks both give the same findings.
std::size_t jit_after_bytes() {
  static const std::size_t bytes = [] {
    const char* value = std::getenv("CLAUSELINT_JIT_AFTER_BYTES");
    return value && *value ? static_cast<std::size_t>(std::strtoull(value, nullptr, 10)) : std::size_t{64 * 1024};
  }();
  return bytes;
}
struct Pattern::Compiled {
  pcre2_code* code = nullptr;             // for the interpreter
  std::atomic<pcre2_code*> jit{nullptr};  // a JIT-compiled copy, once it pays
  std::atomic<std::size_t> searched{0};   // bytes searched so far
  std::string error;                      // a deferred pattern that did not compile
  std::string_view serialized;            // pcre2_serialize_encode()'s bytes, tried before compiling
  std::once_flag compile_once, jit_once;

  ~Compiled() {
    pcre2_code_free(jit.load());
    pcre2_code_free(code);
  }

  // The code to search `bytes` bytes with: compiled on first use (a deferred
  // pattern), JIT-compiled once it has searched jit_after_bytes(). Null when
  // it does not compile (see `error`).
  pcre2_code* ready(const std::string& source, std::size_t bytes) {
    std::call_once(compile_once, [&] {
      if (code) return;
      // Code serialized by another PCRE2 version or build is refused; compile then.
      if (!serialized.empty() &&
          pcre2_serialize_decode(&code, 1, reinterpret_cast<const std::uint8_t*>(serialized.data()), nullptr) != 1)
        code = nullptr;
      if (code) return;
      int rc = 0;
      PCRE2_SIZE offset = 0;
      code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(source.data()), source.size(), kCompileOptions, &rc, &offset,
                           nullptr);
      if (!code) error = fmt::format("invalid regex: {} at offset {}", error_text(rc), offset);
    });
    if (!code) return nullptr;
    if (pcre2_code* compiled = jit.load(std::memory_order_acquire)) return compiled;
    if (searched.fetch_add(bytes) + bytes < jit_after_bytes()) return code;
    compile_jit();
    pcre2_code* compiled = jit.load(std::memory_order_acquire);
    return compiled ? compiled : code;
  }

  // JIT-compiles `code` once. A copy, because JIT-compiling a code other
  // threads match with is not safe.
  void compile_jit() {
    std::call_once(jit_once, [&] {
      pcre2_code* copy = pcre2_code_copy(code);
      if (copy && pcre2_jit_compile(copy, PCRE2_JIT_COMPLETE) == 0)
        jit.store(copy, std::memory_order_release);
      else
        pcre2_code_free(copy);
    });
  }
};

namespace {

// Per-thread match context with the limits and a JIT stack large enough for
// long alternations; shared by every pattern matched on that thread.
struct MatchContext {
  pcre2_match_context* context = nullptr;
  pcre2_jit_stack* jit_stack = nullptr;
  MatchContext() {
    context = pcre2_match_context_create(nullptr);
    pcre2_set_match_limit(context, kMatchLimit);
    pcre2_set_depth_limit(context, kDepthLimit);
    jit_stack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, nullptr);
    if (jit_stack) pcre2_jit_stack_assign(context, nullptr, jit_stack);
  }
  ~MatchContext() {
    pcre2_jit_stack_free(jit_stack);
    pcre2_match_context_free(context);
  }
  MatchContext(const MatchContext&) = delete;
  MatchContext& operator=(const MatchContext&) = delete;
};

// The match in `data`: kept in `out` unless `accept` rejects it; `start`
// moves past it, or one code point on (not past `end`) when it was rejected
// or empty, so that a shorter match inside it is still found. True when rejected.
bool take_match(pcre2_match_data* data, std::string_view text, std::size_t end, Pattern::Accept accept,
                const void* context, std::vector<Match>& out, PCRE2_SIZE& start) {
  const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(data);
  const bool rejected = ov[1] > ov[0] && accept && !accept(text.substr(ov[0], ov[1] - ov[0]), context);
  if (ov[1] > ov[0] && !rejected) out.push_back({static_cast<std::uint32_t>(ov[0]), static_cast<std::uint32_t>(ov[1])});
  start = rejected ? ov[0] : ov[1];
  if (rejected || ov[1] == ov[0]) {
    ++start;
    while (start < end && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) ++start;
  }
  return rejected;
}

std::atomic<std::uint64_t> next_pattern_id{1};

pcre2_match_context* match_context() {
  thread_local MatchContext ctx;
  return ctx.context;
}

}  // namespace

Pattern::Pattern(std::string source) : source_(std::move(source)), id_(next_pattern_id++), compiled_(new Compiled) {}

int Pattern::reach_back() const {
  pcre2_code* const code = compiled_->ready(source_, 0);
  std::uint32_t longest = 0;
  if (!code || pcre2_pattern_info(code, PCRE2_INFO_MAXLOOKBEHIND, &longest) != 0) return -1;
  // Without lookbehinds only \b, \B and (?m)^ look back: one character. A
  // lookbehind may start with \b or hold another lookbehind, which PCRE2's
  // longest one does not count: each "(?<" or "(*" (named groups and verbs
  // too: a bound, not the exact reach) may add its length.
  std::size_t lookbehinds = 0;
  for (const std::string_view opening : {"(?<", "(*"})
    for (std::size_t at = source_.find(opening); at != std::string::npos; at = source_.find(opening, at + 1))
      ++lookbehinds;
  return lookbehinds == 0 ? 1 : static_cast<int>(lookbehinds * longest + 1);
}

Pattern::~Pattern() { delete compiled_; }

std::shared_ptr<const Pattern> Pattern::compile(std::string_view regex, std::string& error, std::size_t& error_offset) {
  int code = 0;
  PCRE2_SIZE offset = 0;
  pcre2_code* compiled =
      pcre2_compile(reinterpret_cast<PCRE2_SPTR>(regex.data()), regex.size(), kCompileOptions, &code, &offset, nullptr);
  if (!compiled) {
    error = error_text(code);
    error_offset = offset;
    return nullptr;
  }
  std::shared_ptr<Pattern> pattern(new Pattern(std::string(regex)));
  pattern->compiled_->code = compiled;
  return pattern;
}

std::shared_ptr<const Pattern> Pattern::deferred(std::string_view regex, std::string_view serialized) {
  std::shared_ptr<Pattern> pattern(new Pattern(std::string(regex)));
  pattern->compiled_->serialized = serialized;
  return pattern;
}

std::string Pattern::serialize() const {
  pcre2_code* code = compiled_->ready(source_, 0);
  const pcre2_code* codes[] = {code};
  std::uint8_t* bytes = nullptr;
  PCRE2_SIZE size = 0;
  if (!code || pcre2_serialize_encode(codes, 1, &bytes, &size, nullptr) != 1) return {};
  std::string out(reinterpret_cast<const char*>(bytes), size);
  pcre2_serialize_free(bytes);
  return out;
}

void Pattern::compile_jit() const {
  if (compiled_->ready(source_, 0)) compiled_->compile_jit();
}

std::string Pattern::compile_error() const {
  compiled_->ready(source_, 0);
  return compiled_->error;
}

std::string Pattern::find_all(std::string_view text, std::vector<Match>& out, Accept accept,
                              const void* context) const {
  pcre2_code* const code = compiled_->ready(source_, text.size());
  if (!code) return compiled_->error;
  pcre2_match_data* data = pcre2_match_data_create_from_pattern(code, nullptr);
  std::string problem;
  PCRE2_SIZE start = 0;
  while (start <= text.size()) {
    const int rc = pcre2_match(code, reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), start, PCRE2_NO_UTF_CHECK,
                               data, match_context());
    if (rc == PCRE2_ERROR_NOMATCH) break;
    if (rc < 0) {
      problem = fmt::format("pattern '{}' stopped: {}", shorten(source_), error_text(rc));
      break;
    }
    take_match(data, text, text.size(), accept, context, out, start);
  }
  pcre2_match_data_free(data);
  pcre2_set_offset_limit(match_context(), PCRE2_UNSET);
  return problem;
}

namespace {

thread_local MatchBudget* current_budget = nullptr;
constexpr PCRE2_SIZE kMatchWindow = 1024;  // bytes of start positions per pcre2_match call

std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

MatchBudget::MatchBudget(std::uint32_t milliseconds)
    : previous_(current_budget), deadline_ns_(now_ns() + std::int64_t{milliseconds} * 1'000'000), ms_(milliseconds) {
  current_budget = this;
}

MatchBudget::~MatchBudget() { current_budget = previous_; }

bool MatchBudget::spent() {
  return current_budget && current_budget->ms_ > 0 && now_ns() > current_budget->deadline_ns_;
}

std::uint32_t MatchBudget::milliseconds() { return current_budget ? current_budget->ms_ : 0; }

std::uint32_t MatchBudget::from_environment() {
  if (const char* value = std::getenv("CLAUSELINT_MATCH_BUDGET_MS"); value && *value) {
    char* end = nullptr;
    const unsigned long ms = std::strtoul(value, &end, 10);
    if (end && *end == '\0' && ms > 0 && ms <= 3'600'000) return static_cast<std::uint32_t>(ms);
  }
  return kMatchBudgetMs;
}

namespace {

// The bytes find_in_blocks searches: the whole text, or the listed blocks.
std::size_t bytes_to_search(std::string_view text, const std::vector<std::uint32_t>* only) {
  if (!only) return text.size();
  std::size_t bytes = 0;
  for (const std::uint32_t start : *only) bytes += std::min(text.find('\n', start), text.size()) - start;
  return bytes;
}

}  // namespace

Pattern::Problem Pattern::find_in_blocks(std::string_view text, std::vector<Match>& out, Accept accept,
                                         const void* context, const std::vector<std::uint32_t>* only,
                                         std::vector<std::uint32_t>* rejecting) const {
  Problem problem;
  auto budget_spent = [&](std::size_t at) {
    if (!MatchBudget::spent()) return false;
    problem = {Problem::Kind::budget,
               fmt::format("the file's matching time ({} ms) was used up", MatchBudget::milliseconds()),
               static_cast<std::uint32_t>(at)};
    return true;
  };
  if (budget_spent(0) || (only && only->empty())) return problem;  // (no compilation for nothing)
  pcre2_code* const code = compiled_->ready(source_, bytes_to_search(text, only));
  if (!code) return {Problem::Kind::limit, compiled_->error, 0};
  pcre2_match_data* data = pcre2_match_data_create_from_pattern(code, nullptr);
  std::size_t rejections = 0;
  // Every block in turn, or only those listed (the prefilter's).
  std::size_t listed = 0;
  for (std::size_t block = only ? (only->empty() ? text.size() + 1 : (*only)[0]) : 0;
       block <= text.size() && !problem;) {
    std::size_t block_end = text.find('\n', block);
    if (block_end == std::string_view::npos) block_end = text.size();
    // The subject ends at the block's end: a multiline "$" or "(?=\n|$)" still holds there.
    const std::string_view subject = text.substr(0, block_end);
    PCRE2_SIZE start = block;
    while (start <= block_end) {
      // Matches may start only within a window, so that the budget is checked
      // often even when one search of a long block would take minutes.
      const PCRE2_SIZE window_end = std::min<PCRE2_SIZE>(start + kMatchWindow, block_end);
      pcre2_set_offset_limit(match_context(), window_end);
      const int rc = pcre2_match(code, reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(), start,
                                 PCRE2_NO_UTF_CHECK, data, match_context());
      if (rc == PCRE2_ERROR_NOMATCH) {
        if (window_end >= block_end) break;
        start = window_end + 1;
        while (start < block_end && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) ++start;
        if (budget_spent(start)) break;
        continue;
      }
      if (rc < 0) {
        problem = {Problem::Kind::limit, error_text(rc), static_cast<std::uint32_t>(start)};
        break;
      }
      const bool rejected = take_match(data, text, block_end, accept, context, out, start);
      if (rejected && rejecting && (rejecting->empty() || rejecting->back() != block))
        rejecting->push_back(static_cast<std::uint32_t>(block));
      if (rejected && ++rejections > kMaxRejectedMatches) {
        problem = {Problem::Kind::rejections,
                   fmt::format("more than {} of its matches were rejected and retried", kMaxRejectedMatches),
                   static_cast<std::uint32_t>(start)};
        break;
      }
      if (budget_spent(start)) break;
    }
    if (!problem) budget_spent(block_end);
    block = !only ? block_end + 1 : ++listed < only->size() ? (*only)[listed] : text.size() + 1;
  }
  pcre2_match_data_free(data);
  pcre2_set_offset_limit(match_context(), PCRE2_UNSET);
  return problem;
}

std::vector<std::uint32_t> block_starts(std::string_view text) {
  std::vector<std::uint32_t> starts;
  for (std::size_t b = 0;;) {
    starts.push_back(static_cast<std::uint32_t>(b));
    const std::size_t end = text.find('\n', b);
    if (end == std::string_view::npos) return starts;
    b = end + 1;
  }
}

bool Pattern::search(std::string_view text) const {
  pcre2_code* const code = compiled_->ready(source_, text.size());
  if (!code) return false;
  pcre2_match_data* data = pcre2_match_data_create_from_pattern(code, nullptr);
  const int rc = pcre2_match(code, reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), 0, PCRE2_NO_UTF_CHECK, data,
                             match_context());
  pcre2_match_data_free(data);
  return rc >= 0;
}

}  // namespace clauselint
