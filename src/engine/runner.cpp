#include "clauselint/runner.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <thread>

#include "clauselint/block_memo.h"
#include "clauselint/engine.h"
#include "clauselint/input.h"
#include "clauselint/pattern.h"

namespace clauselint {
namespace {

// JIT-compiling ahead needs a spare core; CLAUSELINT_JIT_AHEAD=0 turns it off.
bool jit_ahead_wanted() {
  static const bool wanted = [] {
    const char* value = std::getenv("CLAUSELINT_JIT_AHEAD");
    return std::thread::hardware_concurrency() > 1 && !(value && std::strcmp(value, "0") == 0);
  }();
  return wanted;
}

FileResult lint_one(const FileJob& job, const RunOptions& options, bool only_file) {
  FileResult result;
  result.shown = job.path == "-" ? options.stdin_name : job.path;
  LoadedSource loaded = job.bytes ? decode_source(result.shown, *job.bytes) : read_source(job.path, result.shown);
  result.diagnostics = std::move(loaded.diagnostics);
  if (!loaded.source) return result;
  result.source = loaded.source;
  const Document doc =
      parse_document(loaded.source, options.input_format.value_or(input_format_for(result.shown)), result.diagnostics);
  const MatchBudget budget(options.match_budget_ms);  // the file's matching time (limits.h)
  LintOptions lint;
  lint.explain = options.explain;
  lint.jit_ahead = only_file && jit_ahead_wanted();
  LintResult linted = lint_document(doc, *job.rules, nullptr, lint);
  for (Finding& f : linted.findings) {
    const auto it = job.severities.find(f.rule_id);
    if (it == job.severities.end()) {
      result.findings.push_back(std::move(f));
    } else if (it->second) {
      f.severity = *it->second;
      result.findings.push_back(std::move(f));
    }  // else: the rule is off for this file
  }
  result.diagnostics.insert(result.diagnostics.end(), linted.diagnostics.begin(), linted.diagnostics.end());
  return result;
}

}  // namespace

void lint_files(const std::vector<FileJob>& jobs, const RunOptions& options,
                const std::function<void(FileResult&&)>& emit) {
  const unsigned threads = std::max(1u, std::min<unsigned>(options.jobs, static_cast<unsigned>(jobs.size())));
  const std::size_t window = std::size_t{4} * threads;  // results that may wait for an earlier one
  std::mutex mutex;
  std::condition_variable ready;
  std::map<std::size_t, FileResult> done;  // finished, not yet emitted
  std::size_t emitted = 0;
  std::mutex emitting;  // one thread emits at a time, in input order
  std::atomic<std::size_t> next{0};

  auto drain = [&] {
    const std::lock_guard<std::mutex> one(emitting);
    while (true) {
      FileResult result;
      {
        const std::lock_guard<std::mutex> lock(mutex);
        const auto it = done.find(emitted);
        if (it == done.end()) return;
        result = std::move(it->second);
        done.erase(it);
      }
      emit(std::move(result));
      {
        const std::lock_guard<std::mutex> lock(mutex);
        ++emitted;
      }
      ready.notify_all();
    }
  };
  auto work = [&] {
    const MemoScope memo(jobs.size() > 1);  // blocks seen in an earlier file are not searched again
    for (std::size_t i = next++; i < jobs.size(); i = next++) {
      {
        std::unique_lock<std::mutex> lock(mutex);
        ready.wait(lock, [&] { return i < emitted + window; });
      }
      FileResult result = lint_one(jobs[i], options, jobs.size() == 1);
      {
        const std::lock_guard<std::mutex> lock(mutex);
        done.emplace(i, std::move(result));
      }
      drain();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& thread : pool) thread.join();
  drain();
}

std::vector<FileResult> lint_files(const std::vector<FileJob>& jobs, const RunOptions& options) {
  std::vector<FileResult> results;
  results.reserve(jobs.size());
  lint_files(jobs, options, [&](FileResult&& r) { results.push_back(std::move(r)); });
  return results;
}

}  // namespace clauselint
