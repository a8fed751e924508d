// The shared steps of lint_steps.h.
#include "cli/lint_steps.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <thread>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "clauselint/input.h"
#include "clauselint/output_target.h"
#include "clauselint/precision.h"
#include "clauselint/report.h"

namespace clauselint::cli {

void print(const std::vector<Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics) std::cerr << format_diagnostic(d) << '\n';
}

bool fails(Severity s, FailOn fail_on) {
  switch (fail_on) {
    case FailOn::never: return false;
    case FailOn::note: return true;
    case FailOn::warning: return s >= Severity::warning;
    case FailOn::error: return s == Severity::error;
  }
  return true;
}

// The enclosing git repository's top folder, else the current folder.
std::string repository_root() {
  std::error_code ec;
  for (auto dir = std::filesystem::current_path(ec); !ec && !dir.empty(); dir = dir.parent_path()) {
    if (std::filesystem::exists(dir / ".git", ec)) return dir.string();
    if (dir == dir.parent_path()) break;
  }
  return std::filesystem::current_path(ec).string();
}

std::string plural(std::size_t n, std::string_view word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }

void print_error(const std::string& error) { fmt::print(std::cerr, "clauselint: error: {}\n", error); }

// Prints the diagnostics, without the notes under --quiet.
void print_shown(const Options& o, const std::vector<Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics)
    if (!o.quiet || d.severity != Severity::note) std::cerr << format_diagnostic(d) << '\n';
}

// Step 1: which files, with which rules and severities.
RunPlan plan_lint(const Options& o, const CollectedPaths& inputs) {
  RunPlan plan = plan_run(inputs.files, o.rules, o.config, o.stdin_filename);
  if (const auto floor = parse_precision(o.min_precision))  // --min-precision: the others are off
    for (FileJob& job : plan.jobs)
      for (const Rule& r : job.rules->rules())
        if (r.precision < *floor) job.severities[r.id] = std::nullopt;
  return plan;
}

RunOptions run_options(const Options& o) {
  RunOptions run;
  run.jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  run.input_format = parse_input_format(o.input_format);
  run.stdin_name = o.stdin_filename.empty() ? "<stdin>" : o.stdin_filename;
  run.explain = o.explain;
  return run;
}

bool write_output(const Options& o, const std::string& text) {
  std::string error;
  if (o.output.empty()) {
    std::cout << text;
    error = flush_stdout();
  } else {
    error = write_file_atomically(o.output, text);
  }
  if (!error.empty()) print_error(error);
  return error.empty();
}

}  // namespace clauselint::cli
