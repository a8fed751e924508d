// Which rules apply to a document: its nearest .clauselint.yaml (or the
// defaults), the packs that selects and the severities it sets. Configs and
// rule sets are cached per config file and reloaded when the config or one
// of its pack files changes (checked by mtime and size on every lookup, and
// dropped at once on workspace/didChangeWatchedFiles).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "clauselint/config.h"
#include "clauselint/diagnostic.h"
#include "clauselint/rule_set.h"

namespace clauselint::lsp {

struct LintSetup {
  const RuleSet* rules = nullptr;  // null: the config or a pack does not load
  RuleSettings severities;
  bool excluded = false;    // the config's include/exclude leave the file out
  std::string config_file;  // "" for the defaults
};

class Workspace {
 public:
  // For the policy at `path` ("" for a document without a file: the defaults).
  LintSetup setup_for(const std::string& path);
  void invalidate() { entries_.clear(); }
  // Problems loading configs and packs, by the file they are in (absolute
  // path); files whose problems went away map to an empty list once, so
  // their diagnostics can be cleared.
  std::map<std::string, std::vector<Diagnostic>> take_problem_changes();

 private:
  struct Stamp {
    std::string path;
    long long mtime = -1;
    long long size = -1;
    friend bool operator==(const Stamp&, const Stamp&) = default;
  };
  struct Entry {
    std::vector<Stamp> stamps;  // the config and its pack files
    std::optional<Config> config;
    std::map<std::string, std::unique_ptr<RuleSet>> rule_sets;  // by packs (null: failed)
    std::vector<Diagnostic> problems;
  };
  Entry& entry_for(const std::string& config_file);
  const RuleSet* rules_for(Entry& entry, const std::vector<std::string>& packs);
  static Stamp stamp(const std::string& path);
  void collect_problems();

  std::map<std::string, Entry> entries_;  // by config file ("" : none)
  std::set<std::string> published_;       // files with problems last published
};

}  // namespace clauselint::lsp
