// What the command line asked for, parsed by parse_args.cpp.
#pragma once

#include <string>
#include <vector>

#include "clauselint/severity.h"
#include "cli/manual.h"

namespace clauselint::cli {

enum class FailOn { note, warning, error, never };

struct Options {
  std::string command = "lint";     // lint | rules | explain | test | print-config | diff | history | ...
  std::vector<std::string> paths;   // lint: files and directories; "-" is stdin
  std::vector<std::string> rules;   // --rules: built-in pack names or YAML files
  std::string format = "text";      // text | json | jsonl | sarif | github
  std::string output;               // -o FILE; empty: standard output
  std::string root;                 // --root: folder SARIF URIs are relative to
  std::string sarif_category;       // --sarif-category
  bool include_suppressed = false;  // --include-suppressed (SARIF)
  FailOn fail_on = FailOn::error;
  std::string stdin_filename;  // --stdin-filename; empty: "-" is shown as <stdin>
  std::string config;          // --config FILE; empty: the nearest .clauselint.yaml
  std::string print_config;
  std::string baseline;                  // --baseline FILE: report only findings not in it
  std::string write_baseline;            // --write-baseline FILE               // --print-config FILE
  std::string color = "auto";            // auto | always | never
  bool quiet = false;                    // no summary, no notes on stderr
  bool stats = false;                    // per-rule counts and timing on stderr
  std::string progress = "auto";         // auto | always | never: the progress line on stderr
  unsigned jobs = 0;                     // 0: one per core
  bool explain = false;                  // --explain: why each missing clause was not found
  std::string explain_file;              // explain RULE FILE
  std::string min_precision;             // --min-precision LEVEL: keep rules measured at LEVEL or above
  std::string input_format;              // --input-format markdown|html; empty: by extension
  std::string rule_id;                   // explain
  std::string list_pack;                 // rules --pack NAME
  bool list_all = false;                 // rules --all
  bool list_vocabulary = false;          // rules --vocabulary
  std::string markdown_dir;              // rules --markdown DIR
  std::vector<std::string> test_packs;   // test: packs or annotated policies; accuracy: labelled folders
  double min_score = 0.95;               // accuracy --min
  double min_rule_precision = -1;        // accuracy --min-rule-precision (default: --min)
  double min_micro = 0;                  // accuracy --micro: micro-averaged precision and recall
  bool partial_labels = false;           // accuracy --partial
  std::vector<std::string> corrections;  // accuracy --corrections FILE...
  std::string write_precision;           // accuracy --write-precision FILE
  std::vector<std::string> stats_paths;  // stats: the corpus (files and directories)
  std::string stats_from;                // stats --from RUN.jsonl
  std::string group_by;                  // stats --group-by front-matter:KEY | path:REGEX
  std::string stats_csv, stats_svg;      // stats --csv FILE, --svg FILE
  std::string since;                     // --since REV: report only findings new since REV (git)
  std::string diff_old, diff_new;        // diff OLD NEW: files or REV:path
  std::string history_path;              // history PATH
  std::string history_svg;               // history --svg FILE ('-': standard output)
  std::string generate;                  // --generate man|bash|zsh|fish (hidden; used by the build)
  ManualSpec manual;                     // the command line as data, for --generate
};

// Parses argv. Returns -1 to go on, or the exit code to stop with (0 after
// --help or --version, 2 for a usage error, already reported on stderr).
int parse_args(int argc, char** argv, Options& options);

}  // namespace clauselint::cli
