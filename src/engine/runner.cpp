#include "clauselint/runner.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include "clauselint/engine.h"
#include "clauselint/input.h"

namespace clauselint {
namespace {

FileResult lint_one(const std::string& path, const RulesFor& rules_for, const RunOptions& options) {
  FileResult result;
  result.shown = path == "-" ? options.stdin_name : path;
  LoadedSource loaded = read_source(path, result.shown);
  result.diagnostics = std::move(loaded.diagnostics);
  if (!loaded.source) return result;
  const RuleSet* rules = rules_for(result.shown, result.diagnostics);
  if (!rules) return result;
  result.source = loaded.source;
  const Document doc =
      parse_document(loaded.source, options.input_format.value_or(input_format_for(result.shown)), result.diagnostics);
  LintResult linted = lint_document(doc, *rules);
  result.findings = std::move(linted.findings);
  result.diagnostics.insert(result.diagnostics.end(), linted.diagnostics.begin(), linted.diagnostics.end());
  return result;
}

}  // namespace

std::vector<FileResult> lint_files(const std::vector<std::string>& paths, const RulesFor& rules_for,
                                   const RunOptions& options) {
  std::vector<FileResult> results(paths.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < paths.size(); i = next++) results[i] = lint_one(paths[i], rules_for, options);
  };
  const unsigned threads = std::max(1u, std::min<unsigned>(options.jobs, static_cast<unsigned>(paths.size())));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& thread : pool) thread.join();
  return results;
}

}  // namespace clauselint
