#include "clauselint/runner.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include "clauselint/engine.h"
#include "clauselint/input.h"
#include "clauselint/pattern.h"

namespace clauselint {
namespace {

FileResult lint_one(const FileJob& job, const RunOptions& options) {
  FileResult result;
  result.shown = job.path == "-" ? options.stdin_name : job.path;
  LoadedSource loaded = read_source(job.path, result.shown);
  result.diagnostics = std::move(loaded.diagnostics);
  if (!loaded.source) return result;
  result.source = loaded.source;
  const Document doc =
      parse_document(loaded.source, options.input_format.value_or(input_format_for(result.shown)), result.diagnostics);
  const MatchBudget budget(options.match_budget_ms);  // the file's matching time (limits.h)
  LintResult linted = lint_document(doc, *job.rules);
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

std::vector<FileResult> lint_files(const std::vector<FileJob>& jobs, const RunOptions& options) {
  std::vector<FileResult> results(jobs.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < jobs.size(); i = next++) results[i] = lint_one(jobs[i], options);
  };
  const unsigned threads = std::max(1u, std::min<unsigned>(options.jobs, static_cast<unsigned>(jobs.size())));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& thread : pool) thread.join();
  return results;
}

}  // namespace clauselint
